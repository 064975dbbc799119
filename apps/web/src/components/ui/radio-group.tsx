// A set of radio buttons in a fieldset with a legend. Values may be strings, numbers or booleans,
// so react-hook-form's forms use it through FormRadioGroup (form-radio-group.tsx, its controller)
// rather than register(). This file needs no form library, so the first step draws without one.
import { useId, type ReactNode, type Ref } from 'react';

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
  /** The options under headings of their own (then `options` is ignored). */
  groups?: readonly { label: ReactNode; options: readonly RadioOption<V>[] }[];
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
  groups,
}: RadioGroupProps<V>) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const renderOption = (option: RadioOption<V>, key: string, first: boolean) => {
    const optionId = `${id}-${key}`;
    const optionDescriptionId = option.description ? `${optionId}-description` : undefined;
    const checked = value !== undefined && String(option.value) === String(value);
    return (
      <div key={String(option.value)} className={checked ? 'radio radio--checked' : 'radio'}>
        <div className="radio__row">
          <input
            ref={first ? inputRef : undefined}
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
  };
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
      {groups ? (
        groups.map((group, g) => (
          <fieldset key={g} className="radio-group__group">
            <legend className="radio-group__group-legend">{group.label}</legend>
            <div className="radio-group__options">
              {group.options.map((option, index) =>
                renderOption(option, `${g}-${index}`, g === 0 && index === 0),
              )}
            </div>
          </fieldset>
        ))
      ) : (
        <div className="radio-group__options">
          {options.map((option, index) => renderOption(option, String(index), index === 0))}
        </div>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
