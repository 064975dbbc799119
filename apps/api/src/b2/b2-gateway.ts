// The only module that talks to B2 (and the only importer of backblaze-b2). It owns B2's URLs,
// tokens and JSON, the retry policy, and the single re-authorization on a stale token; the
// S3-compatible calls of the key check are in s3-client.ts beside it.
//
// backblaze-b2 keeps ONE module-wide axios instance, replaced by every `new B2()`. So nothing
// per-session may live on it: each B2 instance holds only its own token and apiUrl, and every
// per-call setting (authorize URL, timeout, User-Agent, no library retries) travels in that
// call's axiosOverride. Every instance is built with the same options, so whichever one installed
// the shared axios instance last, it behaves the same for everybody.
import B2 from 'backblaze-b2';
import type { AxiosOverride, B2Response } from 'backblaze-b2';
import { z } from 'zod';
import { corsRuleSchema, lifecycleRuleSchema } from '@b2wiz/shared';
import { AppError } from '../http/app-error';
import {
  describeFailure,
  isStaleToken,
  isTransient,
  toAppError,
  type B2Failure,
} from './b2-errors';
import { isMasterKeyId, readAuthorization, type AuthorizeVersion } from './authorize-answer';
import { readAnswer } from './read-answer';
import { S3Client } from './s3-client';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  retryAfterDelay,
  type RetryPolicy,
} from './retry-policy';
import type {
  B2Authorization,
  B2Bucket,
  B2Connection,
  B2Gateway,
  B2Key,
  B2NewKey,
  CreateBucketInput,
  CreateKeyInput,
  UpdateBucketInput,
  UploadedFile,
} from './b2-types';

export { isMasterKeyId };

export interface B2CallEvent {
  call: string;
  attempt: number;
  /** 'ok', an HTTP status, or 'network'. */
  outcome: string;
  durationMs: number;
}

export interface B2GatewayOptions {
  retry?: Partial<RetryPolicy>;
  /** Per-call timeout. */
  timeoutMs?: number;
  userAgent?: string;
  /** Told about every attempt (for debug logs); never given a token or a body. */
  onCall?: (event: B2CallEvent) => void;
  /** For the S3-compatible calls. */
  fetch?: typeof fetch;
}

