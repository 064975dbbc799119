// A RadioGroup bound to one field of a react-hook-form form (its controller), for the steps that
// use react-hook-form; apart from radio-group.tsx so the first step draws without the library.
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { RadioGroup, type RadioGroupProps } from './radio-group';

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
