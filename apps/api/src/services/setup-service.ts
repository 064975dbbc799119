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
  type CorsRule,
  type LifecycleRule,
  type Plan,
  type PlanStep,
  type PlanWarning,
  type SetupRequest,
  type SetupResult,
  type VerificationCheck,
  ENCRYPTION_TEXT,
  encryptionStatus,
} from '@b2wiz/shared';
import type {
  B2Bucket,
  B2Connection,
  B2Gateway,
  B2NewKey,
  CreateKeyInput,
  UploadedFile,
} from '../b2/b2-types';
import type { AppConfig } from '../config';
import { AppError, isAppError } from '../http/app-error';
import type { Logger } from '../http/logger';
import { checkRenderable, type RenderFiles } from './render-files';
import type { Session } from './session-service';

/** B2 answered with a refusal (4xx, not 429): the call made nothing, so a retry sends it anew. */
function refusedOutright(error: unknown): boolean {
  return isAppError(error) && error.status < 500 && error.status !== 429 && !error.outcomeUnknown;
}

/** What one idempotencyKey has done so far; a retry picks up from here. */
export interface ApplyRecord {
  fingerprint: string;
  running: Promise<SetupResult> | null;
  result: SetupResult | null;
  bucket: B2Bucket | null;
  /** A create_bucket was sent; its answer may have been lost. */
  bucketCreateSent: boolean;
  key: B2NewKey | null;
  /** A create_key was sent; its answer (and the secret) may have been lost. */
  keyCreateSent: boolean;
  /** Keys of the same name that existed before this apply (never removed by a resume). */
  keysBefore: Set<string> | null;
  /** The last key check failed for a passing reason (B2 busy, no answer): a retry checks again. */
  recheck: boolean;
  /** Marker files a check could not remove (id unknown when an upload's answer was lost). */
  leftoverMarkers: { fileName: string; fileId: string | null }[];
}

export interface SetupServiceDeps {
  config: AppConfig;
  gateway: B2Gateway;
  logger: Logger;
  renderFiles: RenderFiles;
}

interface Desired {
  lifecycleRules: LifecycleRule[];
  corsRules: CorsRule[];
}

const MARKER_CONTENT = Buffer.from('B2 Setup Wizard key check. Safe to delete.\n');

// --- Comparing rules as B2 stores them ---------------------------------------------------------
const sorted = (list: readonly string[] | null | undefined) => [...(list ?? [])].sort();

