// Replace a key (support staff rotate keys): a new key with the old one's buckets, capabilities,
// prefix and expiry, proven by apply's key check for the chosen tool, with that tool's files. A
// new key that fails the check is deleted again; the old key is never touched here (the panel
// deletes it once the user confirms the new one works). Each replacement is kept like a setup
// in the session's apply records, so the new key is marked, listed in the history, and a repeat
// with the same idempotencyKey answers the same instead of making another key.
import { randomUUID } from 'node:crypto';
import {
  multiBucketKeyRefusal,
  multiBucketKeysWork,
  replacementKeyName,
  toolNameInSentence,
  type ReplaceKeyRequest,
  type SetupRequest,
  type SetupResult,
} from '@b2wiz/shared';
import type { B2Bucket, B2Key, B2NewKey } from '../b2/b2-types';
import type { Clock } from '../clock';
import type { AppConfig } from '../config';
import { AppError, isAppError } from '../errors/app-error';
import {
  cannotReplace,
  keyNotFound,
  keyWords,
  refuseProtected,
  requireKeyCapabilities,
} from './keys/key-rules';
import { createReplacement, deleteKnownKey, replacementInput, sameAccess } from './keys/key-steps';
import { checkRenderable, type RenderFiles } from './render-files';
import type { OpenSession } from './session-service';
import { newApplyRecord, type ApplyRecord } from './setup/apply-record';
import { waitForLock, type ApplyLocks } from './setup/apply-locks';
import type { ApplyRecords } from './setup/apply-records';
import { KeyCheck } from './setup/key-check';
import { endpointOf } from './setup/plan-builder';
import { setupResult } from './setup/setup-result';

export interface KeyReplaceServiceDeps {
  config: AppConfig;
  renderFiles: RenderFiles;
  records: ApplyRecords;
  locks: ApplyLocks;
  clock: Clock;
}

function busy(): AppError {
  return new AppError(
    409,
    'setup_busy',
    'This replacement is still being made. Wait a moment, then press the button again; no second key is made.',
    { retryable: true },
  );
}

function keyReused(): AppError {
  return new AppError(
    422,
    'idempotency_key_reused',
    'This idempotencyKey was already used for something else. Send a new one with this replacement.',
    { field: 'idempotencyKey' },
  );
}

function undone(): AppError {
  return new AppError(
    410,
    'setup_undone',
    'This replacement was undone in the history: its new key was deleted, so it is not handed out again.',
  );
}

/** The setup the key check and the file check read: the old key's bucket, kept as it is. */
function checkRequest(
  body: ReplaceKeyRequest,
  bucket: B2Bucket,
  others: string[],
  keyName: string,
): SetupRequest {
  return {
    target: body.target,
    bucket: { mode: 'existing', bucketId: bucket.bucketId },
    lifecycle: { preset: 'keepCurrent' },
    cors: { preset: 'keepCurrent' },
    key: {
      name: keyName,
      access: 'readWrite',
      restrictToBucket: true,
      ...(others.length > 0 ? { extraBucketIds: others } : {}),
    },
    ...(body.options ? { options: body.options } : {}),
  };
}

/** What did not pass, in the words of the check list. */
function checkFailed(result: SetupResult, target: SetupRequest['target'], old: B2Key): AppError {
  const problems = result.verification.checks
    .filter((c) => c.status !== 'passed')
    .map((c) => `${c.label}: ${c.detail}`);
  const said = problems.length > 0 ? ` ${problems.join(' ')}` : '';
  return new AppError(
    422,
    'key_check_failed',
    `The new key did not pass the check for ${toolNameInSentence(target)}.${said} ${upperFirst(keyWords(old))} is untouched and still works.`,
  );
}

const upperFirst = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

export class KeyReplaceService {
  private readonly keyCheck: KeyCheck;

  constructor(private readonly deps: KeyReplaceServiceDeps) {
    this.keyCheck = new KeyCheck(deps);
  }

  async replace(
    session: OpenSession,
    applicationKeyId: string,
    body: ReplaceKeyRequest,
  ): Promise<SetupResult> {
    refuseProtected(session, applicationKeyId);
    requireKeyCapabilities(session, ['listKeys', 'writeKeys', 'deleteKeys', 'listBuckets']);
    const { records, locks, config } = this.deps;
    const idempotencyKey = body.idempotencyKey ?? `replace-${randomUUID()}`;
    const fingerprint = `replace ${applicationKeyId} ${JSON.stringify([body.target, body.options ?? {}])}`;
    // The apply records' own lock: one run per idempotencyKey, and none while undo runs.
    const lock = await waitForLock(locks, `${session.id}:${idempotencyKey}`, config);
    if (!lock) throw busy();
    try {
      const found = await records.get(session.id, idempotencyKey);
      if (found && found.fingerprint !== fingerprint) throw keyReused();
      if (found?.undo?.keyRemoved) throw undone();
      if (found?.result) return found.result;
      const record =
        found ??
        newApplyRecord(fingerprint, {
          customer: null,
          target: body.target,
          createdAt: this.deps.clock.now(),
          bucketMade: false,
        });
      const save = async () => {
        if (!(await lock.stillHeld())) throw busy();
        await records.save(session.id, idempotencyKey, record);
      };
      return await this.run(session, applicationKeyId, body, record, save);
    } finally {
      await lock.release().catch(() => undefined);
    }
  }

