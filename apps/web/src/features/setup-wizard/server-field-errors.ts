// Where a server's error belongs: the step and the form field a dotted API path names.
import type { ApiErrorCode } from '@b2wiz/shared';
import { ApiError } from './api/api-client';
import { STEP_IDS, type StepId } from './wizard-steps';
import type { ServerFieldError, WizardStore } from './wizard-store';

/** Which step and form field a dotted API field path ("bucket.name") belongs to. */
export function locateField(field: string): { step: StepId; name: string } | null {
  const [head = '', ...rest] = field.split('.');
  const name = rest.join('.');
  switch (head) {
    case 'target':
    case 'options':
      return { step: 'target', name: field };
    case 'applicationKeyId':
    case 'applicationKey':
      return { step: 'connect', name: field };
    case 'cors':
      return { step: 'cors', name: name.startsWith('rules') ? 'rulesJson' : name };
    case 'bucket':
    case 'lifecycle':
    case 'key':
      return { step: head, name };
    default:
      return null;
  }
}

/** An API error's field messages, grouped by the step that shows them. */
export function fieldErrorsByStep(error: ApiError): Partial<Record<StepId, ServerFieldError[]>> {
  const byStep: Partial<Record<StepId, ServerFieldError[]>> = {};
  const add = (field: string, message: string, suggestion?: string) => {
    const at = locateField(field);
    if (!at) return;
    const list = (byStep[at.step] ??= []);
    if (!list.some((e) => e.name === at.name)) list.push({ name: at.name, message, suggestion });
  };
  if (error.field) {
    const next = error.nextStep ? ` ${error.nextStep}` : '';
    add(error.field, `${error.message}${next}`, error.suggestion);
  }
  for (const issue of error.issues) add(issue.field, issue.message);
  return byStep;
}

/** The earliest step among those with errors. */
export function firstStepOf(errors: Partial<Record<StepId, unknown>>): StepId | null {
  return STEP_IDS.find((step) => errors[step] !== undefined) ?? null;
}

/** The field errors of a failed call that belong on one step; none for any other failure. */
export function fieldErrorsOn(error: unknown, step: StepId): ServerFieldError[] {
  return error instanceof ApiError ? (fieldErrorsByStep(error)[step] ?? []) : [];
}

/**
 * Sends a server's field errors to the steps that own them. True when it did; the caller then
 * leaves its step. A lost session goes back to Connect.
 */
export function routeErrorToSteps(
  error: unknown,
  store: WizardStore,
  navigate: (step: StepId) => void,
): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 401 && error.code !== ('bad_credentials' satisfies ApiErrorCode)) {
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
