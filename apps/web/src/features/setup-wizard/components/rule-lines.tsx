// Lifecycle and CORS rules in plain words (the shared descriptions), B2's values in code spans.
import {
  describeCorsRule,
  describeLifecycleRules,
  type CorsRule,
  type LifecycleRule,
} from '@b2wiz/shared';
import { CodeSpans } from './code-spans';

export function LifecycleRuleLines({ rules }: { rules: readonly LifecycleRule[] }) {
  return (
    <ul className="rule-lines">
      {describeLifecycleRules(rules).map((line) => (
        <li key={line}>
          <CodeSpans text={line} />
        </li>
      ))}
    </ul>
  );
}

export function CorsRuleLines({ rules }: { rules: readonly CorsRule[] }) {
  return (
    <ul className="rule-lines">
      {rules.length === 0 ? (
        <li>No sharing with web pages: no web page may use this bucket from a browser.</li>
      ) : (
        rules.map((rule) => (
          <li key={rule.corsRuleName}>
            <CodeSpans text={describeCorsRule(rule)} />
          </li>
        ))
      )}
    </ul>
  );
}
