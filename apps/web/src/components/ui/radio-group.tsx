// A set of radio buttons in a fieldset with a legend. Values may be strings, numbers or booleans,
// so forms use it through FormRadioGroup (react-hook-form's controller) rather than register().
import { useId, type ReactNode, type Ref } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export interface RadioOption<V extends string | number | boolean> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
  /** Shown under the option while it is chosen (a follow-up field, a warning). */
  more?: ReactNode;
}

export interface RadioGroupProps<V extends string | number | boolean> {
  legend: ReactNode;
  description?: ReactNode;
  name: string;
  options: readonly RadioOption<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  onBlur?: () => void;
  error?: string | undefined;
  /** Receives the first radio, so a form can move focus to the group. */
  inputRef?: Ref<HTMLInputElement>;
  /** Show the legend like a field label rather than a section heading. */
  compact?: boolean;
}

export function RadioGroup<V extends string | number | boolean>({
  legend,
  description,
  name,
  options,
  value,
  onChange,
  onBlur,
  error,
  inputRef,
  compact = false,
}: RadioGroupProps<V>) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={compact ? 'radio-group radio-group--compact' : 'radio-group'}
      aria-describedby={describedBy}
    >
      <legend className="radio-group__legend">{legend}</legend>
      {description && (
        <p className="field__description" id={descriptionId}>
          {description}
        </p>
      )}
      <div className="radio-group__options">
        {options.map((option, index) => {
          const optionId = `${id}-${index}`;
          const optionDescriptionId = option.description ? `${optionId}-description` : undefined;
          const checked = value !== undefined && String(option.value) === String(value);
          return (
            <div key={String(option.value)} className={checked ? 'radio radio--checked' : 'radio'}>
              <div className="radio__row">
                <input
                  ref={index === 0 ? inputRef : undefined}
                  type="radio"
                  id={optionId}
                  name={name}
                  value={String(option.value)}
                  checked={checked}
                  onChange={() => onChange(option.value)}
                  onBlur={onBlur}
                  aria-describedby={optionDescriptionId}
                />
                <label htmlFor={optionId} className="radio__label">
                  {option.label}
                </label>
              </div>
              {option.description && (
                <p className="radio__description" id={optionDescriptionId}>
                  {option.description}
                </p>
              )}
              {checked && option.more && <div className="radio__more">{option.more}</div>}
            </div>
          );
        })}
      </div>
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

type FormRadioGroupProps<F extends FieldValues, V extends string | number | boolean> = Omit<
  RadioGroupProps<V>,
  'name' | 'value' | 'onChange' | 'onBlur' | 'error' | 'inputRef'
> & { control: Control<F>; name: FieldPath<F> };

/** A RadioGroup bound to one field of a react-hook-form form, with the field's error. */
export function FormRadioGroup<F extends FieldValues, V extends string | number | boolean>({
  control,
  name,
  ...group
}: FormRadioGroupProps<F, V>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <RadioGroup<V>
      {...group}
      name={field.name}
      value={field.value as V | undefined}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={fieldState.error?.message}
    />
  );
}
