// What every step form does beside validation: keep what was typed when the step is left, and
// show errors the server sent for its fields.
import { useEffect } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { Drafts } from './step-forms';
import type { FormStepId } from './wizard-steps';
import { type ServerFieldError, useWizardStore } from './wizard-store';

/** What this needs of a form: react-hook-form's, or the first step's own (use-target-form.ts). */
export interface StepFormMethods {
  getValues(): FieldValues;
  setError(
    name: string,
    error: { type: string; message: string },
    options?: { shouldFocus: boolean },
  ): void;
  trigger(): Promise<boolean>;
}

export function useStepForm<S extends FormStepId>(
  step: S,
  form: StepFormMethods,
  onServerErrors?: (errors: ServerFieldError[]) => void,
): void {
  const store = useWizardStore();
  const { getValues, setError, trigger } = form;

  // Leaving the step any way (Back, browser back, a jump) keeps the values as they are.
  useEffect(() => () => store.keepTyped(step, getValues() as Drafts[S]), [store, step, getValues]);

  useEffect(() => {
    const errors = store.takeFieldErrors(step);
    if (errors.length === 0) {
      // Sent once, then changed and left: show at once what is wrong with the change.
      if (store.getState().submitted.includes(step)) void trigger();
      return;
    }
    errors.forEach((error, index) => {
      const name = error.name === '' ? 'root.serverError' : error.name;
      setError(name, { type: 'server', message: error.message }, { shouldFocus: index === 0 });
    });
    onServerErrors?.(errors);
    // Only when the step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
