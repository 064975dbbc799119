// This session's setups as the history lists them: from the apply records, never a secret.
import type { SetupEntry } from '@b2wiz/shared';
import type { ApplyRecord } from './apply-record';

/** Something this setup made is still there for undo to remove. */
export function canUndo(record: ApplyRecord): boolean {
  const undo = record.undo;
  const keyLeft = record.key !== null && !undo?.keyRemoved;
  const bucketLeft = record.bucket !== null && !!record.about?.bucketMade && !undo?.bucketRemoved;
  return keyLeft || bucketLeft;
}

/** The history line of one record; null for a record that made and used nothing yet. */
export function setupEntry(idempotencyKey: string, record: ApplyRecord): SetupEntry | null {
  const { about, bucket, key } = record;
  if (!about || !bucket) return null;
  return {
    idempotencyKey,
    customer: about.customer,
    target: about.target,
    createdAt: about.createdAt,
    bucket: { bucketId: bucket.bucketId, bucketName: bucket.bucketName, made: about.bucketMade },
    key: key && { applicationKeyId: key.applicationKeyId, keyName: key.keyName },
    canUndo: canUndo(record),
    undone: record.undo?.result.message ?? null,
  };
}

/** Newest first. */
export function setupEntries(
  list: { idempotencyKey: string; record: ApplyRecord }[],
): SetupEntry[] {
  return list
    .map(({ idempotencyKey, record }) => setupEntry(idempotencyKey, record))
    .filter((entry): entry is SetupEntry => entry !== null)
    .sort((a, b) => b.createdAt - a.createdAt);
}
