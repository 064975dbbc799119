// Undo's B2 work: remove the key a setup made, and its bucket while that holds no file. Each part
// says in plain words what happened and why, for the answer.
import type { UndoResult } from '@b2wiz/shared';
import type { B2Connection } from '../../b2/b2-types';
import { isAppError } from '../../errors/app-error';
import type { ApplyRecord, UndoState } from './apply-record';

type Part = UndoResult['removed'][number];

const files = (n: number) => (n === 1 ? '1 file' : `${n} files`);

/** Deletes the key; one that is gone already (removed in the dashboard) counts as removed. */
export async function removeKey(
  conn: B2Connection,
  key: NonNullable<ApplyRecord['key']>,
): Promise<Part> {
  const what = `the application key “${key.keyName}” (ID ${key.applicationKeyId})`;
  try {
    await conn.deleteKey(key.applicationKeyId);
    return { thing: 'key', what };
  } catch (error) {
    if (!isAppError(error) || !conn.authorization.capabilities.includes('listKeys')) throw error;
    const still = (await conn.listKeys()).some((k) => k.applicationKeyId === key.applicationKeyId);
    if (still) throw error;
    return { thing: 'key', what, why: 'it was already gone' };
  }
}

/** Deletes the bucket this setup made if it holds no file version; otherwise keeps it, saying why. */
export async function removeBucketIfEmpty(
  conn: B2Connection,
  bucket: NonNullable<ApplyRecord['bucket']>,
): Promise<{ removed: boolean; part: Part }> {
  const what = `the bucket “${bucket.bucketName}”`;
  const [found] = await conn.listBuckets({ bucketId: bucket.bucketId });
  if (!found) return { removed: true, part: { thing: 'bucket', what, why: 'it was already gone' } };
  const versions = await conn.listFileVersions({ bucketId: bucket.bucketId, prefix: '' });
  if (versions.length > 0) {
    const count = versions.length >= 1000 ? 'at least 1000 files' : files(versions.length);
    return {
      removed: false,
      part: {
        thing: 'bucket',
        what,
        why: `the bucket holds ${count}; delete them first or keep it`,
      },
    };
  }
  await conn.deleteBucket(bucket.bucketId);
  return { removed: true, part: { thing: 'bucket', what } };
}

const andList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const withWhy = (p: Part) => (p.why ? `${p.what} (${p.why})` : p.what);

/** The whole answer in one paragraph of plain words. */
export function undoMessage(removed: Part[], kept: Part[]): string {
  const sentences: string[] = [];
  if (removed.length > 0) sentences.push(`Removed ${andList(removed.map(withWhy))}.`);
  for (const k of kept) sentences.push(`Kept ${k.what}: ${k.why ?? 'undo leaves it as it is'}.`);
  if (sentences.length === 0) sentences.push('This setup made nothing that undo could remove.');
  return sentences.join(' ');
}

/** Where undo starts: what an earlier undo of the same setup already removed. */
export function undoStateOf(record: ApplyRecord): Omit<UndoState, 'result'> {
  return {
    keyRemoved: record.undo?.keyRemoved ?? false,
    bucketRemoved: record.undo?.bucketRemoved ?? false,
  };
}
