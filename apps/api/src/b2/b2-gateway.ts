// The gateway: b2/ is the only part of the API that talks to B2. Here are the native calls of one
// connection (the key calls in key-calls.ts), each sent through callWithRetry (call-with-retry.ts) wrapped in one
// re-authorization on a stale token (reauthorization.ts). B2's JSON is read in answers.ts and
// authorize-answer.ts; the S3-compatible calls of the key check are in s3-client.ts.
//
// The sign-in itself (token, renewal, backblaze-b2's shared axios instance) is in
// signed-in-client.ts.
import type { BucketRetention } from '@b2wiz/shared';
import type { B2Response } from 'backblaze-b2';
import type { z } from 'zod';
import {
  bucketAnswer,
  bucketListAnswer,
  fileAnswer,
  fileListAnswer,
  toBucket,
  unreadAnswer,
  uploadUrlAnswer,
} from './answers';
import { isStaleToken, type B2Failure } from './b2-errors';
import { callWithRetry, type CallContext } from './call-with-retry';
import { KeyCalls } from './key-calls';
import { ONCE, REPEATABLE, type CallOptions } from './native-call';
import { readAnswer } from './read-answer';
import { withReauthorization } from './reauthorization';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { S3Client } from './s3-client';
import { s3Fetch, type S3Fetch } from './s3-transport';
import { SignedInClient, type ClientSettings } from './signed-in-client';
import type {
  B2Authorization,
  B2Bucket,
  B2Login,
  B2Connection,
  B2Gateway,
  B2Key,
  B2NewKey,
  CreateBucketInput,
  CreateKeyInput,
  UpdateBucketInput,
  UploadedFile,
} from './b2-types';

export { isMasterKeyId } from './authorize-answer';
export type { B2CallEvent } from './call-with-retry';

export interface B2GatewayOptions {
  retry?: Partial<RetryPolicy>;
  /** Per-call timeout. */
  timeoutMs?: number;
  userAgent?: string;
  /** Told about every attempt (for debug logs); never given a token or a body. */
  onCall?: CallContext['onCall'];
  /** For the S3-compatible calls. */
  fetch?: S3Fetch;
}

type Settings = ClientSettings;

/** b2_delete_file_version's "no such version": after a lost answer, that attempt deleted it. */
const fileNotPresent = (f: B2Failure) =>
  f.kind === 'http' && f.status === 400 && f.code === 'file_not_present';
/** b2_delete_bucket's "no such bucket": after a lost answer, that attempt deleted it. */
const bucketNotPresent = (f: B2Failure) =>
  f.kind === 'http' && f.status === 400 && f.code === 'bad_bucket_id';

/** The same settings, with `requestId` on every call event. */
function forRequestId(root: Settings, requestId: string): Settings {
  return root.onCall ? { ...root, requestId } : root;
}

class Connection implements B2Connection {
  private readonly keys: KeyCalls;

  /** `root`: the gateway's own settings, which `settings` may add a request id to. */
  constructor(
    private readonly b2: SignedInClient,
    private readonly root: Settings,
    private readonly settings: Settings = root,
  ) {
    this.keys = new KeyCalls(b2, (name, answer, options, send) =>
      this.call(name, answer, options, send),
    );
  }

  get login(): B2Login {
    return this.b2.login;
  }

  get authorization(): B2Authorization {
    return this.b2.login.authorization;
  }

  forRequest(requestId: string): B2Connection {
    return new Connection(this.b2, this.root, forRequestId(this.root, requestId));
  }

  /**
   * One native call: the retry pipeline, with one re-authorization on a stale token; its answer
   * read with `answer` (null when `doneAlready` said a lost attempt did the work).
   */
  private async call<T>(
    name: string,
    answer: z.ZodType<T>,
    options: CallOptions,
    send: () => Promise<B2Response>,
  ): Promise<T> {
    const call = { name, send, ...options };
    const { value } = await withReauthorization(this.b2.renewal, call, this.settings);
    return readAnswer(answer, value === null ? null : value.data, name);
  }

  async listBuckets(filter: { bucketId?: string; bucketName?: string } = {}): Promise<B2Bucket[]> {
    const data = { ...filter };
    const { buckets } = await this.call('b2_list_buckets', bucketListAnswer, REPEATABLE, () =>
      this.b2.client.listBuckets({ axiosOverride: this.b2.override({ data }) }),
    );
    return buckets.map(toBucket);
  }

  async createBucket(input: CreateBucketInput): Promise<B2Bucket> {
    const extra: Record<string, unknown> = {
      lifecycleRules: input.lifecycleRules,
      corsRules: input.corsRules,
      fileLockEnabled: input.fileLockEnabled,
    };
    const answer = await this.call('b2_create_bucket', bucketAnswer, ONCE, () =>
      this.b2.client.createBucket({
        bucketName: input.bucketName,
        bucketType: input.bucketType,
        axiosOverride: this.b2.override({ data: extra }),
      }),
    );
    return toBucket(answer);
  }

