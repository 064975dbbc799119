// The wizard: checks the session once, and shows the step the address names (or the first
// earlier step still to do).
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { whenEngaged } from '../../lib/when-engaged';
import { ProgressSteps } from './components/progress-steps';
import type * as StepProgress from './step-progress';
import { TargetStep } from './steps/target/target-step';
import { loadTargetCheck } from './steps/target/use-target-form';
import { type StepId, stepIndex } from './wizard-steps';
import { useNavigate, useWizardState, useWizardStore } from './wizard-store';

// The first step is in the first download, without zod or react-hook-form; the other steps, the
// checks of every step's drafts (step-progress.ts) and the first step's own checks load while it
// is on screen.
const LATER_STEPS = {
  connect: () => import('./steps/connect/connect-step').then((m) => m.ConnectStep),
  bucket: () => import('./steps/bucket/bucket-step').then((m) => m.BucketStep),
  lifecycle: () => import('./steps/lifecycle/lifecycle-step').then((m) => m.LifecycleStep),
  cors: () => import('./steps/cors/cors-step').then((m) => m.CorsStep),
  key: () => import('./steps/key/key-step').then((m) => m.KeyStep),
  review: () => import('./steps/review/review-step').then((m) => m.ReviewStep),
  done: () => import('./steps/done/done-step').then((m) => m.DoneStep),
} satisfies Record<Exclude<StepId, 'target'>, () => Promise<ComponentType>>;

type Progress = typeof StepProgress;
/** step-progress.ts once loaded: which steps are done needs the schemas. */
let progress: Progress | null = null;
const loadProgress = () =>
  import('./step-progress').then((m) => {
    progress = m;
    return m;
  });

/**
 * A later step: React.lazy until its module has loaded, the component itself after that (so a
 * prefetched step shows at once, without a moment of the loading status); and its prefetch.
 */
function laterStep(load: () => Promise<ComponentType>) {
  let loaded: ComponentType | null = null;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function LaterStep() {
    // Chosen once per mount, so a module landing meanwhile does not remount the step.
    const [Step] = useState(() => loaded ?? Lazy);
    return <Step />;
  }
  return { Component: LaterStep, preload };
}

const LAZY_STEPS = Object.fromEntries(
  Object.entries(LATER_STEPS).map(([step, load]) => [step, laterStep(load)]),
) as Record<Exclude<StepId, 'target'>, ReturnType<typeof laterStep>>;

const STEPS: Record<StepId, ComponentType> = {
  target: TargetStep,
  ...(Object.fromEntries(
    Object.entries(LAZY_STEPS).map(([step, { Component }]) => [step, Component]),
  ) as unknown as Record<Exclude<StepId, 'target'>, ComponentType>),
};

/** Calls back once the page has loaded and the browser is idle; returns a cancel. */
function whenIdle(callback: () => void): () => void {
  let cancel = () => {};
  const idle = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(callback, { timeout: 1000 });
      cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(callback, 50);
      cancel = () => clearTimeout(id);
    }
  };
  if (document.readyState === 'complete') idle();
  else {
    window.addEventListener('load', idle, { once: true });
    cancel = () => window.removeEventListener('load', idle);
  }
  return () => cancel();
}

/**
 * Fetches, while the first step is read, everything the steps after it need: from the person's
 * first move on, one module at a time, each when the browser is idle, so none holds up the page
 * or the first clicks.
 */
function usePreloadSteps() {
  useEffect(() => {
    const loads = [
      loadTargetCheck,
      loadProgress,
      ...Object.values(LAZY_STEPS).map((s) => s.preload),
    ];
    let cancel = () => {};
    const next = () => {
      const load = loads.shift();
      if (!load) return;
      cancel = whenIdle(() => {
        void load().then(next, next);
      });
    };
    cancel = whenEngaged(next);
    return () => {
      loads.length = 0;
      cancel();
    };
  }, []);
}

/** allowedStep, once its module has loaded (it is asked for when `needed`); null until then. */
function useAllowedStep(needed: boolean): Progress['allowedStep'] | null {
  const [loaded, setLoaded] = useState(progress);
  useEffect(() => {
    if (!needed || loaded) return;
    let live = true;
    void loadProgress().then((m) => {
      if (live) setLoaded(m);
    });
    return () => {
      live = false;
    };
  }, [needed, loaded]);
  return loaded?.allowedStep ?? null;
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
  // The first step needs no earlier one done; any other waits for the checks of the drafts.
  const allowedStep = useAllowedStep(requested !== 'target');

  const waiting =
    requested !== 'target' &&
    (allowedStep === null ||
      (!state.sessionChecked && stepIndex(requested) > stepIndex('connect')));
  const step = waiting || !allowedStep ? requested : allowedStep(state, requested);

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
