import {
  proposedBucketName,
  suggestBucketName,
  type BucketStep as BucketStepValues,
  type BucketSummary,
} from '@b2wiz/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { Field } from '../../../../components/ui/field';
import { FormRadioGroup } from '../../../../components/ui/radio-group';
import { randomId } from '../../../../lib/random-id';
import { useBuckets } from '../../api/get-buckets';
import { bucketTypeName } from '../../bucket-type-name';
import { AlwaysOnEncryption, BucketEncryption } from '../../components/encryption-status';
import { ServerErrorAlert } from '../../components/server-error-alert';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { whyBucketDefault } from '../../defaults-explained';
import { formContext } from '../../setup-request';
import { bucketForm, stepResolver, type BucketForm, type FormContext } from '../../step-forms';
import { formDefaults } from '../../form-defaults';
import { useStepForm } from '../../use-step-form';
import { useNavigate, useWizardState, useWizardStore } from '../../wizard-store';

function bucketDescription(bucket: BucketSummary): string {
  const rules = (n: number, what: string) =>
    n === 0 ? `no ${what} rules` : n === 1 ? `1 ${what} rule` : `${n} ${what} rules`;
  return `${bucketTypeName(bucket.bucketType)} · ${rules(bucket.lifecycleRules.length, 'lifecycle')} · ${rules(bucket.corsRules.length, 'CORS')}`;
}

export function BucketStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const state = useWizardState();
  const context = formContext(state) as FormContext;
  const restricted = state.account?.restrictedBucket ?? null;
  const defaults = {
    ...formDefaults(context).bucket,
    name: proposedBucketName(context.target, state.bucketNameSuffix),
  };
  const [suggestion, setSuggestion] = useState<string | null>(null);

  const form = useForm<BucketForm, FormContext | undefined, BucketStepValues>({
    mode: 'onChange',
    resolver: stepResolver(bucketForm),
    defaultValues: state.drafts.bucket
      ? { ...defaults, ...state.drafts.bucket }
      : restricted
        ? { ...defaults, mode: 'existing', bucketId: restricted.bucketId }
        : defaults,
    context,
  });
  useStepForm('bucket', form, (errors) => {
    const taken = errors.find((e) => e.name === 'name');
    if (taken) {
      setSuggestion(
        taken.suggestion ?? suggestBucketName(form.getValues('name') ?? '', randomId().slice(0, 4)),
      );
    }
  });
  const mode = form.watch('mode');
  const objectLock = form.watch('objectLock');
  const { buckets, error: bucketsError, loading, reload } = useBuckets(mode === 'existing');
  const { errors } = form.formState;

  const onNext = form.handleSubmit(() => {
    store.saveDraft('bucket', form.getValues());
    navigate('lifecycle');
  });

  const modeOptions = [
    ...(restricted
      ? []
      : [
          {
            value: 'create' as const,
            label: 'Create a new bucket',
            description: 'Recommended: one bucket for each tool keeps things apart.',
          },
        ]),
    {
      value: 'existing' as const,
      label: 'Use a bucket you already have',
      description: 'Its lifecycle and CORS rules are set to your choices in the next steps.',
    },
  ];

  return (
    <StepLayout
      title="Bucket"
      intro={
        <p>
          A bucket holds your files in B2, like a folder on a drive.{' '}
          {whyBucketDefault(context.target)}
        </p>
      }
    >
      <form noValidate onSubmit={onNext}>
        <FormRadioGroup
          control={form.control}
          name="mode"
          legend="Which bucket?"
          options={modeOptions}
        />

        {mode === 'create' ? (
          <>
            <Field
              label="Bucket name"
              description="We proposed a free-looking name; you can change it. 6 to 63 characters: letters, digits and '-'. Names are shared by every Backblaze customer and can’t be changed later, so a name with your company or project in it, like acme-app-backups, is easy to recognise."
              error={errors.name?.message}
              footer={
                suggestion && (
                  <p className="field__footer">
                    <Button
                      variant="link"
                      onClick={() => {
                        form.setValue('name', suggestion, {
                          shouldValidate: true,
                          shouldDirty: true,
                        });
                        setSuggestion(null);
                      }}
                    >
                      Use “{suggestion}” instead
                    </Button>
                  </p>
                )
              }
            >
              {(control) => (
                <input
                  {...control}
                  autoComplete="off"
                  spellCheck={false}
                  autoCapitalize="none"
                  {...form.register('name')}
                />
              )}
            </Field>
            <FormRadioGroup
              control={form.control}
              name="type"
              compact
              legend="Files in bucket are"
              options={[
                {
                  value: 'allPrivate',
                  label: 'Private',
                  description:
                    'Only someone with a key can see the files. Right for backups and app storage.',
                },
                {
                  value: 'allPublic',
                  label: 'Public',
                  description:
                    'Anyone with a file’s link can download it. Backblaze asks for a verified email address and a payment history first.',
                },
              ]}
            />
            <p className="bucket-encryption">
              <AlwaysOnEncryption />
            </p>
            <FormRadioGroup
              control={form.control}
              name="objectLock"
              compact
              legend="Object Lock"
              description="Lets you protect files from being changed or deleted for a time you set later. Most tools don’t need it."
              options={[
                { value: false, label: 'Disable' },
                { value: true, label: 'Enable' },
              ]}
            />
            {objectLock && (
              <Alert tone="warning" title="Object Lock can’t be turned off.">
                <p>
                  Once the bucket exists, Object Lock stays on for good. Choose Disable unless you
                  know you need it.
                </p>
              </Alert>
            )}
          </>
        ) : (
          <>
            {loading && (
              <p role="status" className="status">
                Loading your buckets…
              </p>
            )}
            {bucketsError !== null && (
              <>
                <ServerErrorAlert error={bucketsError} title="We could not load your buckets." />
                <Button onClick={reload}>Try again</Button>
              </>
            )}
            {!(buckets && buckets.length > 0) && errors.bucketId && (
              <p className="field__error" role="alert">
                {errors.bucketId.message}
              </p>
            )}
            {buckets && buckets.length === 0 && (
              <Alert tone="info" title="This account has no buckets yet.">
                <p>Choose “Create a new bucket” above.</p>
              </Alert>
            )}
            {buckets && buckets.length > 0 && (
              <FormRadioGroup
                control={form.control}
                name="bucketId"
                compact
                legend="Your buckets"
                description="Review shows each bucket’s rules of today beside the new ones before anything changes."
                options={buckets.map((b) => ({
                  value: b.bucketId,
                  label: b.bucketName,
                  description: bucketDescription(b),
                  more: (
                    <p className="bucket-encryption">
                      <BucketEncryption setting={b.defaultServerSideEncryption} />
                    </p>
                  ),
                }))}
              />
            )}
          </>
        )}
        {errors.root?.serverError && (
          <Alert title={errors.root.serverError.message ?? 'Check this step.'} />
        )}
        <StepActions onBack={() => navigate('connect', { back: true })} />
      </form>
    </StepLayout>
  );
}
