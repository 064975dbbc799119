// Plan and apply: what the wizard will change in B2, and the change itself with the fewest
// calls, idempotent by idempotencyKey and resumable after a failure part way. The steps live in
// services/setup/ (docs/architecture.md).
import {
  keyCheckLabel,
  type ApplyRequest,
  type ConfigValues,
  type Plan,
  type SetupRequest,
  type SetupResult,
} from '@b2wiz/shared';
import type { B2Gateway } from '../b2/b2-types';
import type { AppConfig } from '../config';
import { AppError, isAppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import { checkRenderable, type RenderFiles } from './render-files';
import type { Session } from './session-service';
import { newApplyRecord, type ApplyRecord } from './setup/apply-record';
import { createBucket, updateBucket } from './setup/bucket-step';
import { neededCapabilities, requireCapabilities } from './setup/capability-check';
import { requireConfirmations } from './setup/confirmations';
import { KeyCheck } from './setup/key-check';
import { createKey } from './setup/key-step';
import { buildPlan, endpointOf } from './setup/plan-builder';
import { desiredRules, fingerprintOf } from './setup/request-reading';

export interface SetupServiceDeps {
  config: AppConfig;
  gateway: B2Gateway;
  logger: Logger;
  renderFiles: RenderFiles;
}

export class SetupService {
  private readonly running = new Set<Promise<unknown>>();
  private readonly keyCheck: KeyCheck;

  constructor(private readonly deps: SetupServiceDeps) {
    this.keyCheck = new KeyCheck(deps);
  }

  /** Resolves once no apply is in flight (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  plan(session: Session, request: SetupRequest): Promise<Plan> {
    return buildPlan(this.deps.renderFiles, session, request);
  }

  // --- Apply ------------------------------------------------------------------------------------
  async apply(session: Session, request: ApplyRequest): Promise<SetupResult> {
    const fingerprint = fingerprintOf(request);
    let record = session.applies.get(request.idempotencyKey);
    if (record && record.fingerprint !== fingerprint) {
      throw new AppError(
        422,
        'idempotency_key_reused',
        'This idempotencyKey was already used for a different setup. Start a new setup to get a new one.',
        { field: 'idempotencyKey' },
      );
    }
    // A result is final, unless its key check could not finish: then a retry checks again.
    if (record?.result && !record.recheck) return record.result;
    // A duplicate sent while the first is still running waits for the first.
    if (record?.running) return record.running;
    // Before anything is saved or written: a destructive change needs the user's say-so.
    if (!record?.bucket) await requireConfirmations(session, request);
    if (!record) {
      record = newApplyRecord(fingerprint);
      this.remember(session, request.idempotencyKey, record);
    }
    const current = record;
    session.busy += 1;
    const run = this.run(session, request, current).finally(() => {
      current.running = null;
      session.busy -= 1;
      this.running.delete(run);
    });
    current.running = run;
    this.running.add(run);
    return run;
  }

  private remember(session: Session, idempotencyKey: string, record: ApplyRecord): void {
    session.applies.set(idempotencyKey, record);
    const max = this.deps.config.maxAppliesPerSession;
    for (const [key, old] of session.applies) {
      if (session.applies.size <= max) break;
      if (!old.running) session.applies.delete(key);
    }
  }

  private async run(
    session: Session,
    request: ApplyRequest,
    record: ApplyRecord,
  ): Promise<SetupResult> {
    // writeBuckets for an existing bucket is checked once we know it needs a change.
    requireCapabilities(session, neededCapabilities(request, request.bucket.mode === 'create'));
    if (!record.bucket) checkRenderable(this.deps.renderFiles, request, endpointOf(session));

    if (!record.bucket) {
      record.bucket =
        request.bucket.mode === 'create'
          ? await createBucket(session, request, desiredRules(request), record)
          : await updateBucket(session, request, request.bucket.bucketId);
    }
    const bucket = record.bucket;

    try {
      if (!record.key)
        record.key = await createKey(session, request, bucket, record, this.deps.logger);
    } catch (error) {
      throw this.partWay(error, request, record);
    }
    const key = record.key;

    const verification = await this.keyCheck.run(session, request, bucket, key, record);
    const endpoint = endpointOf(session);
    const values: ConfigValues = {
      target: request.target,
      bucket: {
        bucketId: bucket.bucketId,
        bucketName: bucket.bucketName,
        bucketType: bucket.bucketType,
        lifecycleRules: bucket.lifecycleRules,
        corsRules: bucket.corsRules,
        defaultServerSideEncryption: bucket.defaultServerSideEncryption,
        fileLockEnabled: bucket.fileLockEnabled,
      },
      key: {
        applicationKeyId: key.applicationKeyId,
        applicationKey: key.applicationKey,
        keyName: key.keyName,
        capabilities: key.capabilities,
        namePrefix: key.namePrefix,
        expirationTimestamp: key.expirationTimestamp,
      },
      endpoint,
      options: request.options ?? {},
    };
    let files: SetupResult['files'] = [];
    try {
      files = this.deps.renderFiles(values);
    } catch (error) {
      // The bucket and key exist and the secret is in this answer: never lose it over a file.
      const message = error instanceof Error ? error.message : 'unknown problem';
      verification.checks.push({
        name: 'files',
        label: keyCheckLabel('files', bucket.bucketName),
        ok: false,
        status: 'failed',
        detail: `Config files could not be made: ${message}`,
      });
      verification.ok = false;
    }

    const result: SetupResult = {
      bucket: values.bucket,
      key: { ...values.key, bucketId: key.bucketId },
      endpoint,
      verification,
      files,
    };
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
