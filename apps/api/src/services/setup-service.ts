// Plan and apply: what the wizard will change in B2, and the change itself with the fewest
// calls, idempotent by idempotencyKey and resumable after a failure part way. The steps live in
// services/setup/ (docs/architecture.md).
import type { ApplyRequest, Plan, SetupRequest, SetupResult } from '@b2wiz/shared';
import type { Clock } from '../clock';
import type { AppConfig } from '../config';
import { AppError, isAppError } from '../errors/app-error';
import { checkRenderable, type RenderFiles } from './render-files';
import type { OpenSession } from './session-service';
import type { SessionStore } from './session-store';
import { newApplyRecord, type ApplyRecord } from './setup/apply-record';
import { waitForLock, type ApplyLock, type ApplyLocks } from './setup/apply-locks';
import type { ApplyRecords } from './setup/apply-records';
import { createBucket, updateBucket } from './setup/bucket-step';
import { neededCapabilities, requireCapabilities } from './setup/capability-check';
import { requireConfirmations } from './setup/confirmations';
import { KeyCheck } from './setup/key-check';
import { createKey } from './setup/key-step';
import { buildPlan, endpointOf } from './setup/plan-builder';
import { lockAfterCheck } from './setup/retention-step';
import { desiredRules, fingerprintOf } from './setup/request-reading';
import { setupResult } from './setup/setup-result';

export interface SetupServiceDeps {
  config: AppConfig;
  renderFiles: RenderFiles;
  sessions: SessionStore;
  records: ApplyRecords;
  locks: ApplyLocks;
  /** The setup's date in the summary and the history. */
  clock: Clock;
}

/** An apply this process is running, by session and idempotencyKey. */
interface InFlight {
  fingerprint: string;
  run: Promise<SetupResult>;
}

function inProgress(): AppError {
  return new AppError(
    409,
    'apply_in_progress',
    'This setup is still being finished by another request. Wait a moment, then press “Create everything” again; nothing is made twice.',
    { retryable: true },
  );
}

function keyReused(): AppError {
  return new AppError(
    422,
    'idempotency_key_reused',
    'This idempotencyKey was already used for a different setup. Start a new setup to get a new one.',
    { field: 'idempotencyKey' },
  );
}

function setupUndone(): AppError {
  return new AppError(
    410,
    'setup_undone',
    'This setup was undone: the key it made was deleted, so it is not handed out again.',
  );
}

export class SetupService {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly keyCheck: KeyCheck;

  constructor(private readonly deps: SetupServiceDeps) {
    this.keyCheck = new KeyCheck(deps);
  }

