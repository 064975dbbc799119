// Plan and apply (DESIGN.md): what the wizard will change in B2, and the change itself with the
// fewest calls, idempotent by idempotencyKey and resumable after a failure part way.
import { randomBytes } from 'node:crypto';
import {
  ACCESS_LABELS,
  CORS_LABELS,
  LIFECYCLE_LABELS,
  TARGET_PRESETS,
  WIZARD_CAPABILITIES,
  corsRulesFor,
  keyCapabilities,
  lifecycleRulesFor,
  sameBucketName,
  suggestBucketName,
  type ApplyRequest,
  type ConfigValues,
  type Plan,
  type PlanStep,
  type PlanWarning,
  type SetupRequest,
  type SetupResult,
  ENCRYPTION_TEXT,
  encryptionStatus,
  keyCheckLabel,
  needsConfirmation,
  type ConfirmableWarning,
} from '@b2wiz/shared';
import type { B2Bucket, B2Connection, B2Gateway, B2NewKey, CreateKeyInput } from '../b2/b2-types';
import type { AppConfig } from '../config';
import { AppError, isAppError } from '../http/app-error';
import type { Logger } from '../http/logger';
import { checkRenderable, type RenderFiles } from './render-files';
import type { Session } from './session-service';
import { newApplyRecord, type ApplyRecord } from './setup/apply-record';
import { KeyCheck } from './setup/key-check';
import { rulesMatch, type Desired } from './setup/rule-match';
import { accessWarning, ruleChangeWarnings } from './setup/rule-warnings';

/** B2 answered with a refusal (4xx, not 429): the call made nothing, so a retry sends it anew. */
function refusedOutright(error: unknown): boolean {
  return isAppError(error) && error.status < 500 && error.status !== 429 && !error.outcomeUnknown;
}

export interface SetupServiceDeps {
  config: AppConfig;
  gateway: B2Gateway;
  logger: Logger;
  renderFiles: RenderFiles;
}

const sorted = (list: readonly string[]) => [...list].sort();
const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

// --- Reading the request ----------------------------------------------------------------------
/** The rules the request asks for; keepCurrent takes an existing bucket's rules as they are. */
function desiredRules(request: SetupRequest, current?: B2Bucket): Desired {
  return {
    lifecycleRules: lifecycleRulesFor(request.lifecycle, current?.lifecycleRules),
    corsRules: corsRulesFor(request.cors, current?.corsRules),
  };
}

function listAllBucketNames(request: SetupRequest): boolean {
  return request.key.listAllBucketNames ?? TARGET_PRESETS[request.target].key.listAllBucketNames;
}

function keyInput(request: SetupRequest, bucketId: string): CreateKeyInput {
  const input: CreateKeyInput = {
    keyName: request.key.name,
    capabilities: keyCapabilities(request.key.access, listAllBucketNames(request)),
  };
  if (request.key.restrictToBucket) input.bucketId = bucketId;
  if (request.key.namePrefix) input.namePrefix = request.key.namePrefix;
  if (request.key.validDays) input.validDurationInSeconds = request.key.validDays * 86_400;
  return input;
}

/** The capabilities this request needs from the connected key, with what each is for. */
function neededCapabilities(request: SetupRequest, bucketWrite: boolean): string[] {
  const needed: string[] = ['listBuckets', 'writeKeys'];
  if (bucketWrite) needed.push('writeBuckets');
  // No writeBucketEncryption: B2 encrypts a new bucket without being asked.
  if (request.bucket.mode === 'create' && request.bucket.objectLock) {
    needed.push('writeBucketRetentions');
  }
  return needed;
}

function requireCapabilities(session: Session, needed: string[]): void {
  const held = session.summary.capabilities;
  const missing = needed.filter((c) => !held.includes(c));
  if (missing.length === 0) return;
  const purpose = (c: string) =>
    (WIZARD_CAPABILITIES as Record<string, string>)[c] ?? 'do this step';
  const list = missing.map((c) => `“${c}” (needed to ${purpose(c)})`).join(' and ');
  throw new AppError(
    403,
    'missing_capability',
    `The connected key lacks the capability ${list}. Connect with the master application key, or a key that has ${missing.length > 1 ? 'these capabilities' : 'it'}.`,
  );
}

