// The first step's form without a form library, so the first page loads neither react-hook-form
// nor zod: the values (every tool's settings, so switching tools keeps what was typed in each),
// checked by the shared schema through the same resolver as the later steps, from a module that
// loads apart (target-check.ts). It behaves as their react-hook-form forms do in mode onChange: a
// change shows that field's error; Next shows every error and focuses the first field with one.
import { useState, type ChangeEvent, type FormEvent, type RefCallback } from 'react';
import type { FieldError, FieldErrors, Path } from 'react-hook-form';
import type { Target } from '@b2wiz/shared';
import type { TargetForm } from '../../step-forms';
import type * as TargetCheck from './target-check';

type Check = typeof TargetCheck;
type Name = Path<TargetForm>;
type Errors = FieldErrors<TargetForm>;

/** The checks' module; the wizard also fetches it while the first step is on screen. */
export const loadTargetCheck = (): Promise<Check> => import('./target-check');

function getIn(object: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], object);
}

function setIn<T>(object: T, path: string, value: unknown): T {
  const [key = '', ...rest] = path.split('.');
  const at = (object ?? {}) as Record<string, unknown>;
  return { ...at, [key]: rest.length === 0 ? value : setIn(at[key], rest.join('.'), value) } as T;
}

const isEmpty = (errors: Errors) => Object.keys(errors).length === 0;

interface FormState {
  values: TargetForm;
  errors: Errors;
}

/** What never changes while the step is open: handlers that read the latest values. */
function createControl(
  initial: TargetForm,
  setState: (update: (s: FormState) => FormState) => void,
) {
  let values = initial;
  const elements = new Map<string, HTMLElement>();
  const refs = new Map<string, RefCallback<HTMLElement>>();
  const setErrors = (update: (errors: Errors) => Errors) =>
    setState((s) => ({ ...s, errors: update(s.errors) }));

  const refFor = (name: Name): RefCallback<HTMLElement> => {
    let ref = refs.get(name);
    if (!ref) {
      ref = (element) => {
        if (element) elements.set(name, element);
        else elements.delete(name);
      };
      refs.set(name, ref);
    }
    return ref;
  };

  const focusFirstError = (errors: Errors) => {
    const invalid = [...elements]
      .filter(([name]) => getIn(errors, name) !== undefined)
      .map(([, element]) => element)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    invalid[0]?.focus();
  };

  const checkAll = async () => {
    const check = await loadTargetCheck();
    return { check, errors: await check.checkTargetForm(values) };
  };

  const checkField = async (name: Name) => {
    const { checkTargetForm } = await loadTargetCheck();
    const checked = values;
    const errors = await checkTargetForm(checked);
    // Typed on meanwhile: the check of the newer value has the say.
    if (getIn(values, name) !== getIn(checked, name)) return;
    setErrors((current) => setIn(current, name, getIn(errors, name)));
  };

  const change = (name: Name, value: unknown) => {
    values = setIn(values, name, value);
    setState((s) => ({ ...s, values }));
    void checkField(name);
  };

  return {
    refFor,
    change,
    getValues: (): TargetForm => values,
    /** Every value at once (a loaded recipe), errors cleared. */
    replaceValues: (next: TargetForm) => {
      values = next;
      setState(() => ({ values, errors: {} }));
    },
    setError: (
      name: Name,
      error: FieldError | { type: string; message: string },
      options?: { shouldFocus: boolean },
    ) => {
      setErrors((current) => setIn(current, name, { ...error }));
      if (options?.shouldFocus) elements.get(name)?.focus();
    },
    /** Checks every field and shows what it finds; true when all is well. */
    trigger: async (): Promise<boolean> => {
      const { errors } = await checkAll();
      setErrors(() => errors);
      return isEmpty(errors);
    },
    /** A submit handler: onValid runs when every field is valid, with the checks' module. */
    handleSubmit: (onValid: (check: Check) => void) => (event: FormEvent) => {
      event.preventDefault();
      void checkAll().then(({ check, errors }) => {
        setErrors(() => errors);
        if (isEmpty(errors)) onValid(check);
        else focusFirstError(errors);
      });
    },
  };
}

export function useTargetForm(initial: TargetForm) {
  const [state, setState] = useState<FormState>(() => ({ values: initial, errors: {} }));
  const [control] = useState(() => createControl(initial, setState));
  const { refFor, change, ...methods } = control;
  return {
    ...methods,
    values: state.values,
    errors: state.errors,
    /** A text box's props: its name, value, change handler and ref. */
    text: (name: Name, setValueAs?: (value: string) => unknown) => ({
      name,
      value: String(getIn(state.values, name) ?? ''),
      onChange: (event: ChangeEvent<HTMLInputElement>) =>
        change(name, setValueAs ? setValueAs(event.target.value) : event.target.value),
      ref: refFor(name),
    }),
    /** The tool's radio group: its value, change handler, error and the ref of its first radio. */
    targetRadios: () => ({
      name: 'target',
      value: state.values.target,
      onChange: (value: Target) => change('target', value),
      inputRef: refFor('target'),
      error: state.errors.target?.message,
    }),
  };
}

export type TargetFormControl = ReturnType<typeof useTargetForm>;
