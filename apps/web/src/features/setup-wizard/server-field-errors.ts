// Where a server's error belongs: the step and the form field a dotted API path names.
import type { ApiError } from './api/api-client';
import { STEP_IDS, type StepId } from './wizard-steps';
import type { ServerFieldError } from './wizard-store';

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
