import {
  ACCESS_LABELS,
  accessTooNarrow,
  customerKeyName,
  KEY_ACCESS,
  TARGET_PRESETS,
  toolNameInSentence,
} from '@b2wiz/shared';
import { Alert } from '../../../../components/ui/alert';
import { CheckboxField, Field } from '../../../../components/ui/field';
import { NumberInput, TextInput } from '../../../../components/ui/text-input';
import { FormRadioGroup } from '../../../../components/ui/form-radio-group';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { whyKeyDefault } from '../../defaults-explained';
import { keyForm } from '../../step-forms';
import { useLaterStepForm } from '../../use-later-step-form';
import { useNavigate, useWizardStore } from '../../wizard-store';
import { OtherBuckets } from './other-buckets';

const emptyToUndefined = (value: unknown) =>
  value === '' || value === null || value === undefined ? undefined : Number(value);

export function KeyStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const { context, form } = useLaterStepForm('key', keyForm);
  const { errors } = form.formState;
  const [access = 'readWrite', restrictToBucket = true, listAllBucketNames = false] = form.watch([
    'access',
    'restrictToBucket',
    'listAllBucketNames',
  ]);
  const tooNarrow = accessTooNarrow(context.target, access);
  const tool = toolNameInSentence(context.target);
  const Tool = tool.charAt(0).toUpperCase() + tool.slice(1);
  const bucketName = context.bucketName ?? 'this bucket';
  const fallbackName = customerKeyName(context.target, context.bucketName ?? '', context.customer);

  const onNext = form.handleSubmit(() => {
    store.saveDraft('key', form.getValues());
    navigate('review');
  });

  return (
    <StepLayout
      title="Application key"
      intro={
        <>
          <p>
            Your tool signs in to B2 with its own application key, never with your master key. This
            step decides what that key may do.
          </p>
          <p>{whyKeyDefault(context.target, { access, restrictToBucket, listAllBucketNames })}</p>
        </>
      }
    >
      <form noValidate onSubmit={onNext}>
        <Field
          label="Name of key"
          description={`Letters, digits and '-', to recognise the key later in the dashboard. If you leave it empty, it is called “${fallbackName}”.`}
          error={errors.name?.message}
        >
          {(control) => <TextInput {...control} {...form.register('name')} />}
        </Field>
        <FormRadioGroup
          control={form.control}
          name="access"
          legend="Type of Access"
          options={KEY_ACCESS.map((access) => ({
            value: access,
            label: ACCESS_LABELS[access].label,
            description: ACCESS_LABELS[access].description,
          }))}
        />
        {/* Always there, so a screen reader hears the warning as soon as it appears. */}
        <div role="status" className="key-access-fit">
          {tooNarrow && (
            <Alert tone="warning" title={`${Tool} will not work fully with this key.`}>
              <p>{tooNarrow}</p>
              <p>
                Choose “{ACCESS_LABELS[TARGET_PRESETS[context.target].key.access].label}”, the
                default for {tool}, unless you are sure.
              </p>
            </Alert>
          )}
        </div>
        <CheckboxField
          label={`Allow access only to the bucket “${bucketName}”`}
          description="Recommended: the key can’t see or change your other buckets."
          error={errors.restrictToBucket?.message}
        >
          {(control) => (
            <input {...control} type="checkbox" {...form.register('restrictToBucket')} />
          )}
        </CheckboxField>
        {restrictToBucket === false && (
          <Alert tone="warning" title="This key will reach every bucket in the account.">
            <p>
              Anyone who gets it can read and change all your buckets. Tick the box above unless you
              need that.
            </p>
          </Alert>
        )}
        <OtherBuckets
          form={form}
          target={context.target}
          bucketName={bucketName}
          ownBucketId={context.bucketId}
        />
        <CheckboxField
          label="Allow List All Bucket Names"
          description="Lets the key see the names, and only the names, of your other buckets. Many S3 tools need this to start."
          error={errors.listAllBucketNames?.message}
        >
          {(control) => (
            <input {...control} type="checkbox" {...form.register('listAllBucketNames')} />
          )}
        </CheckboxField>
        <Field
          label="File name prefix (optional)"
          description="Only files whose names start with this, like backups/. Leave empty for every file."
          error={errors.namePrefix?.message}
        >
          {(control) => <TextInput {...control} {...form.register('namePrefix')} />}
        </Field>
        <Field
          label="Days until the key expires (optional)"
          description="Leave empty for a key that never expires. When it expires, your tool stops working until it gets a new key."
          error={errors.validDays?.message}
        >
          {(control) => (
            <NumberInput
              {...control}
              short
              min={1}
              {...form.register('validDays', { setValueAs: emptyToUndefined })}
            />
          )}
        </Field>
        <StepActions onBack={() => navigate('cors', { back: true })} />
      </form>
    </StepLayout>
  );
}