function describeLifecycle(request: SetupRequest): string {
  const l = LIFECYCLE_LABELS[request.lifecycle.preset];
  const days = request.lifecycle.preset === 'keepPriorDays' ? ` (${request.lifecycle.days})` : '';
  return `Lifecycle: ${l.label}${days}. ${l.description}`;
}

function describeCors(request: SetupRequest): string {
  const c = CORS_LABELS[request.cors.preset];
  const origin = request.cors.preset === 'oneOrigin' ? ` (${request.cors.origin})` : '';
  return `CORS: ${c.label}${origin}.`;
}

/** What makes two applies the same setup: not the key itself, nor what the user confirmed. */
function fingerprintOf(request: ApplyRequest): string {
  const { idempotencyKey: _key, confirm: _confirm, ...rest } = request;
  return JSON.stringify(rest);
}

/** "Something else" reads badly inside a sentence. */
function toolName(target: SetupRequest['target']): string {
  return target === 'other' ? 'your tool' : TARGET_PRESETS[target].label;
}

function randomSuffix(): string {
  return randomBytes(3).toString('hex');
}

function bucketTakenByYou(name: string): AppError {
  return new AppError(
    409,
    'bucket_exists',
    `You already have a bucket named “${name}”: set it up as an existing bucket, or pick another name.`,
    { field: 'bucket.name', suggestion: suggestBucketName(name, randomSuffix()) },
  );
}

