// Object Lock retention for a new bucket: the mode, each said in one sentence, and the period,
// with what a locked file costs. The words and limits are shared's.
import {
  RETENTION_MAX_DAYS,
  RETENTION_MODE_WORDS,
  RETENTION_MODES,
  RETENTION_TEXT,
  type BucketStep as BucketStepValues,
} from '@b2wiz/shared';
import type { UseFormReturn } from 'react-hook-form';
import { Field } from '../../../../components/ui/field';
import { FormRadioGroup } from '../../../../components/ui/form-radio-group';
import { NumberInput } from '../../../../components/ui/text-input';
import type { BucketForm, FormContext } from '../../step-forms';

type Form = UseFormReturn<BucketForm, FormContext | undefined, BucketStepValues>;

export function BucketRetentionFields({ form }: { form: Form }) {
  const { errors } = form.formState;
  return (
    <fieldset className="bucket-retention">
      <legend>How long files stay locked</legend>
      <p>Every file uploaded to the bucket is locked for this long. {RETENTION_TEXT.cost}</p>
      <FormRadioGroup
        control={form.control}
        name="retention.mode"
        legend="Retention mode"
        options={RETENTION_MODES.map((mode) => ({
          value: mode,
          label: RETENTION_MODE_WORDS[mode].label,
          description: RETENTION_MODE_WORDS[mode].description,
        }))}
      />
      <Field
        label="Retention period"
        description={RETENTION_TEXT.periodRange}
        error={errors.retention?.period?.duration?.message}
      >
        {(control) => (
          <NumberInput
            {...control}
            short
            min={1}
            max={RETENTION_MAX_DAYS}
            {...form.register('retention.period.duration', { valueAsNumber: true })}
          />
        )}
      </Field>
      <Field label="Period unit" error={errors.retention?.period?.unit?.message}>
        {(control) => (
          <select {...control} className="input--short" {...form.register('retention.period.unit')}>
            <option value="days">days</option>
            <option value="years">years</option>
          </select>
        )}
      </Field>
    </fieldset>
  );
}
