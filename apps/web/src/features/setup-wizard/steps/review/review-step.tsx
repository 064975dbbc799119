import type { Plan } from '@b2wiz/shared';
import { useEffect, useState } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { ApiError } from '../../api/api-client';
import { applySetup } from '../../api/apply-setup';
import { planSetup } from '../../api/plan-setup';
import { ServerErrorAlert } from '../../components/server-error-alert';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { buildSetupRequest } from '../../build-setup-request';
import { fieldErrorsByStep, firstStepOf } from '../../server-field-errors';
import { formContext } from '../../setup-request';
import type { StepId } from '../../wizard-steps';
import { type WizardStore, useNavigate, useWizardState, useWizardStore } from '../../wizard-store';
import { ReviewSummary } from './review-summary';
import { RulesCompare } from './rules-compare';

/**
 * Sends a server's field errors to the steps that own them. True when it did; the caller then
 * leaves Review. A lost session goes back to Connect.
 */
function routeErrorToSteps(
  error: unknown,
  store: WizardStore,
  navigate: (step: StepId) => void,
): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 401 && error.code !== 'bad_credentials') {
    store.setAccount(null);
    store.setFieldErrors({
      connect: [{ name: '', message: `${error.message} ${error.nextStep}`.trim() }],
    });
    navigate('connect');
    return true;
  }
  if (error.retryable || error.created) return false;
  const byStep = fieldErrorsByStep(error);
  const first = firstStepOf(byStep);
  if (!first) return false;
  store.setFieldErrors(byStep);
  navigate(first);
  return true;
}

function CreatedSoFar({ error }: { error: ApiError }) {
  const { bucket, key } = error.created ?? {};
  return (
    <>
      <p>What exists in B2 now:</p>
      <ul>
        <li>
          {bucket
            ? `The bucket “${bucket.bucketName}” (ID ${bucket.bucketId}).`
            : 'No bucket was created yet.'}
        </li>
        <li>
          {key
            ? `The application key “${key.keyName}” (ID ${key.applicationKeyId}).`
            : 'No application key was created yet.'}
        </li>
      </ul>
      <p>Retry finishes the rest; nothing is made twice.</p>
    </>
  );
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

  async function createEverything() {
    if (!request) return;
    setApplying(true);
    setApplyError(null);
    try {
      const result = await applySetup(request, idempotencyKey);
      store.setResult(result);
      navigate('done');
    } catch (error) {
      setApplying(false);
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
      {plan && (
        <>
          <ol className="plan">
            {plan.steps.map((step) => (
              <li key={`${step.kind}-${step.title}`} className="plan__step">
                <h3 className="plan__title">{step.title}</h3>
                {step.details.length > 0 && (
                  <ul className="plan__details">
                    {step.details.map((detail) => (
                      <li key={detail}>{detail}</li>
                    ))}
                  </ul>
                )}
                {step.current && step.proposed && (
                  <RulesCompare current={step.current} proposed={step.proposed} />
                )}
              </li>
            ))}
          </ol>
          {plan.warnings.length > 0 && (
            <Alert tone="warning" title="Before you go on">
              <ul>
                {plan.warnings.map((warning, index) => (
                  <li key={`${warning.code}-${index}`}>{warning.message}</li>
                ))}
              </ul>
            </Alert>
          )}
        </>
      )}

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
        <Alert title={applyApiError.message}>
          {applyApiError.nextStep && <p>{applyApiError.nextStep}</p>}
          {applyApiError.created && <CreatedSoFar error={applyApiError} />}
          {canRetry && (
            <Button
              variant="primary"
              onClick={() => void createEverything()}
              disabled={applying}
              autoFocus
            >
              Retry
            </Button>
          )}
        </Alert>
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
