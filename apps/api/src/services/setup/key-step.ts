// The key step of apply: one new key, and no orphan with a secret nobody holds when an earlier
// try's answer was lost.
import type { SetupRequest } from '@b2wiz/shared';
import type { B2Bucket, B2Connection, B2Key, B2NewKey } from '../../b2/b2-types';
import type { Logger } from '../../logging/logger';
import type { OpenSession } from '../session-service';
import type { ApplyRecord } from './apply-record';
import { readExtraBuckets } from './extra-buckets';
import { refusedOutright } from './refused-outright';
import { keyInput, sameSet } from './request-reading';
import { B2CallError, outcomeUnknown } from '../../b2/b2-call-error';

export async function createKey(
  session: OpenSession,
  request: SetupRequest,
  bucket: B2Bucket,
  record: ApplyRecord,
  logger: Logger,
  save: () => Promise<void>,
): Promise<B2NewKey> {
  const conn = session.connection;
  // Read again here, as the bucket may be new: checked before the key is asked for.
  const others = await readExtraBuckets(session, request, bucket.bucketId);
  const input = keyInput(
    request,
    bucket.bucketId,
    others.map((b) => b.bucketId),
  );
  const held = session.summary.capabilities;
  const canClean = held.includes('listKeys') && held.includes('deleteKeys');
  const wanted = input.bucketIds ?? (input.bucketId ? [input.bucketId] : null);
  // The gateway lists keys on v4, which also shows keys for several buckets.
  const sameBuckets = (k: B2Key) =>
    wanted === null ? k.bucketIds === null : k.bucketIds !== null && sameSet(k.bucketIds, wanted);
  const sameKey = (k: B2Key) =>
    k.keyName === input.keyName &&
    sameBuckets(k) &&
    (k.namePrefix ?? null) === (input.namePrefix ?? null) &&
    sameSet(k.capabilities, input.capabilities);
  /** A key made by a try whose answer was lost has a secret nobody holds: remove it. */
  const removeOrphans = async () => {
    for (const stale of (await conn.listKeys()).filter(sameKey)) {
      if (record.keysBefore?.includes(stale.applicationKeyId)) continue;
      await deleteOrphanKey(conn, stale.applicationKeyId, logger);
    }
  };

  // Only a key tied to a bucket this apply made is sure to be new; any other may already have
  // twins of the same name and rights that someone uses.
  const mayHaveTwins = request.bucket.mode === 'existing' || wanted === null;
  if (record.keyCreateSent && canClean) {
    // So that exactly one new key exists and the user has its secret.
    await removeOrphans();
  } else if (!record.keyCreateSent && mayHaveTwins && canClean) {
    // Note the twins that exist now, so a resume spares them.
    record.keysBefore = (await conn.listKeys()).filter(sameKey).map((k) => k.applicationKeyId);
  }
  // Journaled before sending: a crash from here on leaves a record that says to look.
  record.keyCreateSent = true;
  await save();
  try {
    // After a 5xx (B2 may have made the key all the same) the gateway repeats the call only once
    // that key is removed, which needs the rights to list and delete keys.
    return await conn.createKey(input, canClean ? removeOrphans : undefined);
  } catch (error) {
    if (refusedOutright(error)) record.keyCreateSent = false;
    else if (outcomeUnknown(error) && !canClean && error instanceof B2CallError) {
      throw error.with({
        message: `${error.message} Backblaze may have made the key “${input.keyName}” all the same, and the connected key may not list or delete keys: look under App Keys in the Backblaze dashboard and delete any “${input.keyName}” you do not use.`,
      });
    }
    throw error;
  }
}

export async function deleteOrphanKey(
  conn: B2Connection,
  applicationKeyId: string,
  logger: Logger,
): Promise<void> {
  try {
    await conn.deleteKey(applicationKeyId);
  } catch (error) {
    // A lost answer may hide a delete that worked: look before giving up.
    if (!outcomeUnknown(error)) throw error;
    const still = (await conn.listKeys()).some((k) => k.applicationKeyId === applicationKeyId);
    if (still) throw error;
  }
  logger.info('removed a key whose creation answer was lost', { applicationKeyId });
}
