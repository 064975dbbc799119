import {
  customerBucketName,
  proposedBucketName,
  suggestBucketName,
  type BucketStep as BucketStepValues,
} from '@b2wiz/shared';
import { useEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { Alert } from '../../../../components/ui/alert';
import { FormRadioGroup } from '../../../../components/ui/form-radio-group';
import { randomId } from '../../../../lib/random-id';
import { useBuckets } from '../../use-buckets';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { whyBucketDefault } from '../../defaults-explained';
import { formDefaults } from '../../form-defaults';
import { formContext } from '../../form-context';
import { bucketForm, stepResolver, type BucketForm, type FormContext } from '../../step-forms';
import { useNextStep } from '../../use-next-step';
import { useStepForm } from '../../use-step-form';
import { useNavigate, useWizardState, useWizardStore, type WizardStore } from '../../wizard-store';
import { BucketCreateFields } from './bucket-create-fields';
import { BucketExistingList } from './bucket-existing-list';
import { isOwnedNameMessage, ownedBucketNamed, ownedNameMessage } from './owned-bucket';

type BucketResolver = Resolver<BucketForm, FormContext | undefined, BucketStepValues>;

/**
 * Switching between a new and an existing bucket changes what the rule steps offer ("Keep the
 * rules it has now" only for an existing one): their choice is asked again, from the defaults.
 */
function forgetRuleChoices(
  store: WizardStore,
  before: BucketForm['mode'],
  after: BucketForm['mode'],
) {
  if (before === undefined || before === after) return;
  for (const step of ['lifecycle', 'cors'] as const) {
    const draft = store.getState().drafts[step];
    if (!draft) continue;
    const { preset: _forgotten, ...rest } = draft;
    store.keepTyped(step, rest);
  }
}

export function BucketStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const next = useNextStep('lifecycle');
  const state = useWizardState();
  const context = formContext(state) as FormContext;
  const restricted = state.account?.restrictedBucket ?? null;
  const defaults = {
    ...formDefaults(context).bucket,
    name: customerBucketName(
      proposedBucketName(context.target, state.bucketNameSuffix),
      context.customer,
    ),
  };
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [serverSaysOwned, setServerSaysOwned] = useState(false);
  const [modeBefore] = useState(() => store.getState().drafts.bucket?.mode);
  // The account's buckets, also for a new bucket: a name it already has is said here.
  const { buckets, error: bucketsError, loading, reload } = useBuckets(true);
  const bucketsRef = useRef(buckets);
  useEffect(() => {
    bucketsRef.current = buckets;
  }, [buckets]);

  const baseResolver = stepResolver(bucketForm);
  const resolver: BucketResolver = async (values, ctx, options) => {
    const result = await baseResolver(values, ctx, options);
    const owned =
      values.mode === 'create' ? ownedBucketNamed(bucketsRef.current, values.name) : undefined;
    if (!owned || result.errors.name) return result;
    return {
      values: {},
      errors: {
        ...result.errors,
        name: { type: 'owned', message: ownedNameMessage(owned.bucketName) },
      },
    };
  };

  const form = useForm<BucketForm, FormContext | undefined, BucketStepValues>({
    mode: 'onChange',
    resolver,
    defaultValues: state.drafts.bucket
      ? { ...defaults, ...state.drafts.bucket }
      : restricted
        ? { ...defaults, mode: 'existing', bucketId: restricted.bucketId }
        : defaults,
    context,
  });
  useStepForm('bucket', form, (errors) => {
    const taken = errors.find((e) => e.name === 'name');
    if (!taken) return;
    if (isOwnedNameMessage(taken.message)) {
      // One sentence of our own, not the server's words and a next step that repeat each other.
      const name = form.getValues('name') ?? '';
      form.setError('name', { type: 'server', message: ownedNameMessage(name) });
      setServerSaysOwned(true);
      reload();
      return;
    }
    setSuggestion(
      taken.suggestion ?? suggestBucketName(form.getValues('name') ?? '', randomId().slice(0, 4)),
    );
  });
  const mode = form.watch('mode');
  const name = form.watch('name');
  const { trigger } = form;
  const { errors } = form.formState;
  const owned = mode === 'create' ? ownedBucketNamed(buckets, name) : undefined;

  // Once the list is in, a name the account already has is said at once.
  useEffect(() => {
    if (
      buckets &&
      form.getValues('mode') === 'create' &&
      ownedBucketNamed(buckets, form.getValues('name'))
    ) {
      void trigger('name');
    }
  }, [buckets, trigger, form]);

  const chooseOwned = () => {
    const bucket = owned ?? ownedBucketNamed(buckets, name);
    form.setValue('mode', 'existing');
    if (bucket) form.setValue('bucketId', bucket.bucketId, { shouldValidate: true });
    form.clearErrors('name');
    setServerSaysOwned(false);
  };

  const onNext = form.handleSubmit(() => {
    const values = form.getValues();
    forgetRuleChoices(store, modeBefore, values.mode);
    store.saveDraft('bucket', values);
    next.go();
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
      description: 'Its lifecycle and CORS rules stay as they are unless you change them.',
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
          <BucketCreateFields
            form={form}
            suggestion={suggestion}
            onUseSuggestion={() => {
              if (suggestion)
                form.setValue('name', suggestion, { shouldValidate: true, shouldDirty: true });
              setSuggestion(null);
            }}
            owned={owned ?? (serverSaysOwned ? 'unknown' : null)}
            onUseOwned={chooseOwned}
          />
        ) : (
          <BucketExistingList
            form={form}
            buckets={buckets}
            loading={loading}
            error={bucketsError}
            reload={reload}
          />
        )}
        {errors.root?.serverError && (
          <Alert title={errors.root.serverError.message ?? 'Check this step.'} />
        )}
        <StepActions onBack={() => navigate('connect', { back: true })} nextLabel={next.label} />
      </form>
    </StepLayout>
  );
}
