// The first step's checks, loaded apart from the step: zod, the shared schemas and their resolver
// are not needed to draw it (the wizard fetches this while the step is on screen).
import type { FieldErrors } from 'react-hook-form';
import { parseForm, stepResolver, targetForm, type TargetForm } from '../../step-forms';

const resolve = stepResolver(targetForm);

/** The form's errors, by field as react-hook-form nests them; {} when the values are valid. */
export async function checkTargetForm(values: TargetForm): Promise<FieldErrors<TargetForm>> {
  const { errors } = await resolve(values, undefined, {
    fields: {},
    criteriaMode: 'firstError',
    shouldUseNativeValidation: false,
  });
  return errors;
}

/** The tool a draft chose, when the draft is valid (what saveTarget compares the new one with). */
export function validTarget(draft: TargetForm | undefined) {
  return parseForm(targetForm, draft, undefined)?.target;
}
