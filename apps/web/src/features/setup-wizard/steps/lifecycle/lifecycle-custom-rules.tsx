// Custom lifecycle rules, one fieldset per rule, each number checked with B2's own limits.
import type { LifecycleStep as LifecycleStepValues } from '@b2wiz/shared';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button } from '../../../../components/ui/button';
import { Field } from '../../../../components/ui/field';
import { NumberInput, TextInput } from '../../../../components/ui/text-input';
import type { FormContext, LifecycleForm } from '../../step-forms';

type Form = UseFormReturn<LifecycleForm, FormContext | undefined, LifecycleStepValues>;

const daysOrNull = (value: unknown) =>
  value === '' || value === null || value === undefined ? null : Number(value);

export function CustomRules({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'rules' });
  const errors = form.formState.errors.rules;
  const listError = errors?.message ?? errors?.root?.message;
  return (
    <div className="rules">
      {fields.map((rule, index) => {
        const ruleErrors = errors?.[index];
        return (
          <fieldset key={rule.id} className="group">
            <legend className="group__legend">Rule {index + 1}</legend>
            <Field
              label="File path"
              description="The rule applies to files whose names start with this, like logs/. Leave empty for the whole bucket."
              error={ruleErrors?.fileNamePrefix?.message}
            >
              {(control) => (
                <TextInput {...control} {...form.register(`rules.${index}.fileNamePrefix`)} />
              )}
            </Field>
            <Field
              label="Days until a file is hidden (optional)"
              description="Hides even the only copy of a file this many days after upload. Leave empty for backups."
              error={ruleErrors?.daysFromUploadingToHiding?.message}
            >
              {(control) => (
                <NumberInput
                  {...control}
                  min={1}
                  {...form.register(`rules.${index}.daysFromUploadingToHiding`, {
                    setValueAs: daysOrNull,
                  })}
                />
              )}
            </Field>
            <Field
              label="Days until a hidden file is deleted (optional)"
              description="Deletes replaced or hidden versions this many days later."
              error={ruleErrors?.daysFromHidingToDeleting?.message}
            >
              {(control) => (
                <NumberInput
                  {...control}
                  min={1}
                  {...form.register(`rules.${index}.daysFromHidingToDeleting`, {
                    setValueAs: daysOrNull,
                  })}
                />
              )}
            </Field>
            <Button className="button--small" onClick={() => remove(index)}>
              Remove rule {index + 1}
            </Button>
          </fieldset>
        );
      })}
      {listError && (
        <p className="field__error" role="alert">
          {listError}
        </p>
      )}
      <Button
        onClick={() =>
          append({
            fileNamePrefix: '',
            daysFromUploadingToHiding: null,
            daysFromHidingToDeleting: 30,
          })
        }
      >
        Add a rule
      </Button>
    </div>
  );
}
