// What the Keys panel may do with a key, and the plain errors when it may not: the master key
// and the key this session is connected with are never deleted or replaced here, and only a
// key limited to buckets can be replaced like for like.
import type { AccountKey } from '@b2wiz/shared';
import { isMasterKeyId } from '../../b2/b2-gateway';
import type { B2Key } from '../../b2/b2-types';
import { AppError } from '../../errors/app-error';
import type { OpenSession } from '../session-service';

/** What the panel's calls need from the connected key, and what for. */
const PURPOSES = {
  listKeys: 'list the account’s keys',
  deleteKeys: 'delete keys',
  writeKeys: 'make the new key',
  listBuckets: 'read the bucket the new key is for',
} as const;

export function requireKeyCapabilities(
  session: OpenSession,
  needed: readonly (keyof typeof PURPOSES)[],
): void {
  const missing = needed.filter((c) => !session.summary.capabilities.includes(c));
  if (missing.length === 0) return;
  const list = missing.map((c) => `“${c}” (needed to ${PURPOSES[c]})`).join(' and ');
  throw new AppError(
    403,
    'missing_capability',
    `The connected key lacks the capability ${list}. Connect with the master application key, or a key that has ${missing.length > 1 ? 'these capabilities' : 'it'}.`,
  );
}

/** Why this key may not be deleted or replaced from the panel; null when it may. */
export function protectionOf(
  session: OpenSession,
  applicationKeyId: string,
): AccountKey['cannotDelete'] {
  if (isMasterKeyId(applicationKeyId, session.summary.accountId)) {
    return {
      reason: 'masterKey',
      message:
        'This is the account’s master application key. It can’t be deleted; to change it, generate a new master key in the Backblaze dashboard (App Keys).',
    };
  }
  if (applicationKeyId === session.connection.authorization.applicationKeyId) {
    return {
      reason: 'connectedKey',
      message:
        'The wizard is connected with this key, so it can’t delete or replace it. Press “Use a different key” on the Connect step and connect with another key first, or delete it in the Backblaze dashboard (App Keys).',
    };
  }
  return null;
}

/** Throws the protection as an error, for a delete or replace the panel would not offer. */
export function refuseProtected(session: OpenSession, applicationKeyId: string): void {
  const protection = protectionOf(session, applicationKeyId);
  if (protection) throw new AppError(409, 'key_protected', protection.message);
}

/** Why `key` cannot be replaced like for like; null when it can. */
export function cannotReplace(key: B2Key): string | null {
  if (!key.bucketIds || key.bucketIds.length === 0) {
    return `The key “${key.keyName}” reaches every bucket, so the wizard can’t make a like-for-like key kept to buckets. Make its replacement in the Backblaze dashboard (App Keys), or set a bucket up with the wizard to get a key for just that bucket.`;
  }
  return null;
}

export function keyNotFound(applicationKeyId: string): AppError {
  return new AppError(
    404,
    'key_not_found',
    `This account has no application key with the ID ${applicationKeyId}. It may have been deleted already: reload the list of the account’s keys.`,
    { field: 'applicationKeyId' },
  );
}

/** The key as the panel's calls need it, from b2_list_keys. */
export async function findKey(session: OpenSession, applicationKeyId: string): Promise<B2Key> {
  const found = (await session.connection.listKeys()).find(
    (k) => k.applicationKeyId === applicationKeyId,
  );
  if (!found) throw keyNotFound(applicationKeyId);
  return found;
}

/** "the application key “rclone-acme” (ID 004…)". */
export function keyWords(key: Pick<B2Key, 'keyName' | 'applicationKeyId'>): string {
  return `the application key “${key.keyName}” (ID ${key.applicationKeyId})`;
}
