// The one accessible field anatomy: a label tied to its control, a description and an error that
// the control points at, so screen readers and tests find every control by its label.
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-errormessage': string | undefined;
}

interface FieldProps {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** Shown under the error, e.g. a button that fixes it. */
  footer?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

function joinIds(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

export function Field({ label, description, error, footer, children }: FieldProps) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {description && (
        <p className="field__description" id={descriptionId}>
          {description}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': joinIds(descriptionId, errorId),
        'aria-errormessage': errorId,
      })}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
      {footer}
    </div>
  );
}

interface CheckboxFieldProps {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** The checkbox input; it receives the same ids as any other control. */
  children: (control: ControlProps) => ReactNode;
}

/** A checkbox with its label after it, the same anatomy otherwise. */
export function CheckboxField({ label, description, error, children }: CheckboxFieldProps) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--checkbox field--invalid' : 'field field--checkbox'}>
      <div className="field__check">
        {children({
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': joinIds(descriptionId, errorId),
          'aria-errormessage': errorId,
        })}
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <p className="field__description" id={descriptionId}>
          {description}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