  private async run(
    session: OpenSession,
    applicationKeyId: string,
    body: ReplaceKeyRequest,
    record: ApplyRecord,
    save: () => Promise<void>,
  ): Promise<SetupResult> {
    const conn = session.connection;
    const keys = await conn.listKeys();
    const old = keys.find((k) => k.applicationKeyId === applicationKeyId);
    if (!old) throw keyNotFound(applicationKeyId);
    const why = cannotReplace(old);
    if (why) throw new AppError(422, 'key_not_replaceable', why);
    // The files and the check are for the first bucket, as B2 lists the key's buckets.
    const [bucketId, ...others] = old.bucketIds!;
    if (others.length > 0 && !multiBucketKeysWork(body.target)) {
      throw new AppError(
        422,
        'key_not_replaceable',
        `${multiBucketKeyRefusal(body.target)} ${upperFirst(keyWords(old))} reaches ${others.length + 1} buckets, and so would its replacement. Choose the tool that uses this key, or set each bucket up with the wizard for a key of its own.`,
      );
    }
    const [bucket] = await conn.listBuckets({ bucketId: bucketId! });
    if (!bucket) {
      throw new AppError(
        404,
        'bucket_not_found',
        `The bucket of ${keyWords(old)} (ID ${bucketId}) is no longer in this account, so a new key for it would reach nothing. Delete the old key instead.`,
      );
    }
    const createdAt = record.about?.createdAt ?? this.deps.clock.now();
    const keyName = replacementKeyName(old.keyName, createdAt);
    const request = checkRequest(body, bucket, others, keyName);
    checkRenderable(this.deps.renderFiles, request, endpointOf(session));

    let key: B2NewKey;
    try {
      key = await createReplacement(conn, replacementInput(old, keyName), keys, record, save);
    } catch (error) {
      // What was sent is in the record: a repeat with the same idempotencyKey cleans up first.
      await save().catch(() => undefined);
      throw error;
    }
    record.key = key;
    record.bucket = bucket;
    try {
      await save();
      if (!sameAccess(old, key)) {
        throw new AppError(
          422,
          'key_not_replaceable',
          `Backblaze made the new key with other access than ${keyWords(old)} has. The old key is untouched; make its replacement in the Backblaze dashboard (App Keys).`,
        );
      }
      const verification = await this.keyCheck.run(session, request, bucket, key, record);
      const result = setupResult({
        renderFiles: this.deps.renderFiles,
        session,
        target: body.target,
        options: body.options,
        customer: null,
        bucketMade: false,
        createdAt,
        bucket,
        key,
        verification,
      });
      if (!result.verification.ok) {
        throw record.recheck
          ? checkFailed(result, body.target, old).with({ retryable: true })
          : checkFailed(result, body.target, old);
      }
      record.result = result;
      // The answer holds the new secret: it goes out even if the store fails to keep it.
      await save().catch((error: unknown) =>
        session.log.warn('replacement result not saved', { error: String(error) }),
      );
      return result;
    } catch (error) {
      throw await this.withoutNewKey(session, key, record, save, error);
    }
  }

  /** Deletes the new key after a failure, so nothing is left half-made; says so if it cannot. */
  private async withoutNewKey(
    session: OpenSession,
    key: B2NewKey,
    record: ApplyRecord,
    save: () => Promise<void>,
    error: unknown,
  ): Promise<unknown> {
    try {
      await deleteKnownKey(session.connection, key.applicationKeyId);
    } catch (deleteError) {
      session.log.warn('new key of a failed replacement not deleted', {
        applicationKeyId: key.applicationKeyId,
        error: String(deleteError),
      });
      // Kept in the record, so the panel still marks the key as this session's.
      await save().catch(() => undefined);
      const left = `The new key “${key.keyName}” (ID ${key.applicationKeyId}) could not be deleted again: delete it in the list of the account’s keys.`;
      return isAppError(error)
        ? error.with({
            message: `${error.message} ${left}`,
            created: { key: { applicationKeyId: key.applicationKeyId, keyName: key.keyName } },
          })
        : error;
    }
    // Nothing of this try is left: the history shows no entry, and a repeat starts afresh.
    Object.assign(record, { key: null, bucket: null, keyCreateSent: false, keysBefore: null });
    Object.assign(record, { result: null, recheck: false });
    await save().catch(() => undefined);
    return isAppError(error)
      ? error.with({ message: `${error.message} The new key was deleted again.` })
      : error;
  }
}
