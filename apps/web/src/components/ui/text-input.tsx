// The inputs for what a person types that is a name, a path, an address or a number, not prose:
// no spelling marks, no capital first letter, no suggestions remembered from other forms.
import type { ComponentPropsWithRef } from 'react';

type InputProps = Omit<ComponentPropsWithRef<'input'>, 'type'>;

export interface TextInputProps extends InputProps {
  /** 'url' brings the address keyboard; 'password' hides what is typed. Plain text otherwise. */
  type?: 'text' | 'url' | 'password';
}

/** A text box inside a Field: spread its control props and the form's register() on it. */
export function TextInput({ type, ...props }: TextInputProps) {
  return (
    <input
      type={type}
      inputMode={type === 'url' ? 'url' : undefined}
      autoComplete="off"
      spellCheck="false"
      autoCapitalize="none"
      {...props}
    />
  );
}

export interface NumberInputProps extends Omit<InputProps, 'inputMode'> {
  /** A box only a few digits wide. */
  short?: boolean;
}

/** A whole-number box with the digits keyboard. */
export function NumberInput({ short = false, className, ...props }: NumberInputProps) {
  const classes = [short ? 'input--short' : '', className ?? ''].filter(Boolean).join(' ');
  return <input type="number" inputMode="numeric" className={classes || undefined} {...props} />;
}
