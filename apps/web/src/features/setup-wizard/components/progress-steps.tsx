import { STEP_IDS, STEP_NAMES, type StepId, stepIndex } from '../wizard-steps';

/** The named steps, with the current one marked for screen readers too. */
export function ProgressSteps({ current }: { current: StepId }) {
  const at = stepIndex(current);
  return (
    <nav className="progress" aria-label="Setup steps">
      <p className="progress__count">
        Step {at + 1} of {STEP_IDS.length}
      </p>
      <ol className="progress__list">
        {STEP_IDS.map((step, index) => {
          const state = index < at ? 'done' : index === at ? 'current' : 'todo';
          return (
            <li
              key={step}
              className={`progress__item progress__item--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="progress__number" aria-hidden="true">
                {index < at ? '✓' : index + 1}
              </span>
              <span className="progress__name">{STEP_NAMES[step]}</span>
              {state === 'done' && <span className="visually-hidden"> (done)</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
