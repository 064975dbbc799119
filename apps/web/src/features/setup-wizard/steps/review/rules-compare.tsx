import {
  describeCorsRule,
  describeLifecycleRules,
  type CorsRule,
  type LifecycleRule,
} from '@b2wiz/shared';
import { CodeSpans } from '../../components/code-spans';

interface Rules {
  lifecycleRules: LifecycleRule[];
  corsRules: CorsRule[];
}

function RuleLines({ rules }: { rules: Rules }) {
  return (
    <>
      <p className="compare__kind">Lifecycle</p>
      <ul>
        {describeLifecycleRules(rules.lifecycleRules).map((line) => (
          <li key={line}>
            <CodeSpans text={line} />
          </li>
        ))}
      </ul>
      <p className="compare__kind">CORS</p>
      <ul>
        {rules.corsRules.length === 0 ? (
          <li>No sharing with web pages.</li>
        ) : (
          rules.corsRules.map((rule) => (
            <li key={rule.corsRuleName}>
              <CodeSpans text={describeCorsRule(rule)} />
            </li>
          ))
        )}
      </ul>
    </>
  );
}

/** An existing bucket's rules of today beside the ones the wizard would set. */
export function RulesCompare({ current, proposed }: { current: Rules; proposed: Rules }) {
  return (
    <div className="compare">
      <div className="compare__column">
        <h4>Today</h4>
        <RuleLines rules={current} />
      </div>
      <div className="compare__column">
        <h4>After</h4>
        <RuleLines rules={proposed} />
      </div>
    </div>
  );
}
