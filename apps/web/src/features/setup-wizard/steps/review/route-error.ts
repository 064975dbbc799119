// Where a failed plan or apply sends the user: the step that owns the field, or Connect.
import { ApiError } from '../../api/api-client';
import { fieldErrorsByStep, firstStepOf } from '../../server-field-errors';
import type { StepId } from '../../wizard-steps';
import type { WizardStore } from '../../wizard-store';

/**
 * Sends a server's field errors to the steps that own them. True when it did; the caller then
 * leaves Review. A lost session goes back to Connect.
 */
export function routeErrorToSteps(
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
