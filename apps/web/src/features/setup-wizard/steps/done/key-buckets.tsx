// Done's line on a key for several buckets: every bucket it may use, by name where the wizard
// knows it (the account's bucket list), and the warning for tools still on B2's old API.
import { multiBucketKeyWarning, type SetupResult } from '@b2wiz/shared';
import { Alert } from '../../../../components/ui/alert';
import { useWizardState } from '../../wizard-store';

export function KeyBuckets({ result }: { result: SetupResult }) {
  const { buckets } = useWizardState();
  const ids = result.key.bucketIds;
  if (ids.length < 2) return null;
  const nameOf = (id: string) =>
    id === result.bucket.bucketId
      ? result.bucket.bucketName
      : (buckets?.find((b) => b.bucketId === id)?.bucketName ?? `the bucket with the ID ${id}`);
  return (
    <section className="key-buckets" aria-labelledby="key-buckets-title">
      <h3 id="key-buckets-title">Buckets this key may use</h3>
      <ul>
        {ids.map((id) => (
          <li key={id}>{nameOf(id)}</li>
        ))}
      </ul>
      <Alert tone="warning" title="Not every tool can use a key for several buckets.">
        <p>{multiBucketKeyWarning()}</p>
      </Alert>
    </section>
  );
}