  async updateBucket(input: UpdateBucketInput): Promise<B2Bucket> {
    const data = {
      ifRevisionIs: input.ifRevisionIs,
      lifecycleRules: input.lifecycleRules,
      corsRules: input.corsRules,
    };
    const answer = await this.call('b2_update_bucket', bucketAnswer, ONCE, () =>
      this.b2.client.updateBucket({
        bucketId: input.bucketId,
        axiosOverride: this.b2.override({ data }),
      }),
    );
    return toBucket(answer);
  }

  async setDefaultRetention(input: {
    bucketId: string;
    retention: BucketRetention;
  }): Promise<B2Bucket> {
    // One setting sent whole: a repeat after a lost answer leaves the same setting.
    const data = { defaultRetention: input.retention };
    const answer = await this.call('b2_update_bucket', bucketAnswer, REPEATABLE, () =>
      this.b2.client.updateBucket({
        bucketId: input.bucketId,
        axiosOverride: this.b2.override({ data }),
      }),
    );
    return toBucket(answer);
  }

  async deleteBucket(bucketId: string): Promise<void> {
    // One bucket by its id: repeating is safe, and "no such bucket" after a lost answer means done.
    const options = { idempotent: true, doneAlready: bucketNotPresent };
    await this.call('b2_delete_bucket', unreadAnswer, options, () =>
      this.b2.client.deleteBucket({ bucketId, axiosOverride: this.b2.override() }),
    );
  }

  createKey(input: CreateKeyInput, undoBeforeRepeat?: () => Promise<void>): Promise<B2NewKey> {
    return this.keys.create(input, undoBeforeRepeat);
  }

  listKeys(): Promise<B2Key[]> {
    return this.keys.list();
  }

  deleteKey(applicationKeyId: string): Promise<void> {
    return this.keys.delete(applicationKeyId);
  }

  /**
   * B2's upload rule: after a failed upload (5xx, 408, lost connection, stale upload token) get a
   * new upload URL and try again on it. A try that failed after sending may have left a version
   * of the name behind, which the caller is told about.
   */
  async uploadFile(input: {
    bucketId: string;
    fileName: string;
    data: Buffer;
    contentType: string;
  }): Promise<UploadedFile> {
    const { bucketId } = input;
    const { value, earlierMayHaveWorked } = await callWithRetry(
      {
        name: 'b2_upload_file',
        prepare: () =>
          this.call('b2_get_upload_url', uploadUrlAnswer, REPEATABLE, () =>
            this.b2.client.getUploadUrl({ bucketId, axiosOverride: this.b2.override() }),
          ),
        send: (target) =>
          this.b2.client.uploadFile({
            uploadUrl: target.uploadUrl,
            uploadAuthToken: target.authorizationToken,
            fileName: input.fileName,
            data: input.data,
            mime: input.contentType,
            axiosOverride: this.b2.override(),
          }),
        idempotent: true,
        leavesCopies: true,
        alsoRepeatable: isStaleToken,
      },
      this.settings,
    );
    return {
      ...readAnswer(fileAnswer, value?.data, 'b2_upload_file'),
      strayCopiesPossible: earlierMayHaveWorked,
    };
  }

  async deleteFileVersion(input: { fileId: string; fileName: string }): Promise<void> {
    // One version by its id: repeating is safe, and "not present" after a lost answer means done.
    const options = { idempotent: true, doneAlready: fileNotPresent };
    await this.call('b2_delete_file_version', unreadAnswer, options, () =>
      this.b2.client.deleteFileVersion({ ...input, axiosOverride: this.b2.override() }),
    );
  }

  async listFileVersions(input: {
    bucketId: string;
    prefix: string;
  }): Promise<{ fileId: string; fileName: string }[]> {
    const { bucketId, prefix } = input;
    const page = { bucketId, startFileName: prefix, maxFileCount: 1000 };
    const answer = await this.call('b2_list_file_versions', fileListAnswer, REPEATABLE, () =>
      this.b2.client.listFileVersions({
        ...page,
        axiosOverride: this.b2.override({ data: { prefix } }),
      }),
    );
    return answer.files;
  }
}

export function createB2Gateway(options: B2GatewayOptions = {}): B2Gateway {
  const root: Settings = {
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    onCall: options.onCall,
    timeoutMs: options.timeoutMs ?? 30_000,
    userAgent: options.userAgent ?? 'b2-setup-wizard/0.1.0',
  };
  const gatewayWith = (settings: Settings): B2Gateway => ({
    forRequest: (requestId) => gatewayWith(forRequestId(root, requestId)),
    async connect(signIn) {
      const client = new SignedInClient(signIn, settings);
      await client.authorize();
      return new Connection(client, root, settings);
    },
    resume(login, onRenewed) {
      const client = new SignedInClient(login, settings, onRenewed);
      client.resume(login);
      return new Connection(client, root, settings);
    },
    s3({ endpoint, region, applicationKeyId, applicationKey }) {
      return new S3Client({
        ...settings,
        endpoint,
        region,
        accessKeyId: applicationKeyId,
        secretAccessKey: applicationKey,
        fetch: options.fetch ?? s3Fetch,
      });
    },
  });
  return gatewayWith(root);
}
