// Review's "What will happen": the plan's steps in order, today's rules beside the new ones, and
// the warnings that need no confirmation.
import { needsConfirmation, type Plan } from '@b2wiz/shared';
import { Alert } from '../../../../components/ui/alert';
import { plainCounts } from '../../plain-counts';
import { RulesCompare } from './rules-compare';

/** A trailing list of B2 names, "(listBuckets, readFiles)", goes in small print. */
function PlanDetail({ text }: { text: string }) {
  const line = plainCounts(text);
  const match = /^(.*?)\s*\(([a-z][A-Za-z0-9]*(?:, [a-z][A-Za-z0-9]*)*)\)(\.?)$/.exec(line);
  if (!match || !/[A-Z]/.test(match[2]!)) return <>{line}</>;
  return (
    <>
      {match[1]}
      {match[3]} <small>({match[2]})</small>
    </>
  );
}

export function ReviewPlan({ plan }: { plan: Plan }) {
  const notes = plan.warnings.filter((w) => !needsConfirmation(w.code));
  return (
    <>
      <ol className="plan">
        {plan.steps.map((step) => (
          <li key={`${step.kind}-${step.title}`} className="plan__step">
            <h3 className="plan__title">{step.title}</h3>
            {step.details.length > 0 && (
              <ul className="plan__details">
                {step.details.map((detail) => (
                  <li key={detail}>
                    <PlanDetail text={detail} />
                  </li>
                ))}
              </ul>
            )}
            {step.current && step.proposed && (
              <RulesCompare current={step.current} proposed={step.proposed} />
            )}
          </li>
        ))}
      </ol>
      {notes.length > 0 && (
        <Alert tone="warning" title="Before you go on">
          <ul>
            {notes.map((warning, index) => (
              <li key={`${warning.code}-${index}`}>{plainCounts(warning.message)}</li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
