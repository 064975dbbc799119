// A name the account already owns is not free for a new bucket: say so on the Bucket step.
import type { BucketSummary } from '@b2wiz/shared';

export function ownedBucketNamed(
  buckets: readonly BucketSummary[] | null,
  name: string | undefined,
): BucketSummary | undefined {
  if (!buckets || !name) return undefined;
  const wanted = name.trim().toLowerCase();
  return buckets.find((b) => b.bucketName.toLowerCase() === wanted);
}

/** One sentence; the button under it offers the bucket instead. */
export function ownedNameMessage(name: string): string {
  return `You already have a bucket named “${name}”: use it below, or type another name for a new one.`;
}

/** The API's words for a name the account owns (code bucket_exists), whatever follows them. */
export function isOwnedNameMessage(message: string): boolean {
  return /you already have a bucket/i.test(message);
}