// --- B2's JSON, read once here --------------------------------------------------------------
const bucketAnswer = z.object({
  accountId: z.string(),
  bucketId: z.string(),
  bucketName: z.string(),
  bucketType: z.string(),
  lifecycleRules: z.array(lifecycleRuleSchema).nullable().optional(),
  corsRules: z.array(corsRuleSchema).nullable().optional(),
  revision: z.number().int().optional().default(0),
  defaultServerSideEncryption: z
    .object({
      isClientAuthorizedToRead: z.boolean(),
      value: z
        .object({
          mode: z.string().nullable().optional(),
          algorithm: z.string().nullable().optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  fileLockConfiguration: z
    .object({
      isClientAuthorizedToRead: z.boolean(),
      value: z
        .object({ isFileLockEnabled: z.boolean().nullable().optional() })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});

const keyAnswer = z.object({
  applicationKeyId: z.string(),
  applicationKey: z.string().optional(),
  keyName: z.string(),
  capabilities: z.array(z.string()),
  bucketId: z.string().nullable().optional(),
  bucketIds: z.array(z.string()).nullable().optional(),
  namePrefix: z.string().nullable().optional(),
  expirationTimestamp: z.number().nullable().optional(),
});

const uploadUrlAnswer = z.object({ uploadUrl: z.string(), authorizationToken: z.string() });
const fileAnswer = z.object({ fileId: z.string(), fileName: z.string() });

function toBucket(raw: z.infer<typeof bucketAnswer>): B2Bucket {
  const sse = raw.defaultServerSideEncryption;
  const mode = sse?.isClientAuthorizedToRead ? sse.value?.mode : undefined;
  const lock = raw.fileLockConfiguration;
  return {
    accountId: raw.accountId,
    bucketId: raw.bucketId,
    bucketName: raw.bucketName,
    bucketType: raw.bucketType,
    lifecycleRules: raw.lifecycleRules ?? [],
    corsRules: raw.corsRules ?? [],
    defaultServerSideEncryption:
      mode === undefined
        ? null
        : {
            mode: mode === 'SSE-B2' ? 'SSE-B2' : mode === null ? null : 'none',
            algorithm: sse?.value?.algorithm ?? null,
          },
    fileLockEnabled: lock?.isClientAuthorizedToRead
      ? (lock.value?.isFileLockEnabled ?? false)
      : null,
    revision: raw.revision,
  };
}

function toKey(raw: z.infer<typeof keyAnswer>): B2Key {
  return {
    applicationKeyId: raw.applicationKeyId,
    keyName: raw.keyName,
    capabilities: raw.capabilities,
    bucketId: raw.bucketId ?? raw.bucketIds?.[0] ?? null,
    namePrefix: raw.namePrefix ?? null,
    expirationTimestamp: raw.expirationTimestamp ?? null,
  };
}

interface CallOptions {
  /** Safe to send again after a lost answer (reads, and deletes of one named thing). */
  idempotent: boolean;
  authorizing?: boolean;
  /** After an attempt whose answer was lost, this answer means that attempt did the work. */
  doneAlready?: (failure: B2Failure) => boolean;
}

/** An attempt that failed this way may still have done its work on B2's side. */
const mayHaveTakenEffect = (failure: B2Failure) =>
  failure.kind === 'network' || (failure.kind === 'http' && failure.status >= 500);

class Connection implements B2Connection {
  authorization!: B2Authorization;
  private readonly client: B2;
  private reauthorizing: Promise<void> | null = null;
  /** The authorize version this key answered on; a re-authorization goes straight there. */
  private version: AuthorizeVersion = 'v2';
  /** Bumped on every authorization, so a call knows whether its token was already replaced. */
  private generation = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly applicationKeyId: string,
    applicationKey: string,
    private readonly policy: RetryPolicy,
    private readonly timeoutMs: number,
    private readonly userAgent: string,
    private readonly onCall: ((event: B2CallEvent) => void) | undefined,
  ) {
    // retries: 0 turns off axios-retry: the gateway is the one retry policy.
    this.client = new B2({ applicationKeyId, applicationKey, retry: { retries: 0 } });
  }

  /** Everything per-call; never stored on the shared axios instance. */
  private override(extra: AxiosOverride = {}): AxiosOverride {
    return {
      timeout: this.timeoutMs,
      maxRedirects: 0,
      'axios-retry': { retries: 0 },
      ...extra,
      headers: { 'User-Agent': this.userAgent, ...extra.headers },
    };
  }

  /**
   * backblaze-b2 speaks v2 and hard-codes only the authorize URL, so we set it. Keys made
   * through v4 for a bucket are refused by v1-v3 authorize: those authorize on v4, whose token
   * the other (v2) calls accept (docs/b2-behaviour.md "API versions").
   */
  async authorize(): Promise<void> {
    let data: unknown;
    if (this.version === 'v2') {
      try {
        data = await this.authorizeOn('v2');
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'unsupported')) throw error;
        this.version = 'v4';
      }
    }
    if (this.version === 'v4') data = await this.authorizeOn('v4');
    const answer = readAuthorization(data, this.version, this.applicationKeyId);
    // backblaze-b2 reads only the flat v2 answer: give it what the v4 one holds.
    this.client.authorizationToken = answer.authorizationToken;
    this.client.apiUrl = answer.apiUrl;
    this.client.downloadUrl = answer.downloadUrl;
    this.authorization = answer.authorization;
    this.generation += 1;
  }

  private authorizeOn(version: AuthorizeVersion): Promise<unknown> {
    return this.call(
      'b2_authorize_account',
      () =>
        this.client.authorize({
          axiosOverride: this.override({
            url: `${this.baseUrl}/b2api/${version}/b2_authorize_account`,
          }),
        }),
      { idempotent: true, authorizing: true },
    );
  }

  /** One re-authorization shared by every call that found the token stale at the same time. */
  private reauthorize(): Promise<void> {
    this.reauthorizing ??= this.authorize().finally(() => {
      this.reauthorizing = null;
    });
    return this.reauthorizing;
  }

  /**
   * Runs one B2 call under the retry policy: 429 (Retry-After honoured), 408 and 5xx are tried
   * again with capped exponential backoff; a lost answer only for reads; a stale token leads to
   * one re-authorization. 400 and 401 `unauthorized` are never repeated.
   */
  private async call(
    name: string,
    send: () => Promise<B2Response>,
    options: CallOptions,
  ): Promise<unknown> {
    let reauthorized = false;
    /** An earlier attempt failed in a way that may have done the work (lost answer, 5xx). */
    let earlierMayHaveWorked = false;
    for (let attempt = 1; ; attempt += 1) {
      const started = Date.now();
      const generation = this.generation;
      let failure: B2Failure;
      try {
        const response = await send();
        this.onCall?.({ call: name, attempt, outcome: 'ok', durationMs: Date.now() - started });
        return response.data;
      } catch (error) {
        if (error instanceof AppError) throw error;
        failure = describeFailure(error);
      }
      this.onCall?.({
        call: name,
        attempt,
        outcome: failure.kind === 'http' ? String(failure.status) : failure.kind,
        durationMs: Date.now() - started,
      });

      if (earlierMayHaveWorked && options.doneAlready?.(failure)) return null;
      if (!options.authorizing && !reauthorized && isStaleToken(failure)) {
        reauthorized = true;
        // Another call may have re-authorized while this one was under way.
        if (generation === this.generation) await this.reauthorize();
        attempt -= 1;
        continue;
      }
      const mayRepeat = isTransient(failure) && (failure.kind === 'http' || options.idempotent);
      if (!mayRepeat || attempt >= this.policy.maxAttempts) {
        throw toAppError(failure, name, {
          authorizing: options.authorizing ?? false,
          mayHaveTakenEffect: !options.idempotent,
          earlierAttemptMayHaveWorked: earlierMayHaveWorked,
        });
      }
      earlierMayHaveWorked ||= mayHaveTakenEffect(failure);
      const told =
        failure.kind === 'http' ? retryAfterDelay(failure.retryAfter, this.policy) : null;
      await this.policy.sleep(told ?? backoffDelay(this.policy, attempt));
    }
  }

  async listBuckets(filter: { bucketId?: string; bucketName?: string } = {}): Promise<B2Bucket[]> {
    const data = await this.call(
      'b2_list_buckets',
      () => this.client.listBuckets({ axiosOverride: this.override({ data: { ...filter } }) }),
      { idempotent: true },
    );
    return readAnswer(
      z.object({ buckets: z.array(bucketAnswer) }),
      data,
      'b2_list_buckets',
    ).buckets.map(toBucket);
  }

  async createBucket(input: CreateBucketInput): Promise<B2Bucket> {
    const extra: Record<string, unknown> = {
      lifecycleRules: input.lifecycleRules,
      corsRules: input.corsRules,
      fileLockEnabled: input.fileLockEnabled,
    };
    const data = await this.call(
      'b2_create_bucket',
      () =>
        this.client.createBucket({
          bucketName: input.bucketName,
          bucketType: input.bucketType,
          axiosOverride: this.override({ data: extra }),
        }),
      { idempotent: false },
    );
    return toBucket(readAnswer(bucketAnswer, data, 'b2_create_bucket'));
  }

  async updateBucket(input: UpdateBucketInput): Promise<B2Bucket> {
    const data = await this.call(
      'b2_update_bucket',
      () =>
        this.client.updateBucket({
          bucketId: input.bucketId,
          axiosOverride: this.override({
            data: {
              ifRevisionIs: input.ifRevisionIs,
              lifecycleRules: input.lifecycleRules,
              corsRules: input.corsRules,
            },
          }),
        }),
      { idempotent: false },
    );
    return toBucket(readAnswer(bucketAnswer, data, 'b2_update_bucket'));
  }

  async createKey(input: CreateKeyInput): Promise<B2NewKey> {
    const data = await this.call(
      'b2_create_key',
      () => this.client.createKey({ ...input, axiosOverride: this.override() }),
      { idempotent: false },
    );
    const raw = readAnswer(keyAnswer, data, 'b2_create_key');
    if (!raw.applicationKey) {
      throw new AppError(502, 'unexpected_answer', 'Backblaze did not return the new key.', {
        logDetail: 'b2_create_key: no applicationKey in the answer',
      });
    }
    return { ...toKey(raw), applicationKey: raw.applicationKey };
  }

  async listKeys(): Promise<B2Key[]> {
    const keys: B2Key[] = [];
    let start: string | undefined;
    for (let page = 0; page < 100; page += 1) {
      const data = await this.call(
        'b2_list_keys',
        () =>
          this.client.listKeys({
            maxKeyCount: 1000,
            ...(start ? { startApplicationKeyId: start } : {}),
            axiosOverride: this.override(),
          }),
        { idempotent: true },
      );
      const answer = readAnswer(
        z.object({
          keys: z.array(keyAnswer),
          nextApplicationKeyId: z.string().nullable().optional(),
        }),
        data,
        'b2_list_keys',
      );
      keys.push(...answer.keys.map(toKey));
      if (!answer.nextApplicationKeyId) break;
      start = answer.nextApplicationKeyId;
    }
    return keys;
  }

  async deleteKey(applicationKeyId: string): Promise<void> {
    // Deleting one named key again cannot delete anything else, so a lost answer is retried.
    await this.call(
      'b2_delete_key',
      () => this.client.deleteKey({ applicationKeyId, axiosOverride: this.override() }),
      { idempotent: true },
    );
  }

  /**
   * B2's upload rule: after a failed upload (5xx, 408, lost connection, stale upload token) get a
   * new upload URL and try again on it.
   */
  async uploadFile(input: {
    bucketId: string;
    fileName: string;
    data: Buffer;
    contentType: string;
  }): Promise<UploadedFile> {
    let strayCopiesPossible = false;
    for (let attempt = 1; ; attempt += 1) {
      const target = readAnswer(
        uploadUrlAnswer,
        await this.call(
          'b2_get_upload_url',
          () =>
            this.client.getUploadUrl({ bucketId: input.bucketId, axiosOverride: this.override() }),
          { idempotent: true },
        ),
        'b2_get_upload_url',
      );
      const started = Date.now();
      try {
        const response = await this.client.uploadFile({
          uploadUrl: target.uploadUrl,
          uploadAuthToken: target.authorizationToken,
          fileName: input.fileName,
          data: input.data,
          mime: input.contentType,
          axiosOverride: this.override(),
        });
        this.onCall?.({
          call: 'b2_upload_file',
          attempt,
          outcome: 'ok',
          durationMs: Date.now() - started,
        });
        return { ...readAnswer(fileAnswer, response.data, 'b2_upload_file'), strayCopiesPossible };
      } catch (error) {
        if (error instanceof AppError) throw error;
        const failure = describeFailure(error);
        this.onCall?.({
          call: 'b2_upload_file',
          attempt,
          outcome: failure.kind === 'http' ? String(failure.status) : failure.kind,
          durationMs: Date.now() - started,
        });
        const newUrlHelps = isTransient(failure) || isStaleToken(failure);
        if (!newUrlHelps || attempt >= this.policy.maxAttempts) {
          throw toAppError(failure, 'b2_upload_file', {
            earlierAttemptMayHaveWorked: strayCopiesPossible || mayHaveTakenEffect(failure),
          });
        }
        strayCopiesPossible ||= mayHaveTakenEffect(failure);
        const told =
          failure.kind === 'http' ? retryAfterDelay(failure.retryAfter, this.policy) : null;
        await this.policy.sleep(told ?? backoffDelay(this.policy, attempt));
      }
    }
  }

  async deleteFileVersion(input: { fileId: string; fileName: string }): Promise<void> {
    // One version by its id: repeating is safe, and "not present" after a lost answer means done.
    await this.call(
      'b2_delete_file_version',
      () => this.client.deleteFileVersion({ ...input, axiosOverride: this.override() }),
      {
        idempotent: true,
        doneAlready: (f) => f.kind === 'http' && f.status === 400 && f.code === 'file_not_present',
      },
    );
  }

  async listFileVersions(input: {
    bucketId: string;
    prefix: string;
  }): Promise<{ fileId: string; fileName: string }[]> {
    const data = await this.call(
      'b2_list_file_versions',
      () =>
        this.client.listFileVersions({
          bucketId: input.bucketId,
          startFileName: input.prefix,
          maxFileCount: 1000,
          axiosOverride: this.override({ data: { prefix: input.prefix } }),
        }),
      { idempotent: true },
    );
    return readAnswer(z.object({ files: z.array(fileAnswer) }), data, 'b2_list_file_versions')
      .files;
  }
}

export function createB2Gateway(options: B2GatewayOptions = {}): B2Gateway {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const userAgent = options.userAgent ?? 'b2-setup-wizard/0.1.0';
  return {
    async connect({ baseUrl, applicationKeyId, applicationKey }) {
      const connection = new Connection(
        baseUrl.replace(/\/+$/, ''),
        applicationKeyId,
        applicationKey,
        policy,
        timeoutMs,
        userAgent,
        options.onCall,
      );
      await connection.authorize();
      return connection;
    },
    s3({ endpoint, region, applicationKeyId, applicationKey }) {
      return new S3Client({
        endpoint,
        region,
        accessKeyId: applicationKeyId,
        secretAccessKey: applicationKey,
        policy,
        timeoutMs,
        userAgent,
        onCall: options.onCall,
        fetch: options.fetch ?? globalThis.fetch,
      });
    },
  };
}
