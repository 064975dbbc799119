// The existing bucket the Bucket step chose, as GET /api/buckets answered it.
import type { BucketSummary } from '@b2wiz/shared';
import type { WizardState } from './wizard-store';

/** undefined for a new bucket, or while the list is not loaded. */
export function chosenExistingBucket(state: WizardState): BucketSummary | undefined {
  const bucket = state.drafts.bucket;
  if (bucket?.mode !== 'existing') return undefined;
  return state.buckets?.find((b) => b.bucketId === bucket.bucketId);
}
