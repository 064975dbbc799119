import {
  needsConfirmation,
  type ApiErrorCode,
  type ConfirmableWarning,
  type Plan,
} from '@b2wiz/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../../../components/ui/button';
import { ApiError } from '../../api/api-client';
import { applySetup } from '../../api/apply-setup';
import { planSetup } from '../../api/plan-setup';
import { ServerErrorAlert } from '../../components/server-error-alert';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { buildSetupRequest } from '../../build-setup-request';
import { formContext } from '../../form-context';
import { routeErrorToSteps } from '../../server-field-errors';
import { useNavigate, useWizardState, useWizardStore } from '../../wizard-store';
import { ApplyErrorAlert } from './apply-error-alert';
import { focusFirstEmptyBox, ReviewConfirmations, type Confirmation } from './review-confirmations';
import { ReviewPlan } from './review-plan';
import { ReviewSummary } from './review-summary';

/** The plan's consequences to confirm, and any more the server asked for (409). */
function confirmationsOf(plan: Plan | null, asked: readonly Confirmation[]): Confirmation[] {
  const list: Confirmation[] = [];
  for (const w of plan?.warnings ?? []) {
    if (needsConfirmation(w.code) && !list.some((c) => c.code === w.code)) {
      list.push({ code: w.code, message: w.message });
    }
  }
  for (const c of asked) if (!list.some((l) => l.code === c.code)) list.push(c);
  return list;
}

export function ReviewStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const state = useWizardState();
  // Review only reads the drafts, once, as they were when it opened.
  const [request] = useState(() => buildSetupRequest(store.getState()));
  const [idempotencyKey] = useState(() => store.idempotencyKeyFor(JSON.stringify(request)));
  const [plan, setPlan] = useState<Plan | null>(null);
  const [planError, setPlanError] = useState<unknown>(null);
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<unknown>(null);
  const [planAttempt, setPlanAttempt] = useState(0);
  const [asked, setAsked] = useState<Confirmation[]>([]);
  const [ticked, setTicked] = useState<ReadonlySet<ConfirmableWarning>>(new Set());
  const [refusals, setRefusals] = useState(0);

  // Back on Review: the steps' Next leads forward again.
  useEffect(() => store.setReturnToReview(false), [store]);
  useEffect(() => {
    if (refusals > 0) focusFirstEmptyBox();
  }, [refusals]);

  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    planSetup(request, controller.signal).then(
      (answer) => {
        setPlan(answer);
        setPlanError(null);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (!routeErrorToSteps(error, store, navigate)) setPlanError(error);
      },
    );
    return () => controller.abort();
  }, [request, store, navigate, planAttempt]);

  if (!request) return null;
  const existing =
    request.bucket.mode === 'existing'
      ? state.buckets?.find(
          (b) => request.bucket.mode === 'existing' && b.bucketId === request.bucket.bucketId,
        )
      : undefined;
  const confirmations = confirmationsOf(plan, asked);

  async function createEverything() {
    if (!request) return;
    if (confirmations.some((c) => !ticked.has(c.code))) {
      setRefusals((n) => n + 1);
      return;
    }
    setApplying(true);
    setApplyError(null);
    try {
      const confirm = confirmations.map((c) => c.code);
      const result = await applySetup(request, idempotencyKey, confirm);
      store.setResult(result);
      navigate('done');
    } catch (error) {
      setApplying(false);
      if (
        error instanceof ApiError &&
        error.code === ('confirmation_needed' satisfies ApiErrorCode)
      ) {
        // Nothing was changed; the same request goes again once the boxes are ticked.
        setAsked(error.confirmations);
        setRefusals((n) => n + 1);
        return;
      }
      if (!routeErrorToSteps(error, store, navigate)) setApplyError(error);
    }
  }

  const applyApiError = applyError instanceof ApiError ? applyError : null;
  const canRetry = applyApiError !== null && (applyApiError.retryable || !!applyApiError.created);
  return (
    <StepLayout
      title="Review"
      intro={
        <p>
          This is everything the wizard will do in Backblaze B2. Nothing has changed yet: it happens
          only when you press “Create everything”.
        </p>
      }
    >
      <h2>Your choices</h2>
      <ReviewSummary
        request={request}
        existing={existing}
        existingName={formContext(state)?.bucketName ?? null}
      />
      <h2>What will happen</h2>
      {!plan && !planError && (
        <p role="status" className="status">
          Preparing the plan…
        </p>
      )}
      {planError !== null && (
        <>
          <ServerErrorAlert error={planError} title="We could not prepare the plan." />
          <Button onClick={() => setPlanAttempt((n) => n + 1)}>Try again</Button>
        </>
      )}
      {plan && <ReviewPlan plan={plan} />}
      <ReviewConfirmations
        items={confirmations}
        ticked={ticked}
        refused={refusals > 0}
        onChange={(code, on) =>
          setTicked((before) => {
            const after = new Set(before);
            if (on) after.add(code);
            else after.delete(code);
            return after;
          })
        }
      />
      {applying && (
        <div className="applying" role="status">
          <progress aria-label="Creating everything" />
          <p>
            Creating the bucket and the key, checking that the key works and writing your files.
            This takes a few seconds; keep this page open.
          </p>
        </div>
      )}
      {applyApiError && (
        <ApplyErrorAlert
          error={applyApiError}
          retry={
            canRetry && (
              <Button
                variant="primary"
                onClick={() => void createEverything()}
                disabled={applying}
                autoFocus
              >
                Retry
              </Button>
            )
          }
        />
      )}
      {applyError !== null && !applyApiError && <ServerErrorAlert error={applyError} />}
      {state.result ? (
        <StepActions
          onBack={() => navigate('key', { back: true })}
          next={
            <Button variant="primary" onClick={() => navigate('done')}>
              See your results
            </Button>
          }
        />
      ) : (
        <StepActions
          onBack={() => navigate('key', { back: true })}
          busy={applying}
          next={
            canRetry ? null : (
              <Button
                variant="primary"
                disabled={applying || !plan}
                onClick={() => void createEverything()}
              >
                Create everything
              </Button>
            )
          }
        />
      )}
    </StepLayout>
  );
}