function lifecycleKey(rules: readonly LifecycleRule[]): string {
  return JSON.stringify(
    rules
      .map((r) => [
        r.fileNamePrefix,
        r.daysFromUploadingToHiding ?? null,
        r.daysFromHidingToDeleting ?? null,
        r.daysFromStartingToCancelingUnfinishedLargeFiles ?? null,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
}

function corsKey(rules: readonly CorsRule[]): string {
  return JSON.stringify(
    rules
      .map((r) => [
        r.corsRuleName,
        sorted(r.allowedOrigins),
        sorted(r.allowedOperations),
        sorted(r.allowedHeaders),
        sorted(r.exposeHeaders),
        r.maxAgeSeconds,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
}

function rulesMatch(bucket: B2Bucket, desired: Desired): boolean {
  return (
    lifecycleKey(bucket.lifecycleRules) === lifecycleKey(desired.lifecycleRules) &&
    corsKey(bucket.corsRules) === corsKey(desired.corsRules)
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

// --- Reading the request ----------------------------------------------------------------------
function desiredRules(request: SetupRequest): Desired {
  return {
    lifecycleRules: lifecycleRulesFor(request.lifecycle),
    corsRules: corsRulesFor(request.cors),
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

function fingerprintOf(request: ApplyRequest): string {
  const { idempotencyKey: _ignored, ...rest } = request;
  return JSON.stringify(rest);
}

function randomSuffix(): string {
  return randomBytes(3).toString('hex');
}

function bucketTakenByYou(name: string): AppError {
  return new AppError(
    409,
    'bucket_exists',
    `You already have a bucket named “${name}”. Choose “use an existing bucket” to set it up, or pick another name.`,
    { field: 'bucket.name', suggestion: suggestBucketName(name, randomSuffix()) },
  );
}

export class SetupService {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly deps: SetupServiceDeps) {}

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
    const desired = desiredRules(request);
    const steps: PlanStep[] = [];
    const warnings: PlanWarning[] = [];
    let bucketName: string;

    if (request.bucket.mode === 'create') {
      requireCapabilities(session, neededCapabilities(request, true));
      bucketName = request.bucket.name;
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
      if (request.bucket.objectLock) {
        warnings.push({
          code: 'object_lock_permanent',
          field: 'bucket.objectLock',
          message: 'Object Lock cannot be turned off once the bucket exists.',
        });
      }
    } else {
      const current = await this.existingBucket(conn, request.bucket.bucketId);
      bucketName = current.bucketName;
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
        if (
          current.lifecycleRules.length > 0 &&
          lifecycleKey(current.lifecycleRules) !== lifecycleKey(desired.lifecycleRules)
        ) {
          warnings.push({
            code: 'replaces_lifecycle_rules',
            field: 'lifecycle',
            message: `The bucket’s ${current.lifecycleRules.length} lifecycle rule(s) of today will be replaced by the ones shown.`,
          });
        }
        if (
          current.corsRules.length > 0 &&
          corsKey(current.corsRules) !== corsKey(desired.corsRules)
        ) {
          warnings.push({
            code: 'replaces_cors_rules',
            field: 'cors',
            message: `The bucket’s ${current.corsRules.length} CORS rule(s) of today will be replaced by the ones shown.`,
          });
        }
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
        message: `The new key stops working after ${request.key.validDays} days; ${TARGET_PRESETS[request.target].label} will then fail until you give it a new key.`,
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
    if (!record) {
      record = {
        fingerprint,
        running: null,
        result: null,
        bucket: null,
        bucketCreateSent: false,
        key: null,
        keyCreateSent: false,
        keysBefore: null,
        recheck: false,
        leftoverMarkers: [],
      };
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
    const desired = desiredRules(request);
    // writeBuckets for an existing bucket is checked once we know it needs a change.
    requireCapabilities(session, neededCapabilities(request, request.bucket.mode === 'create'));
    if (!record.bucket) checkRenderable(this.deps.renderFiles, request, this.endpoint(session));

    if (!record.bucket) {
      record.bucket =
        request.bucket.mode === 'create'
          ? await this.createBucket(session, request, desired, record)
          : await this.updateBucket(session, request, request.bucket.bucketId, desired);
    }
    const bucket = record.bucket;

    try {
      if (!record.key) record.key = await this.createKey(session, request, bucket, record);
    } catch (error) {
      throw this.partWay(error, request, record);
    }
    const key = record.key;

    const verification = await this.checkKey(session, request, bucket, key, record);
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
        ok: false,
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
    desired: Desired,
  ): Promise<B2Bucket> {
    const conn = session.connection;
    const current = await this.existingBucket(conn, bucketId);
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

  // --- The key check ----------------------------------------------------------------------------
  private async checkKey(
    session: Session,
    request: SetupRequest,
    bucket: B2Bucket,
    key: B2NewKey,
    record: ApplyRecord,
  ): Promise<SetupResult['verification']> {
    const checks: VerificationCheck[] = [];
    // A check that failed because B2 was busy or did not answer says nothing about the key.
    let passing = false;
    const failed = (error: unknown) => {
      if (isAppError(error) && error.retryable) passing = true;
      return isAppError(error) ? error.message : 'Something went wrong on our side.';
    };
    const done = () => {
      record.recheck = passing;
      return { ok: checks.every((c) => c.ok), checks };
    };
    const baseUrl = session.summary.sandbox
      ? (this.deps.config.sandbox?.apiUrl ?? this.deps.config.b2ApiUrl)
      : this.deps.config.b2ApiUrl;

    let keyConn: B2Connection;
    try {
      keyConn = await this.deps.gateway.connect({
        baseUrl,
        applicationKeyId: key.applicationKeyId,
        applicationKey: key.applicationKey,
      });
      checks.push({ name: 'authorize', ok: true, detail: 'The new key signs in to Backblaze.' });
    } catch (error) {
      checks.push({
        name: 'authorize',
        ok: false,
        detail: `The new key could not sign in: ${failed(error)}`,
      });
      return done();
    }

    const auth = keyConn.authorization;
    if (request.key.restrictToBucket) {
      const ok = auth.bucketId === bucket.bucketId;
      checks.push({
        name: 'restrictedToBucket',
        ok,
        detail: ok
          ? `The key reaches only the bucket “${bucket.bucketName}”.`
          : 'The key is not limited to this bucket as asked.',
      });
    }
    const capsOk = sameSet(auth.capabilities, key.capabilities);
    checks.push({
      name: 'capabilities',
      ok: capsOk,
      detail: capsOk
        ? `The key holds exactly: ${key.capabilities.join(', ')}.`
        : `The key holds ${auth.capabilities.join(', ')}, not what was asked.`,
    });

    const caps = auth.capabilities;
    // Markers are removed with the new key, or, when it may not delete, with the session's key.
    // Without a remover no marker is written: it would stay in the bucket for good.
    const remover = caps.includes('deleteFiles')
      ? keyConn
      : session.summary.capabilities.includes('deleteFiles')
        ? session.connection
        : null;
    // The marker goes over the API the tool will use, once: the sign-in above already proved the
    // key and its restrictions natively, so an S3 tool's key needs no native marker as well.
    if (TARGET_PRESETS[request.target].usesS3) {
      await this.s3Check(session, bucket, key, caps, remover, record, checks, failed);
    } else if (caps.includes('writeFiles') && remover) {
      await this.markerCheck(keyConn, remover, bucket, key, record, checks, failed);
    }
    return done();
  }

  /**
   * The target speaks S3: reach the bucket at the S3 endpoint with the new key, and where it may
   * write, put a marker and delete that version again (the check's only marker). Each step the key
   * may not take is skipped; a marker a lost answer may have left is removed natively, by name.
   */
  private async s3Check(
    session: Session,
    bucket: B2Bucket,
    key: B2NewKey,
    caps: string[],
    remover: B2Connection | null,
    record: ApplyRecord,
    checks: VerificationCheck[],
    failed: (error: unknown) => string,
  ): Promise<void> {
    const { s3Endpoint, s3Region } = session.summary;
    const s3 = this.deps.gateway.s3({
      endpoint: s3Endpoint,
      region: s3Region,
      applicationKeyId: key.applicationKeyId,
      applicationKey: key.applicationKey,
    });
    const where = `the S3 endpoint ${s3Endpoint}`;

    if (!caps.includes('listBuckets') && !caps.includes('readBuckets')) {
      checks.push({
        name: 'S3: bucket reachable',
        ok: true,
        detail: `Skipped: the key may not list buckets, so it cannot ask ${where} about the bucket.`,
      });
    } else {
      try {
        await s3.headBucket(bucket.bucketName);
        checks.push({
          name: 'S3: bucket reachable',
          ok: true,
          detail: `The key reaches the bucket “${bucket.bucketName}” at ${where}.`,
        });
      } catch (error) {
        checks.push({
          name: 'S3: bucket reachable',
          ok: false,
          detail: `The key could not reach the bucket at ${where}: ${failed(error)}`,
        });
        // A marker an earlier try may have left goes all the same (no call when there is none).
        if (remover) await this.removeLeftoverMarkers(remover, bucket, record);
        return;
      }
    }

    if (!caps.includes('writeFiles') || !remover) {
      checks.push({
        name: 'S3: upload',
        ok: true,
        detail: caps.includes('writeFiles')
          ? 'Skipped: neither this key nor your connected key may delete files, so no marker is written over S3 (it would stay in the bucket).'
          : 'Skipped: this key cannot upload, so no file is written over S3.',
      });
      return;
    }
    const fileName = `${key.namePrefix ?? ''}b2-setup-wizard-s3-check-${randomBytes(6).toString('hex')}.txt`;
    let versionId: string | null;
    try {
      const put = await s3.putObject({
        bucket: bucket.bucketName,
        key: fileName,
        body: MARKER_CONTENT,
        contentType: 'text/plain',
      });
      versionId = put.versionId;
      if (put.strayCopiesPossible || versionId === null) {
        record.leftoverMarkers.push({ fileName, fileId: null });
      }
      checks.push({
        name: 'S3: upload',
        ok: true,
        detail: `The key uploaded the marker file “${fileName}” over S3.`,
      });
    } catch (error) {
      if (isAppError(error) && error.outcomeUnknown) {
        record.leftoverMarkers.push({ fileName, fileId: null });
      }
      checks.push({
        name: 'S3: upload',
        ok: false,
        detail: `The key could not upload a file over S3: ${failed(error)}`,
      });
      await this.removeLeftoverMarkers(remover, bucket, record);
      return;
    }

    if (caps.includes('deleteFiles') && versionId !== null) {
      try {
        await s3.deleteObjectVersion({ bucket: bucket.bucketName, key: fileName, versionId });
        checks.push({
          name: 'S3: delete',
          ok: true,
          detail: 'The key deleted the marker file again over S3.',
        });
      } catch (error) {
        record.leftoverMarkers.push({ fileName, fileId: versionId });
        checks.push({
          name: 'S3: delete',
          ok: false,
          detail: `The key could not delete the marker file over S3: ${failed(error)}`,
        });
      }
    } else if (versionId !== null) {
      // S3's version id is B2's file id: the native remover can take it away.
      record.leftoverMarkers.push({ fileName, fileId: versionId });
      checks.push({
        name: 'S3: delete',
        ok: true,
        detail:
          'Skipped: the key may not delete, so the marker was removed with your connected key.',
      });
    }
    const problem = await this.removeLeftoverMarkers(remover, bucket, record);
    if (problem !== null) {
      checks.push({
        name: 'S3: clean up',
        ok: false,
        detail: `The marker file “${fileName}” could not be removed: ${failed(problem)}`,
      });
    }
  }

  /**
   * A native tool's check: upload a tiny marker with the new key, then delete it (and any copy a
   * lost answer left).
   */
  private async markerCheck(
    keyConn: B2Connection,
    remover: B2Connection,
    bucket: B2Bucket,
    key: B2NewKey,
    record: ApplyRecord,
    checks: VerificationCheck[],
    failed: (error: unknown) => string,
  ): Promise<void> {
    const viaSession = remover !== keyConn;
    const fileName = `${key.namePrefix ?? ''}b2-setup-wizard-check-${randomBytes(6).toString('hex')}.txt`;
    let file: UploadedFile;
    try {
      file = await keyConn.uploadFile({
        bucketId: bucket.bucketId,
        fileName,
        data: MARKER_CONTENT,
        contentType: 'text/plain',
      });
      checks.push({
        name: 'upload',
        ok: true,
        detail: `The key uploaded the marker file “${fileName}”.`,
      });
    } catch (error) {
      // The upload may have worked although its answer was lost: look for it next time.
      if (isAppError(error) && error.outcomeUnknown) {
        record.leftoverMarkers.push({ fileName, fileId: null });
      }
      checks.push({
        name: 'upload',
        ok: false,
        detail: `The key could not upload a file: ${failed(error)}`,
      });
      await this.removeLeftoverMarkers(remover, bucket, record);
      return;
    }

    record.leftoverMarkers.push({ fileName, fileId: file.fileId });
    // A retried upload may have stored a copy whose answer was lost: find it by name.
    if (file.strayCopiesPossible) record.leftoverMarkers.push({ fileName, fileId: null });
    const problem = await this.removeLeftoverMarkers(remover, bucket, record);
    checks.push(
      problem === null
        ? {
            name: 'delete',
            ok: true,
            detail: viaSession
              ? 'The marker file was deleted again (with your connected key, as the new key may not delete).'
              : 'The key deleted the marker file again.',
          }
        : {
            name: 'delete',
            ok: false,
            detail: `The marker file “${fileName}” could not be deleted: ${failed(problem)}`,
          },
    );
  }

  /**
   * Deletes the marker files a check left: by id where known, else every version of the name
   * (needs listFiles). Answers the first error, or null when nothing is left.
   */
  private async removeLeftoverMarkers(
    remover: B2Connection,
    bucket: B2Bucket,
    record: ApplyRecord,
  ): Promise<unknown> {
    const canList = remover.authorization.capabilities.includes('listFiles');
    const left: ApplyRecord['leftoverMarkers'] = [];
    let problem: unknown = null;
    // Known ids first, so the version the check uploaded is the one deleted by id.
    const ordered = [...record.leftoverMarkers].sort(
      (a, b) => Number(a.fileId === null) - Number(b.fileId === null),
    );
    const byName = async (fileName: string) => {
      const versions = await remover.listFileVersions({
        bucketId: bucket.bucketId,
        prefix: fileName,
      });
      for (const v of versions.filter((f) => f.fileName === fileName)) {
        await remover.deleteFileVersion(v);
      }
    };
    for (const marker of ordered) {
      try {
        if (marker.fileId === null) {
          if (canList) await byName(marker.fileName);
          continue;
        }
        try {
          await remover.deleteFileVersion({ fileId: marker.fileId, fileName: marker.fileName });
        } catch (error) {
          // Perhaps already gone (an earlier try's answer was lost): look by name.
          if (!canList) throw error;
          await byName(marker.fileName);
        }
      } catch (error) {
        problem ??= error;
        left.push(marker);
      }
    }
    record.leftoverMarkers = left;
    return problem;
  }
}