const OBJECT_LOCK_PERMANENT: PlanWarning = {
  code: 'object_lock_permanent',
  field: 'bucket.objectLock',
  message: 'Object Lock cannot be turned off once the bucket exists.',
};

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

  // --- Plan -------------------------------------------------------------------------------------
  private endpoint(session: Session): ConfigValues['endpoint'] {
    return { s3Endpoint: session.summary.s3Endpoint, s3Region: session.summary.s3Region };
  }

  async plan(session: Session, request: SetupRequest): Promise<Plan> {
    const conn = session.connection;
    checkRenderable(this.deps.renderFiles, request, this.endpoint(session));
    const steps: PlanStep[] = [];
    const warnings: PlanWarning[] = [];
    let bucketName: string;

    if (request.bucket.mode === 'create') {
      requireCapabilities(session, neededCapabilities(request, true));
      bucketName = request.bucket.name;
      const desired = desiredRules(request);
      const own = await this.ownBucketNamed(conn, bucketName);
      if (own) throw bucketTakenByYou(bucketName);
      const type = request.bucket.type === 'allPublic' ? 'public' : 'private';
      steps.push({
        kind: 'createBucket',
        title: `Create the ${type} bucket “${bucketName}”`,
        details: [
          ENCRYPTION_TEXT.alwaysOnNamed,
          request.bucket.objectLock
            ? 'Object Lock: on. It can never be turned off for this bucket.'
            : 'Object Lock: off.',
          describeLifecycle(request),
          describeCors(request),
        ],
        call: 'b2_create_bucket',
        proposed: desired,
      });
      if (request.bucket.encryption === false) {
        warnings.push({
          code: 'encryption_always_on',
          field: 'bucket.encryption',
          message: ENCRYPTION_TEXT.offNotPossible,
        });
      }
      if (request.bucket.type === 'allPublic') {
        warnings.push({
          code: 'public_bucket',
          field: 'bucket.type',
          message:
            'Anyone who knows a file’s name can download it from a public bucket. Backblaze also needs a verified email address and a payment history before an account’s first public bucket.',
        });
      }
      if (request.bucket.objectLock) warnings.push(OBJECT_LOCK_PERMANENT);
    } else {
      const current = await this.existingBucket(conn, request.bucket.bucketId);
      bucketName = current.bucketName;
      const desired = desiredRules(request, current);
      const changes = !rulesMatch(current, desired);
      requireCapabilities(session, neededCapabilities(request, changes));
      const both = {
        current: { lifecycleRules: current.lifecycleRules, corsRules: current.corsRules },
        proposed: desired,
      };
      if (changes) {
        steps.push({
          kind: 'updateBucket',
          title: `Change the lifecycle and CORS rules of the bucket “${bucketName}”`,
          details: [
            describeLifecycle(request),
            describeCors(request),
            'Only these rules change; the bucket’s files, type and encryption stay as they are.',
            encryptionStatus(current.defaultServerSideEncryption),
          ],
          call: 'b2_update_bucket',
          ...both,
        });
        warnings.push(...ruleChangeWarnings(current, desired));
      } else {
        steps.push({
          kind: 'useBucket',
          title: `Use the bucket “${bucketName}” as it is`,
          details: [
            'Its lifecycle and CORS rules already match your choices; nothing changes.',
            encryptionStatus(current.defaultServerSideEncryption),
          ],
          call: null,
          ...both,
        });
      }
      if (current.fileLockEnabled) {
        warnings.push({
          code: 'object_lock_on',
          message: 'Object Lock is on for this bucket and cannot be turned off.',
        });
      }
    }

    const key = keyInput(request, 'the-bucket');
    const access = ACCESS_LABELS[request.key.access];
    const narrow = accessWarning(request);
    if (narrow) warnings.push(narrow);
    steps.push({
      kind: 'createKey',
      title: `Create the application key “${request.key.name}”`,
      details: [
        request.key.restrictToBucket
          ? `It can reach only the bucket “${bucketName}”.`
          : 'It can reach every bucket in the account.',
        `Type of access: ${access.label} (${key.capabilities.join(', ')}).`,
        request.key.namePrefix
          ? `Only files whose names start with “${request.key.namePrefix}”.`
          : 'Every file in the bucket.',
        request.key.validDays
          ? `It stops working after ${request.key.validDays} days.`
          : 'It does not expire.',
        'Its secret is shown once, on the last page.',
      ],
      call: 'b2_create_key',
    });
    const writes = key.capabilities.includes('writeFiles');
    const usesS3 = TARGET_PRESETS[request.target].usesS3;
    steps.push({
      kind: 'checkKey',
      title: 'Check that the new key works',
      details: [
        'Sign in to Backblaze with the new key.',
        ...(usesS3
          ? [`Reach the bucket at the S3 endpoint ${session.summary.s3Endpoint} with the new key.`]
          : []),
        writes
          ? `Upload a tiny marker file with it${usesS3 ? ' over S3' : ''}, then delete the marker.`
          : 'This key cannot upload, so no file is written.',
      ],
      call: 'b2_authorize_account',
    });
    const files = TARGET_PRESETS[request.target].files;
    steps.push({
      kind: 'generateFiles',
      title: `Prepare ${[...files, 'SETUP-SUMMARY.md'].join(', ')}`,
      details: ['Made here from the values above; nothing is sent anywhere.'],
      call: null,
    });

    if (session.summary.isMasterKey && TARGET_PRESETS[request.target].usesS3) {
      warnings.push({
        code: 'master_key_not_for_s3',
        message: `The master application key cannot be used with S3 tools. ${TARGET_PRESETS[request.target].label} will use the new application key instead.`,
      });
    }
    if (!request.key.restrictToBucket) {
      warnings.push({
        code: 'key_not_restricted',
        field: 'key.restrictToBucket',
        message: 'The new key can reach every bucket in the account, not just this one.',
      });
    }
    if (request.key.validDays) {
      warnings.push({
        code: 'key_expires',
        field: 'key.validDays',
        message: `The new key stops working after ${request.key.validDays} days; then give ${toolName(request.target)} a new one, or it stops working too.`,
      });
    }
    const held = session.summary.capabilities;
    if (!held.includes('listKeys') || !held.includes('deleteKeys')) {
      warnings.push({
        code: 'cannot_clean_up_keys',
        message:
          'The connected key cannot list or delete keys, so if creating the new key is interrupted, a spare unused key may stay in the account.',
      });
    }
    return { steps, warnings };
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
    if (!record?.bucket) await this.requireConfirmations(session, request);
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

  /** 409 confirmation_needed, writing nothing, unless `confirm` lists every destructive change. */
  private async requireConfirmations(session: Session, request: ApplyRequest): Promise<void> {
    const warnings: PlanWarning[] = [];
    if (request.bucket.mode === 'create') {
      if (request.bucket.objectLock) warnings.push(OBJECT_LOCK_PERMANENT);
    } else {
      const current = await this.existingBucket(session.connection, request.bucket.bucketId);
      warnings.push(...ruleChangeWarnings(current, desiredRules(request, current)));
    }
    const confirmed = new Set(request.confirm ?? []);
    const missing = warnings.filter((w) => needsConfirmation(w.code) && !confirmed.has(w.code));
    if (missing.length === 0) return;
    throw new AppError(
      409,
      'confirmation_needed',
      `This setup would ${missing.length === 1 ? 'make a change' : 'make changes'} that cannot be undone: ${missing.map((w) => w.message).join(' ')} Send the request again with confirm: [${missing.map((w) => `"${w.code}"`).join(', ')}] if that is what you want.`,
      {
        field: 'confirm',
        confirmations: missing.map((w) => ({
          code: w.code as ConfirmableWarning,
          message: w.message,
        })),
      },
    );
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
    if (!record.bucket) checkRenderable(this.deps.renderFiles, request, this.endpoint(session));

    if (!record.bucket) {
      record.bucket =
        request.bucket.mode === 'create'
          ? await this.createBucket(session, request, desiredRules(request), record)
          : await this.updateBucket(session, request, request.bucket.bucketId);
    }
    const bucket = record.bucket;

    try {
      if (!record.key) record.key = await this.createKey(session, request, bucket, record);
    } catch (error) {
      throw this.partWay(error, request, record);
    }
    const key = record.key;

    const verification = await this.keyCheck.run(session, request, bucket, key, record);
    const endpoint = this.endpoint(session);
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
    if (created.bucket || created.key) {
      error.created = created;
      error.retryable = error.retryable ?? false;
      if (created.bucket) {
        error.message = `${error.message} The bucket “${created.bucket.bucketName}” was created; sending the same request again finishes the rest.`;
      }
    }
    return error;
  }

  private async ownBucketNamed(conn: B2Connection, name: string): Promise<B2Bucket | undefined> {
    const found = await conn.listBuckets({ bucketName: name });
    return found.find(
      (b) => sameBucketName(b.bucketName, name) && b.accountId === conn.authorization.accountId,
    );
  }

  private async existingBucket(conn: B2Connection, bucketId: string): Promise<B2Bucket> {
    const [bucket] = await conn.listBuckets({ bucketId });
    if (!bucket) {
      throw new AppError(
        404,
        'bucket_not_found',
        'That bucket is not in this account (or this key cannot see it). Choose another bucket.',
        { field: 'bucket.bucketId' },
      );
    }
    return bucket;
  }

  private async createBucket(
    session: Session,
    request: SetupRequest,
    desired: Desired,
    record: ApplyRecord,
  ): Promise<B2Bucket> {
    if (request.bucket.mode !== 'create') throw new Error('createBucket needs mode create');
    const spec = request.bucket;
    const conn = session.connection;

    const madeByUs = (found: B2Bucket) =>
      found.bucketType === spec.type &&
      rulesMatch(found, desired) &&
      // Not encryption: B2 decides it now, whatever an old request asked for.
      (found.fileLockEnabled === null || found.fileLockEnabled === spec.objectLock);

    if (record.bucketCreateSent) {
      // An earlier try may have made the bucket and lost the answer: use it if it is the same.
      const found = await this.ownBucketNamed(conn, spec.name);
      if (found) {
        if (madeByUs(found)) return found;
        throw bucketTakenByYou(spec.name);
      }
    }

    record.bucketCreateSent = true;
    try {
      return await conn.createBucket({
        bucketName: spec.name,
        bucketType: spec.type,
        lifecycleRules: desired.lifecycleRules,
        corsRules: desired.corsRules,
        fileLockEnabled: spec.objectLock,
      });
    } catch (error) {
      if (isAppError(error) && error.code === 'duplicate_bucket_name') {
        const own = await this.ownBucketNamed(conn, spec.name);
        // A repeat of a create whose first answer was lost finds the bucket that attempt made.
        if (own && error.outcomeUnknown && madeByUs(own)) return own;
        if (own) throw bucketTakenByYou(spec.name);
        error.suggestion = suggestBucketName(spec.name, randomSuffix());
        record.bucketCreateSent = false;
      } else if (refusedOutright(error)) {
        record.bucketCreateSent = false;
      }
      throw error;
    }
  }

  private async updateBucket(
    session: Session,
    request: SetupRequest,
    bucketId: string,
  ): Promise<B2Bucket> {
    const conn = session.connection;
    const current = await this.existingBucket(conn, bucketId);
    const desired = desiredRules(request, current);
    if (rulesMatch(current, desired)) return current;
    requireCapabilities(session, neededCapabilities(request, true));
    try {
      return await conn.updateBucket({
        bucketId,
        ifRevisionIs: current.revision,
        lifecycleRules: desired.lifecycleRules,
        corsRules: desired.corsRules,
      });
    } catch (error) {
      // A repeated update whose first try went through: the rules are already ours.
      if (isAppError(error) && (error.code === 'conflict' || error.outcomeUnknown)) {
        const now = await this.existingBucket(conn, bucketId);
        if (rulesMatch(now, desired)) return now;
      }
      throw error;
    }
  }

  private async createKey(
    session: Session,
    request: SetupRequest,
    bucket: B2Bucket,
    record: ApplyRecord,
  ): Promise<B2NewKey> {
    const conn = session.connection;
    const input = keyInput(request, bucket.bucketId);
    const held = session.summary.capabilities;
    const canClean = held.includes('listKeys') && held.includes('deleteKeys');
    const sameKey = (k: {
      keyName: string;
      bucketId: string | null;
      namePrefix: string | null;
      capabilities: string[];
    }) =>
      k.keyName === input.keyName &&
      k.bucketId === (input.bucketId ?? null) &&
      (k.namePrefix ?? null) === (input.namePrefix ?? null) &&
      sameSet(k.capabilities, input.capabilities);

    // Only a key tied to a bucket this apply made is sure to be new; any other may already have
    // twins of the same name and rights that someone uses.
    const mayHaveTwins = request.bucket.mode === 'existing' || !input.bucketId;
    if (record.keyCreateSent && canClean) {
      // A key made by a try whose answer was lost has a secret nobody holds: remove it, so that
      // exactly one new key exists and the user has its secret.
      for (const stale of (await conn.listKeys()).filter(sameKey)) {
        if (record.keysBefore?.has(stale.applicationKeyId)) continue;
        await this.deleteOrphanKey(conn, stale.applicationKeyId);
      }
    } else if (!record.keyCreateSent && mayHaveTwins && canClean) {
      // Note the twins that exist now, so a resume spares them.
      record.keysBefore = new Set(
        (await conn.listKeys()).filter(sameKey).map((k) => k.applicationKeyId),
      );
    }
    record.keyCreateSent = true;
    try {
      return await conn.createKey(input);
    } catch (error) {
      if (refusedOutright(error)) {
        record.keyCreateSent = false;
      }
      throw error;
    }
  }

  private async deleteOrphanKey(conn: B2Connection, applicationKeyId: string): Promise<void> {
    try {
      await conn.deleteKey(applicationKeyId);
    } catch (error) {
      // A lost answer may hide a delete that worked: look before giving up.
      if (!isAppError(error) || !error.outcomeUnknown) throw error;
      const still = (await conn.listKeys()).some((k) => k.applicationKeyId === applicationKeyId);
      if (still) throw error;
    }
    this.deps.logger.info('removed a key whose creation answer was lost', { applicationKeyId });
  }
}
