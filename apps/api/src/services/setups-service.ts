// The session's setups: the history (from the apply records, without secrets) and undo, which
// removes the key a setup made and the bucket it made while that is empty. An existing bucket is
// never deleted; the rules it had before the setup changed them are handed back to put back.
import type { SetupEntry, UndoResult } from '@b2wiz/shared';
import type { AppConfig } from '../config';
import { AppError } from '../errors/app-error';
import type { OpenSession } from './session-service';
import type { ApplyLocks } from './setup/apply-locks';
import type { ApplyRecords } from './setup/apply-records';
import { setupEntries } from './setup/setup-entries';
import { removeBucketIfEmpty, removeKey, undoMessage, undoStateOf } from './setup/undo-steps';

export interface SetupsServiceDeps {
  config: Pick<AppConfig, 'applyLockMs'>;
  records: ApplyRecords;
  locks: ApplyLocks;
}

type Part = UndoResult['removed'][number];

function notFound(): AppError {
  return new AppError(
    404,
    'setup_not_found',
    'This connection made no setup with that idempotencyKey. Reload the page to see the History list again.',
    { field: 'idempotencyKey' },
  );
}

function busy(): AppError {
  return new AppError(
    409,
    'setup_busy',
    'This setup is still being made or undone. Wait until it has finished, then try again.',
    { retryable: true },
  );
}

export class SetupsService {
  constructor(private readonly deps: SetupsServiceDeps) {}

  async list(session: OpenSession): Promise<SetupEntry[]> {
    return setupEntries(await this.deps.records.list(session.id));
  }

  async undo(session: OpenSession, idempotencyKey: string): Promise<UndoResult> {
    const { records, locks, config } = this.deps;
    // The apply's own lock: no undo while the setup is being made, and one undo at a time.
    const lock = await locks.acquire(`${session.id}:${idempotencyKey}`, config.applyLockMs);
    if (!lock) throw busy();
    try {
      const record = await records.get(session.id, idempotencyKey);
      const about = record?.about;
      if (!record || !about || !record.bucket) throw notFound();
      const conn = session.connection;
      const state = undoStateOf(record);
      const removed: Part[] = [];
      const kept: Part[] = [];
      const save = async (result: UndoResult) => {
        record.undo = { ...state, result };
        if (!(await lock.stillHeld())) throw busy();
        await records.save(session.id, idempotencyKey, record);
      };
      const progress = () => ({ idempotencyKey, removed, kept, rulesBefore: null, message: '' });

      if (record.key) {
        const what = `the application key “${record.key.keyName}” (ID ${record.key.applicationKeyId})`;
        if (state.keyRemoved) removed.push({ thing: 'key', what });
        else {
          removed.push(await removeKey(conn, record.key));
          state.keyRemoved = true;
          // Saved at once: a failure with the bucket must not make a repeat delete the key again.
          await save(progress());
        }
      }

      const bucket = record.bucket;
      const bucketWords = `the bucket “${bucket.bucketName}”`;
      if (!about.bucketMade) {
        kept.push({
          thing: 'bucket',
          what: bucketWords,
          why: 'it was in the account before this setup, and undo never deletes such a bucket',
        });
      } else if (state.bucketRemoved) {
        removed.push({ thing: 'bucket', what: bucketWords });
      } else {
        const outcome = await removeBucketIfEmpty(conn, bucket);
        state.bucketRemoved = outcome.removed;
        (outcome.removed ? removed : kept).push(outcome.part);
      }

      const rulesBefore = about.bucketMade ? null : (record.rulesBefore ?? null);
      if (rulesBefore) {
        kept.push({
          thing: 'rules',
          what: `the lifecycle and CORS rules this setup gave ${bucketWords}`,
          why: 'undo does not change a bucket’s rules back; the rules it had before are listed, to put back if you want them',
        });
      }
      const result: UndoResult = {
        idempotencyKey,
        removed,
        kept,
        rulesBefore,
        message: undoMessage(removed, kept),
      };
      await save(result);
      return result;
    } finally {
      await lock.release().catch(() => undefined);
    }
  }
}
