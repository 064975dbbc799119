// What the rest of the API knows about B2: plain values, no B2 JSON, no tokens.
import type { BucketRetention, CorsRule, EncryptionSetting, LifecycleRule } from '@b2wiz/shared';

export interface B2Authorization {
  accountId: string;
  applicationKeyId: string;
  isMasterKey: boolean;
  capabilities: string[];
  /** Set when the key is restricted: its (first) bucket. */
  bucketId: string | null;
  bucketName: string | null;
  /**
   * Every bucket the key is restricted to (a v4 key may have several); null when it is not
   * restricted. Absent in sign-ins stored before it was read.
   */
  buckets?: { bucketId: string; bucketName: string | null }[] | null;
  namePrefix: string | null;
  s3ApiUrl: string;
}

export type { EncryptionSetting } from '@b2wiz/shared';

/**
 * One key's sign-in with B2 as plain data: enough to rebuild its connection in any process. It
 * holds the key and the token, so wherever it is kept it is sealed (docs/architecture.md).
 */
export interface B2Login {
  /** B2_API_URL, or the sandbox emulator. */
  baseUrl: string;
  applicationKeyId: string;
  applicationKey: string;
  /** The authorize version that answered; a re-authorization goes straight there. */
  version: 'v2' | 'v4';
  authorizationToken: string;
  apiUrl: string;
  downloadUrl: string;
  authorization: B2Authorization;
}

export interface B2Bucket {
  accountId: string;
  bucketId: string;
  bucketName: string;
  bucketType: string;
  lifecycleRules: LifecycleRule[];
  corsRules: CorsRule[];
  /** null when the key may not read it. */
  defaultServerSideEncryption: EncryptionSetting | null;
  fileLockEnabled: boolean | null;
  /** Object Lock default retention: null when none; left out when the key may not read it. */
  defaultRetention?: BucketRetention | null;
  revision: number;
}

export interface B2Key {
  applicationKeyId: string;
  keyName: string;
  capabilities: string[];
  /** The first of `bucketIds`: what v1-v3 call `bucketId`. */
  bucketId: string | null;
  /** Every bucket the key is limited to (v4 may name several); null when not limited. */
  bucketIds: string[] | null;
  namePrefix: string | null;
  expirationTimestamp: number | null;
}

export interface B2NewKey extends B2Key {
  /** The secret: B2 returns it only here. */
  applicationKey: string;
}

export interface CreateBucketInput {
  bucketName: string;
  bucketType: 'allPrivate' | 'allPublic';
  lifecycleRules: LifecycleRule[];
  corsRules: CorsRule[];
  // No encryption field: B2 encrypts every new bucket (SSE-B2) and refuses "none", so the
  // wizard never sends one (docs/b2-behaviour.md "Encryption").
  fileLockEnabled: boolean;
}

export interface UpdateBucketInput {
  bucketId: string;
  ifRevisionIs: number;
  lifecycleRules: LifecycleRule[];
  corsRules: CorsRule[];
}

export interface CreateKeyInput {
  keyName: string;
  capabilities: string[];
  /** One bucket: made on v2, which tools on every API version accept. */
  bucketId?: string;
  /** Several buckets (docs/b2-behaviour.md "Keys for several buckets"): made on v4 instead. */
  bucketIds?: string[];
  namePrefix?: string;
  validDurationInSeconds?: number;
}

export interface UploadedFile {
  fileId: string;
  fileName: string;
  /**
   * An earlier attempt failed after sending (lost answer, 5xx): B2 may hold another version of
   * this name that nobody knows the id of.
   */
  strayCopiesPossible: boolean;
}

/** One authorized key: a session's connection to B2, or the new key while it is checked. */
export interface B2Connection {
  readonly authorization: B2Authorization;
  /** The sign-in as it stands now (a re-authorization replaces the token). */
  readonly login: B2Login;
  /** The same sign-in, with `requestId` on the events of the calls made through it. */
  forRequest(requestId: string): B2Connection;
  listBuckets(filter?: { bucketId?: string; bucketName?: string }): Promise<B2Bucket[]>;
  createBucket(input: CreateBucketInput): Promise<B2Bucket>;
  updateBucket(input: UpdateBucketInput): Promise<B2Bucket>;
  /** b2_update_bucket with only defaultRetention (needs writeBucketRetentions). */
  setDefaultRetention(input: { bucketId: string; retention: BucketRetention }): Promise<B2Bucket>;
  /** B2 refuses a bucket that holds any file version. */
  deleteBucket(bucketId: string): Promise<void>;
  /**
   * A 5xx may come after B2 made the key: then the call is repeated only after
   * `undoBeforeRepeat` (which removes such a key); without it, the 5xx is the caller's error.
   */
  createKey(input: CreateKeyInput, undoBeforeRepeat?: () => Promise<void>): Promise<B2NewKey>;
  listKeys(): Promise<B2Key[]>;
  deleteKey(applicationKeyId: string): Promise<void>;
  uploadFile(input: {
    bucketId: string;
    fileName: string;
    data: Buffer;
    contentType: string;
  }): Promise<UploadedFile>;
  deleteFileVersion(input: { fileId: string; fileName: string }): Promise<void>;
  /** Every version of the files whose names start with `prefix`. */
  listFileVersions(input: {
    bucketId: string;
    prefix: string;
  }): Promise<{ fileId: string; fileName: string }[]>;
}

/** The S3-compatible API with one key (a new key's check; never the master key, which S3 refuses). */
export interface S3Connection {
  headBucket(bucket: string): Promise<void>;
  /** versionId is B2's fileId of the new version. */
  putObject(input: {
    bucket: string;
    key: string;
    body: Buffer;
    contentType: string;
  }): Promise<{ versionId: string | null; strayCopiesPossible: boolean }>;
  deleteObjectVersion(input: { bucket: string; key: string; versionId: string }): Promise<void>;
}

export interface B2Gateway {
  /** The same gateway, with `requestId` on the events of every call made through it. */
  forRequest(requestId: string): B2Gateway;
  /** b2_authorize_account against `baseUrl` (B2_API_URL, or the sandbox emulator). */
  connect(input: {
    baseUrl: string;
    applicationKeyId: string;
    applicationKey: string;
  }): Promise<B2Connection>;
  /**
   * The connection of an earlier sign-in, rebuilt without a call to B2. `onRenewed` hears of every
   * re-authorization, so the new token can be kept for the next request.
   */
  resume(login: B2Login, onRenewed?: (login: B2Login) => void): B2Connection;
  /** The S3-compatible endpoint (s3ApiUrl) and its signing region. */
  s3(input: {
    endpoint: string;
    region: string;
    applicationKeyId: string;
    applicationKey: string;
  }): S3Connection;
}
