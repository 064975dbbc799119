// The wizard: checks the session once, and shows the step the address names (or the first
// earlier step still to do).
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { ProgressSteps } from './components/progress-steps';
import { allowedStep } from './step-progress';
import { TargetStep } from './steps/target/target-step';
import { type StepId, stepIndex } from './wizard-steps';
import { useNavigate, useWizardState, useWizardStore } from './wizard-store';

// The first step is in the first download; the others load while it is on screen.
const LATER_STEPS = {
  connect: () => import('./steps/connect/connect-step').then((m) => m.ConnectStep),
  bucket: () => import('./steps/bucket/bucket-step').then((m) => m.BucketStep),
  lifecycle: () => import('./steps/lifecycle/lifecycle-step').then((m) => m.LifecycleStep),
  cors: () => import('./steps/cors/cors-step').then((m) => m.CorsStep),
  key: () => import('./steps/key/key-step').then((m) => m.KeyStep),
  review: () => import('./steps/review/review-step').then((m) => m.ReviewStep),
  done: () => import('./steps/done/done-step').then((m) => m.DoneStep),
} satisfies Record<Exclude<StepId, 'target'>, () => Promise<ComponentType>>;

const STEPS: Record<StepId, ComponentType> = {
  target: TargetStep,
  ...(Object.fromEntries(
    Object.entries(LATER_STEPS).map(([step, load]) => [
      step,
      lazy(() => load().then((component) => ({ default: component }))),
    ]),
  ) as unknown as Record<Exclude<StepId, 'target'>, ComponentType>),
};

function usePreloadSteps() {
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const load of Object.values(LATER_STEPS)) void load().catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, []);
}

/** Asks the server once whether a connection exists; the first step needs none. */
function useSessionCheck(enabled: boolean) {
  const store = useWizardStore();
  useEffect(() => {
    if (!enabled || store.getState().sessionChecked) return;
    const controller = new AbortController();
    // Loaded apart: the API client is not needed to draw the first step.
    import('./api/get-session')
      .then(({ getSession }) => getSession(controller.signal))
      .then(
        (account) => {
          // A connection made meanwhile wins over this older answer.
          if (!store.getState().sessionChecked) store.setAccount(account);
        },
        () => {
          if (!controller.signal.aborted && !store.getState().sessionChecked) {
            store.setAccount(null);
          }
        },
      );
    return () => controller.abort();
  }, [store, enabled]);
}

export function SetupWizard({ requested }: { requested: StepId }) {
  const state = useWizardState();
  const navigate = useNavigate();
  useSessionCheck(requested !== 'target');
  usePreloadSteps();

  const waiting = !state.sessionChecked && stepIndex(requested) > stepIndex('connect');
  const step = waiting ? requested : allowedStep(state, requested);

  useEffect(() => {
    if (!waiting && step !== requested) navigate(step, { replace: true });
  }, [waiting, step, requested, navigate]);

  const Step = STEPS[step];
  return (
    <>
      <ProgressSteps current={step} />
      <main className="main">
        {waiting ? (
          <p role="status" className="status">
            Loading…
          </p>
        ) : (
          <Suspense
            fallback={
              <p role="status" className="status">
                Loading…
              </p>
            }
          >
            <Step key={step} />
          </Suspense>
        )}
      </main>
    </>
  );
}
