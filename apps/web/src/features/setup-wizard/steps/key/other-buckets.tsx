// "Also give it access to": other buckets of the account the new key may use too. Offered only
// for a tool that can use a key for several buckets (shared's multi-bucket-keys.ts), with the
// warning that tools still on B2's old API cannot use such a key at all.
import {
  multiBucketKeyRefusal,
  multiBucketKeysWork,
  multiBucketKeyWarning,
  type KeyStep as KeyStepValues,
  type Target,
} from '@b2wiz/shared';
import { useController, type UseFormReturn } from 'react-hook-form';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { CheckboxField } from '../../../../components/ui/field';
import { ServerErrorAlert } from '../../components/server-error-alert';
import type { FormContext, KeyForm } from '../../step-forms';
import { useBuckets } from '../../use-buckets';

type Form = UseFormReturn<KeyForm, FormContext | undefined, KeyStepValues>;

/** The list's error: the server's or the schema's, for the list or its first wrong entry. */
function listError(form: Form): string | undefined {
  const error: unknown = form.formState.errors.extraBucketIds;
  if (!error || typeof error !== 'object') return undefined;
  const own = error as { message?: string; root?: { message?: string } };
  if (own.message) return own.message;
  if (own.root?.message) return own.root.message;
  // An entry's own error (a bucket ID that is not one, or one listed twice).
  return Object.values(error)
    .map((entry) => (entry as { message?: string } | null | undefined)?.message)
    .find((message) => typeof message === 'string');
}

function OtherBucketList({ form, ownBucketId }: { form: Form; ownBucketId: string | undefined }) {
  const { buckets, error, loading, reload } = useBuckets(true);
  const { field } = useController({ control: form.control, name: 'extraBucketIds' });
  const chosen: string[] = field.value ?? [];
  const others = (buckets ?? []).filter((b) => b.bucketId !== ownBucketId);
  const choose = (bucketId: string, on: boolean) =>
    field.onChange(
      on
        ? [...chosen.filter((id) => id !== bucketId), bucketId]
        : chosen.filter((id) => id !== bucketId),
    );
  const problem = listError(form);
  return (
    <fieldset className="group key-other-buckets">
      <legend className="group__legend">Also give it access to</legend>
      {loading && <p className="status">Loading your buckets…</p>}
      {error !== null && (
        <>
          <ServerErrorAlert error={error} title="We could not load your buckets." />
          <Button onClick={reload}>Try again</Button>
        </>
      )}
      {buckets && others.length === 0 && <p>This account has no other buckets.</p>}
      {others.map((bucket) => (
        <CheckboxField key={bucket.bucketId} label={bucket.bucketName}>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={chosen.includes(bucket.bucketId)}
              onChange={(event) => choose(bucket.bucketId, event.target.checked)}
              onBlur={field.onBlur}
            />
          )}
        </CheckboxField>
      ))}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

export function OtherBuckets({
  form,
  target,
  bucketName,
  ownBucketId,
}: {
  form: Form;
  target: Target;
  bucketName: string;
  /** The existing bucket of the setup, which the key reaches anyway. */
  ownBucketId: string | undefined;
}) {
  const [open = false, restrictToBucket = true] = form.watch(['otherBuckets', 'restrictToBucket']);
  // A key not kept to its bucket reaches every bucket already.
  if (restrictToBucket === false) return null;
  if (!multiBucketKeysWork(target)) {
    return <p className="key-other-buckets__refusal">{multiBucketKeyRefusal(target)}</p>;
  }
  return (
    <>
      <CheckboxField
        label="Also give it access to other buckets"
        description={`One key for several buckets of this account. Leave this off for a key for “${bucketName}” only.`}
      >
        {(control) => <input {...control} type="checkbox" {...form.register('otherBuckets')} />}
      </CheckboxField>
      {/* Always there, so a screen reader hears the warning as soon as it appears. */}
      <div aria-live="polite" className="key-access-fit">
        {open && (
          <Alert tone="warning" title="Not every tool can use a key for several buckets.">
            <p>{multiBucketKeyWarning()}</p>
          </Alert>
        )}
      </div>
      {open && <OtherBucketList form={form} ownBucketId={ownBucketId} />}
    </>
  );
}
