// A new bucket's fields: its name (with a free name or the owned bucket one click away), its
// type, the always-on encryption and Object Lock with its retention.
import type { BucketStep as BucketStepValues, BucketSummary } from '@b2wiz/shared';
import type { UseFormReturn } from 'react-hook-form';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { Field } from '../../../../components/ui/field';
import { TextInput } from '../../../../components/ui/text-input';
import { FormRadioGroup } from '../../../../components/ui/form-radio-group';
import { AlwaysOnEncryption } from '../../components/encryption-status';
import type { BucketForm, FormContext } from '../../step-forms';
import { BucketRetentionFields } from './bucket-retention-fields';

type Form = UseFormReturn<BucketForm, FormContext | undefined, BucketStepValues>;

interface BucketCreateFieldsProps {
  form: Form;
  /** A free name to offer instead of a taken one. */
  suggestion: string | null;
  onUseSuggestion: () => void;
  /** The account's own bucket of that name, when the name is one it already has. */
  owned: BucketSummary | 'unknown' | null;
  onUseOwned: () => void;
}

export function BucketCreateFields({
  form,
  suggestion,
  onUseSuggestion,
  owned,
  onUseOwned,
}: BucketCreateFieldsProps) {
  const { errors } = form.formState;
  const objectLock = form.watch('objectLock');
  const footer = (owned || suggestion) && (
    <p className="field__footer">
      {owned && (
        <Button variant="link" onClick={onUseOwned}>
          Use a bucket you already have
        </Button>
      )}{' '}
      {suggestion && (
        <Button variant="link" onClick={onUseSuggestion}>
          Use “{suggestion}” instead
        </Button>
      )}
    </p>
  );
  return (
    <>
      <Field
        label="Bucket name"
        description="We proposed a free-looking name; you can change it. 6 to 63 characters: letters, digits and '-'. Names are shared by every Backblaze customer and can’t be changed later, so a name with your company or project in it, like acme-app-backups, is easy to recognise."
        error={errors.name?.message}
        footer={footer}
      >
        {(control) => <TextInput {...control} {...form.register('name')} />}
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
        description="Lets you protect files from being changed or deleted for a time you set below. Most tools don’t need it."
        options={[
          { value: false, label: 'Disable' },
          { value: true, label: 'Enable' },
        ]}
      />
      {objectLock && (
        <Alert tone="warning" title="Object Lock can’t be turned off.">
          <p>
            Once the bucket exists, Object Lock stays on for good. Choose Disable unless you know
            you need it.
          </p>
        </Alert>
      )}
      {objectLock && <BucketRetentionFields form={form} />}
    </>
  );
}
