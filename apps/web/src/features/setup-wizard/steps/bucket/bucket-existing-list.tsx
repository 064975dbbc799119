// The account's buckets to choose from, each with its type, rules and encryption.
import type { BucketStep as BucketStepValues, BucketSummary } from '@b2wiz/shared';
import type { UseFormReturn } from 'react-hook-form';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { FormRadioGroup } from '../../../../components/ui/form-radio-group';
import { bucketTypeName } from '../../bucket-type-name';
import { BucketEncryption } from '../../components/encryption-status';
import { ServerErrorAlert } from '../../components/server-error-alert';
import type { BucketForm, FormContext } from '../../step-forms';

type Form = UseFormReturn<BucketForm, FormContext | undefined, BucketStepValues>;

function bucketDescription(bucket: BucketSummary): string {
  const rules = (n: number, what: string) =>
    n === 0 ? `no ${what} rules` : n === 1 ? `1 ${what} rule` : `${n} ${what} rules`;
  return `${bucketTypeName(bucket.bucketType)} · ${rules(bucket.lifecycleRules.length, 'lifecycle')} · ${rules(bucket.corsRules.length, 'CORS')}`;
}

interface BucketExistingListProps {
  form: Form;
  buckets: BucketSummary[] | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

export function BucketExistingList({
  form,
  buckets,
  loading,
  error,
  reload,
}: BucketExistingListProps) {
  const { errors } = form.formState;
  return (
    <>
      {loading && (
        <p role="status" className="status">
          Loading your buckets…
        </p>
      )}
      {error !== null && (
        <>
          <ServerErrorAlert error={error} title="We could not load your buckets." />
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
          description="Its lifecycle and CORS rules stay as they are unless you choose to change them in the next steps."
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
  );
}
