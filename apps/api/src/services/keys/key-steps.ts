// The B2 work of the Keys panel: delete one key, and make a replacement with the same buckets,
// capabilities, prefix and expiry, without leaving a key whose secret nobody holds when an
// answer was lost (docs/b2-behaviour.md "A failed answer is not a failed call").
import type { B2Connection, B2Key, B2NewKey, CreateKeyInput } from '../../b2/b2-types';
import { AppError, isAppError } from '../../errors/app-error';
import type { ApplyRecord } from '../setup/apply-record';
import { refusedOutright } from '../setup/refused-outright';

/** b2_delete_key; a key that is gone afterwards counts as deleted (its answer was lost). */
export async function deleteKnownKey(conn: B2Connection, applicationKeyId: string): Promise<void> {
  try {
    await conn.deleteKey(applicationKeyId);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const still = (await conn.listKeys()).some((k) => k.applicationKeyId === applicationKeyId);
    if (still) throw error;
  }
}

const sorted = (list: readonly string[] | null) => JSON.stringify(list ? [...list].sort() : null);

/** Same buckets, capabilities and prefix: what a replacement must keep. */
export function sameAccess(a: B2Key, b: B2Key): boolean {
  return (
    sorted(a.bucketIds) === sorted(b.bucketIds) &&
    sorted(a.capabilities) === sorted(b.capabilities) &&
    (a.namePrefix ?? null) === (b.namePrefix ?? null)
  );
}

/**
 * b2_create_key's input for `old`'s replacement. Several buckets go as v4 `bucketIds`; the
 * gateway picks the version (docs/b2-behaviour.md "API versions"). A key that expires gets the
 * same end: B2 counts from its own clock, so from real time.
 */
export function replacementInput(old: B2Key, keyName: string): CreateKeyInput {
  const ids = old.bucketIds ?? [];
  const input: CreateKeyInput = {
    keyName,
    capabilities: [...old.capabilities],
    ...(ids.length === 1 ? { bucketId: ids[0] } : { bucketIds: [...ids] }),
    ...(old.namePrefix ? { namePrefix: old.namePrefix } : {}),
  };
  if (old.expirationTimestamp !== null) {
    const seconds = Math.floor((old.expirationTimestamp - Date.now()) / 1000);
    if (seconds < 1) {
      throw new AppError(
        422,
        'key_not_replaceable',
        `The key “${old.keyName}” has expired, so there is no access left to hand on. Set the bucket up again with the wizard to get a new key.`,
      );
    }
    input.validDurationInSeconds = seconds;
  }
  return input;
}

/**
 * Makes the replacement, journaled in `record` like apply's key step: "create sent" is saved
 * before the call, and a repeat after a lost answer first removes the key that call may have made.
 */
export async function createReplacement(
  conn: B2Connection,
  input: CreateKeyInput,
  keysNow: B2Key[],
  record: ApplyRecord,
  save: () => Promise<void>,
): Promise<B2NewKey> {
  const ours = (k: B2Key) =>
    k.keyName === input.keyName &&
    sorted(k.capabilities) === sorted(input.capabilities) &&
    !record.keysBefore?.includes(k.applicationKeyId);
  const removeOrphans = async () => {
    for (const stale of (await conn.listKeys()).filter(ours)) {
      await deleteKnownKey(conn, stale.applicationKeyId);
    }
  };
  if (record.keyCreateSent) {
    for (const stale of keysNow.filter(ours)) await deleteKnownKey(conn, stale.applicationKeyId);
  } else {
    // Keys of the same name made before (another replacement that day) are never removed.
    record.keysBefore = keysNow
      .filter((k) => k.keyName === input.keyName)
      .map((k) => k.applicationKeyId);
  }
  record.keyCreateSent = true;
  await save();
  try {
    return await conn.createKey(input, removeOrphans);
  } catch (error) {
    if (refusedOutright(error)) record.keyCreateSent = false;
    throw error;
  }
}
