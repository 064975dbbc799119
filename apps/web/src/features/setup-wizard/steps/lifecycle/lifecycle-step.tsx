import { LIFECYCLE_LABELS, type LifecycleStep as LifecycleStepValues } from '@b2wiz/shared';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { Field } from '../../../../components/ui/field';
import { FormRadioGroup } from '../../../../components/ui/radio-group';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { whyLifecycleDefault } from '../../defaults-explained';
import { lifecycleForm, type FormContext, type LifecycleForm } from '../../step-forms';
import { useLaterStepForm } from '../../use-later-step-form';
import { useNavigate, useWizardStore } from '../../wizard-store';

type Form = UseFormReturn<LifecycleForm, FormContext | undefined, LifecycleStepValues>;

const PRESETS = ['keepAll', 'keepLatest', 'keepPriorDays', 'custom'] as const;
const daysOrNull = (value: unknown) =>
  value === '' || value === null || value === undefined ? null : Number(value);

function CustomRules({ form }: { form: Form }) {
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
                <input
                  {...control}
                  autoComplete="off"
                  spellCheck={false}
                  {...form.register(`rules.${index}.fileNamePrefix`)}
                />
              )}
            </Field>
            <Field
              label="Days until a file is hidden (optional)"
              description="Hides even the only copy of a file this many days after upload. Leave empty for backups."
              error={ruleErrors?.daysFromUploadingToHiding?.message}
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="numeric"
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
                <input
                  {...control}
                  type="number"
                  inputMode="numeric"
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

export function LifecycleStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const { state, context, form } = useLaterStepForm('lifecycle', lifecycleForm);
  const { errors } = form.formState;
  const existing =
    state.drafts.bucket?.mode === 'existing'
      ? state.buckets?.find((b) => b.bucketId === state.drafts.bucket?.bucketId)
      : undefined;

  const onNext = form.handleSubmit(() => {
    store.saveDraft('lifecycle', form.getValues());
    navigate('cors');
  });

  return (
    <StepLayout
      title="Lifecycle settings"
      intro={
        <>
          <p>
            When a file is replaced or deleted, B2 can keep the old version. Old versions are billed
            like any file, so this choice decides how much of your bill they take.
          </p>
          <p>{whyLifecycleDefault(context.target)}</p>
        </>
      }
    >
      <form noValidate onSubmit={onNext}>
        <FormRadioGroup
          control={form.control}
          name="preset"
          legend="Old versions of files"
          options={PRESETS.map((preset) => ({
            value: preset,
            label: LIFECYCLE_LABELS[preset].label,
            description: LIFECYCLE_LABELS[preset].description,
            more:
              preset === 'keepPriorDays' ? (
                <Field label="Number of days" error={errors.days?.message}>
                  {(control) => (
                    <input
                      {...control}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      className="input--short"
                      {...form.register('days', { valueAsNumber: true })}
                    />
                  )}
                </Field>
              ) : preset === 'custom' ? (
                <CustomRules form={form} />
              ) : undefined,
          }))}
        />
        {existing && existing.lifecycleRules.length > 0 && (
          <Alert tone="info" title={`“${existing.bucketName}” has lifecycle rules today.`}>
            <p>Your choice replaces them. Review shows both before anything changes.</p>
          </Alert>
        )}
        <StepActions onBack={() => navigate('bucket', { back: true })} />
      </form>
    </StepLayout>
  );
}
