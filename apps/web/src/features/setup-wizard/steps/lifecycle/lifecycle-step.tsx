import {
  LIFECYCLE_LABELS,
  MAX_LIFECYCLE_DAYS,
  TARGET_PRESETS,
  lifecycleRulesFor,
  toolNameInSentence,
} from '@b2wiz/shared';
import { Field } from '../../../../components/ui/field';
import { NumberInput } from '../../../../components/ui/text-input';
import { FormRadioGroup } from '../../../../components/ui/form-radio-group';
import { useBuckets } from '../../use-buckets';
import { chosenExistingBucket } from '../../chosen-bucket';
import { LifecycleRuleLines } from '../../components/rule-lines';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { TodaysRules } from '../../components/todays-rules';
import { whyLifecycleDefault } from '../../defaults-explained';
import { lifecycleChangeSentence } from '../../rule-change-words';
import { formContext } from '../../form-context';
import { lifecycleForm } from '../../step-forms';
import { useLaterStepForm } from '../../use-later-step-form';
import { useNextStep } from '../../use-next-step';
import { useNavigate, useWizardStore } from '../../wizard-store';
import { CustomRules } from './lifecycle-custom-rules';

const PRESETS = ['keepAll', 'keepLatest', 'keepPriorDays', 'custom'] as const;

export function LifecycleStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const next = useNextStep('cors');
  const { state, context, form } = useLaterStepForm('lifecycle', lifecycleForm);
  const { errors } = form.formState;
  const isExisting = context.bucketMode === 'existing';
  const { loading } = useBuckets(isExisting);
  const existing = chosenExistingBucket(state);
  const recommended = TARGET_PRESETS[context.target].lifecycle;

  const onNext = form.handleSubmit(() => {
    store.saveDraft('lifecycle', form.getValues());
    next.go();
  });

  /** For an existing bucket, the tool's recommendation says what it would change. */
  const description = (preset: (typeof PRESETS)[number]) => {
    const text = LIFECYCLE_LABELS[preset].description;
    if (!existing || preset !== recommended.preset) return text;
    const change = lifecycleChangeSentence(existing.lifecycleRules, lifecycleRulesFor(recommended));
    return (
      <>
        {text} <strong>Recommended for {toolNameInSentence(context.target)}.</strong> {change}
      </>
    );
  };

  const presets = isExisting ? (['keepCurrent', ...PRESETS] as const) : PRESETS;
  return (
    <StepLayout
      title="Lifecycle settings"
      intro={
        <>
          <p>
            When a file is replaced or deleted, B2 can keep the old version. Old versions are billed
            like any file, so this choice decides how much of your bill they take.
          </p>
          <p>
            {isExisting
              ? 'Your bucket keeps the rules it has now unless you choose otherwise.'
              : whyLifecycleDefault(context.target)}
          </p>
        </>
      }
    >
      <form noValidate onSubmit={onNext}>
        {isExisting && (
          <TodaysRules
            bucketName={existing?.bucketName ?? formContext(state)?.bucketName ?? null}
            loading={loading}
          >
            {existing && <LifecycleRuleLines rules={existing.lifecycleRules} />}
          </TodaysRules>
        )}
        <FormRadioGroup
          control={form.control}
          name="preset"
          legend="Old versions of files"
          options={presets.map((preset) => ({
            value: preset,
            label: LIFECYCLE_LABELS[preset].label,
            description:
              preset === 'keepCurrent' ? LIFECYCLE_LABELS[preset].description : description(preset),
            more:
              preset === 'keepPriorDays' ? (
                <Field label="Number of days" error={errors.days?.message}>
                  {(control) => (
                    <NumberInput
                      {...control}
                      short
                      min={1}
                      max={MAX_LIFECYCLE_DAYS}
                      {...form.register('days', { valueAsNumber: true })}
                    />
                  )}
                </Field>
              ) : preset === 'custom' ? (
                <CustomRules form={form} />
              ) : undefined,
          }))}
        />
        <StepActions onBack={() => navigate('bucket', { back: true })} nextLabel={next.label} />
      </form>
    </StepLayout>
  );
}