  /** Resolves once no apply is in flight (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight.values()].map((f) => f.run));
    }
  }

  plan(session: OpenSession, request: SetupRequest): Promise<Plan> {
    return buildPlan(this.deps.renderFiles, session, request);
  }

  // --- Apply ------------------------------------------------------------------------------------
  apply(session: OpenSession, request: ApplyRequest): Promise<SetupResult> {
    const fingerprint = fingerprintOf(request);
    const flightKey = `${session.id} ${request.idempotencyKey}`;
    // A duplicate sent while the first is still running waits for the first.
    const flying = this.inFlight.get(flightKey);
    if (flying) {
      return flying.fingerprint === fingerprint ? flying.run : Promise.reject(keyReused());
    }
    const run = this.applyOnce(session, request, fingerprint).finally(() => {
      this.inFlight.delete(flightKey);
    });
    this.inFlight.set(flightKey, { fingerprint, run });
    return run;
  }

  private async applyOnce(
    session: OpenSession,
    request: ApplyRequest,
    fingerprint: string,
  ): Promise<SetupResult> {
    const { sessions, records } = this.deps;
    const release = await sessions.keepAlive(session.id);
    let lock: ApplyLock | null = null;
    try {
      // Another instance may be running this apply: wait for it, then read what it did.
      lock = await this.lockFor(`${session.id}:${request.idempotencyKey}`);
      const held = lock;
      const found = await records.get(session.id, request.idempotencyKey);
      if (found && found.fingerprint !== fingerprint) throw keyReused();
      // An undone setup's key is deleted: its stored result would hand out a dead secret.
      if (found?.undo?.keyRemoved) throw setupUndone();
      // A result is final, unless its key check could not finish: then a retry checks again.
      if (found?.result && !found.recheck) return found.result;
      // Before anything is saved or written: a destructive change needs the user's say-so.
      if (!found?.bucket) await requireConfirmations(session, request);
      const record =
        found ??
        newApplyRecord(fingerprint, {
          customer: request.customer ?? null,
          target: request.target,
          createdAt: this.deps.clock.now(),
          bucketMade: request.bucket.mode === 'create',
        });
      const save = async () => {
        // Fencing: a holder whose lock ran out while it stalled must not write over the new one.
        if (!(await held.stillHeld())) throw inProgress();
        await records.save(session.id, request.idempotencyKey, record);
      };
      await save();
      let result: SetupResult;
      try {
        result = await this.run(session, request, record, save);
      } catch (error) {
        // What was sent and made so far: the retry reads it. The step's own error is the answer.
        await save().catch(() => undefined);
        throw error;
      }
      // The answer holds the new secret: it goes out even if the store fails to keep the result
      // (a retry would then replace the key, never leave one whose secret nobody has).
      await save().catch((error: unknown) =>
        session.log.warn('apply result not saved', { error: String(error) }),
      );
      return result;
    } finally {
      await lock?.release().catch(() => undefined);
      await release().catch(() => undefined);
    }
  }

  /** The apply's lock, waiting up to applyWaitMs while someone else holds it. */
  private async lockFor(name: string): Promise<ApplyLock> {
    const lock = await waitForLock(this.deps.locks, name, this.deps.config);
    if (!lock) throw inProgress();
    return lock;
  }

  private async run(
    session: OpenSession,
    request: ApplyRequest,
    record: ApplyRecord,
    save: () => Promise<void>,
  ): Promise<SetupResult> {
    // writeBuckets for an existing bucket is checked once we know it needs a change.
    requireCapabilities(session, neededCapabilities(request, request.bucket.mode === 'create'));
    if (!record.bucket) checkRenderable(this.deps.renderFiles, request, endpointOf(session));

    if (!record.bucket) {
      record.bucket =
        request.bucket.mode === 'create'
          ? await createBucket(session, request, desiredRules(request), record, save)
          : await updateBucket(session, request, request.bucket.bucketId, record);
      await save();
    }
    let bucket = record.bucket;

    try {
      if (!record.key) {
        record.key = await createKey(session, request, bucket, record, session.log, save);
        await save();
      }
    } catch (error) {
      throw this.partWay(error, request, record);
    }
    const key = record.key;

    // Once retention is on its way, the check is never run again: its marker could not be deleted.
    const verification = record.checked
      ? structuredClone(record.checked)
      : await this.keyCheck.run(session, request, bucket, key, record);
    try {
      bucket = await lockAfterCheck(session, request, bucket, verification, record, save);
    } catch (error) {
      throw this.partWay(error, request, record);
    }
    const result = setupResult({
      renderFiles: this.deps.renderFiles,
      session,
      target: request.target,
      options: request.options,
      customer: request.customer ?? null,
      bucketMade: request.bucket.mode === 'create',
      createdAt: record.about?.createdAt ?? this.deps.clock.now(),
      bucket,
      key,
      verification,
    });
    record.result = result;
    return result;
  }

  /** An error after something was made: say what exists, so a retry can finish the rest. */
  private partWay(error: unknown, request: SetupRequest, record: ApplyRecord): unknown {
    if (!isAppError(error)) return error;
    const created: NonNullable<AppError['created']> = {};
    if (record.bucket && request.bucket.mode === 'create') {
      created.bucket = { bucketId: record.bucket.bucketId, bucketName: record.bucket.bucketName };
    }
    if (record.key) {
      created.key = { applicationKeyId: record.key.applicationKeyId, keyName: record.key.keyName };
    }
    if (!created.bucket && !created.key) return error;
    return error.with({
      created,
      retryable: error.retryable ?? false,
      ...(created.bucket && {
        message: `${error.message} The bucket “${created.bucket.bucketName}” was created; sending the same request again finishes the rest.`,
      }),
    });
  }
}
