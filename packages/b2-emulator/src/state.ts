/** The emulator's in-memory world: accounts, keys, tokens, buckets and file versions. */
import { newBucketId, newFileId, newSecret, newToken, type SecretStyle } from './ids';
import { sseB2 } from './encryption';
import type { Account, KeyRecord, TokenRecord } from './key-records';
import { MASTER_CAPABILITIES } from './rules/capabilities';
import { retentionForUpload } from './rules/retention';
import type { Bucket, FileVersion, MultipartUpload, VersionContent } from './storage-records';

export const DEMO_ACCOUNT_ID = 'e2b1d3f4a5c6';
export const DEMO_MASTER_KEY = 'K000demoMasterKeyForThePracticeSandbox';
export const OTHER_ACCOUNT_ID = '0f0e0d0c0b0a';
/** Bucket names owned by a second, pre-seeded account ("taken by another customer"). */
export const OTHER_ACCOUNT_BUCKET_NAMES: readonly string[] = [
  'taken-bucket-name',
  'acme-backups',
  'photos-archive',
];

export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const MAX_BUCKETS_PER_ACCOUNT = 100;
export const HIDE_MARKER_TYPE = 'application/x-bz-hide-marker';

export type { Account, KeyRecord, TokenRecord } from './key-records';
export type { Bucket, FileVersion, MultipartUpload, VersionContent } from './storage-records';

export interface StateOptions {
  accountId: string;
  masterKeyId: string;
  masterKey: string;
  cluster: string;
  secretStyle: SecretStyle;
}

export class State {
  accounts: Account[] = [];
  keys = new Map<string, KeyRecord>();
  tokens = new Map<string, TokenRecord>();
  buckets = new Map<string, Bucket>();
  files = new Map<string, FileVersion>();
  multipartUploads = new Map<string, MultipartUpload>();
  private keyCounter = 0;
  private lastTimestamp = 0;
  private clockOffsetMs = 0;

  constructor(private readonly options: StateOptions) {
    this.reset();
  }

  get cluster(): string {
    return this.options.cluster;
  }

  get secretStyle(): SecretStyle {
    return this.options.secretStyle;
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Moves the emulator's clock forward (token and key expiry, timestamps). */
  advanceTime(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** A strictly increasing millisecond timestamp, so version order is stable. */
  timestamp(): number {
    this.lastTimestamp = Math.max(this.now(), this.lastTimestamp + 1);
    return this.lastTimestamp;
  }

  reset(): void {
    this.accounts = [];
    this.keys.clear();
    this.tokens.clear();
    this.buckets.clear();
    this.files.clear();
    this.multipartUploads.clear();
    this.keyCounter = 0;
    this.clockOffsetMs = 0;
    const { accountId, masterKeyId, masterKey } = this.options;
    this.addAccount(accountId, masterKeyId, masterKey, true);
    // The other customer's master secret is never handed out: its account only owns names.
    this.addAccount(OTHER_ACCOUNT_ID, OTHER_ACCOUNT_ID, newSecret(this.cluster, 'base64'), false);
    for (const name of OTHER_ACCOUNT_BUCKET_NAMES)
      this.addBucket(OTHER_ACCOUNT_ID, name, 'allPrivate');
  }

  addAccount(accountId: string, masterKeyId: string, secret: string, isDemo: boolean): void {
    this.accounts.push({ accountId, isDemo });
    this.keys.set(masterKeyId, {
      accountId,
      applicationKeyId: masterKeyId,
      secret,
      keyName: '',
      capabilities: [...MASTER_CAPABILITIES],
      bucketIds: null,
      namePrefix: null,
      expirationTimestamp: null,
      isMaster: true,
      createdWithApiVersion: null,
    });
  }

  masterKeyOf(accountId: string): KeyRecord | undefined {
    return [...this.keys.values()].find((k) => k.isMaster && k.accountId === accountId);
  }

  /** A key is gone once deleted or expired. */
  liveKey(keyId: string): KeyRecord | undefined {
    const key = this.keys.get(keyId);
    if (!key) return undefined;
    if (key.expirationTimestamp !== null && key.expirationTimestamp <= this.now()) return undefined;
    return key;
  }

  newKeyId(accountId: string): string {
    this.keyCounter += 1;
    return `${this.cluster}${accountId}${String(this.keyCounter).padStart(10, '0')}`;
  }

  issueToken(
    key: KeyRecord,
    kind: TokenRecord['kind'],
    extra: Partial<TokenRecord> = {},
    lifetimeMs = TOKEN_LIFETIME_MS,
  ): TokenRecord {
    const code = kind === 'account' ? 'acct' : kind === 'upload' ? 'upld' : 'down';
    const record: TokenRecord = {
      token: newToken(key.applicationKeyId, code),
      kind,
      accountId: key.accountId,
      keyId: key.applicationKeyId,
      expiresAt: this.now() + lifetimeMs,
      expired: false,
      ...extra,
    };
    this.tokens.set(record.token, record);
    return record;
  }

  /** Expires every token, or one; returns how many were expired. */
  expireTokens(token?: string): number {
    if (token !== undefined) {
      const record = this.tokens.get(token);
      if (!record) return 0;
      record.expired = true;
      return 1;
    }
    for (const record of this.tokens.values()) record.expired = true;
    return this.tokens.size;
  }

  addBucket(accountId: string, bucketName: string, bucketType: string): Bucket {
    const bucket: Bucket = {
      accountId,
      bucketId: newBucketId(),
      bucketName,
      bucketType,
      bucketInfo: {},
      corsRules: [],
      lifecycleRules: [],
      defaultServerSideEncryption: sseB2(),
      fileLockEnabled: false,
      defaultRetention: { mode: null, period: null },
      replicationConfiguration: null,
      revision: 1,
      options: ['s3'],
      creationTimestamp: this.now(),
    };
    this.buckets.set(bucket.bucketId, bucket);
    return bucket;
  }

  bucketByName(name: string): Bucket | undefined {
    const lower = name.toLowerCase();
    return [...this.buckets.values()].find((b) => b.bucketName.toLowerCase() === lower);
  }

  bucketsOf(accountId: string): Bucket[] {
    return [...this.buckets.values()].filter((b) => b.accountId === accountId);
  }

  /** Every version in a bucket, by name ascending then newest first (B2's listing order). */
  versionsIn(bucketId: string): FileVersion[] {
    return [...this.files.values()]
      .filter((f) => f.bucketId === bucketId)
      .sort(
        (a, b) => compareNames(a.fileName, b.fileName) || b.uploadTimestamp - a.uploadTimestamp,
      );
  }

  latestVersion(bucketId: string, fileName: string): FileVersion | undefined {
    let latest: FileVersion | undefined;
    for (const f of this.files.values()) {
      if (
        f.bucketId === bucketId &&
        f.fileName === fileName &&
        (!latest || f.uploadTimestamp > latest.uploadTimestamp)
      ) {
        latest = f;
      }
    }
    return latest;
  }

  /** A new version of a name, on top of its others: an upload (native or S3) or a hide marker. */
  addVersion(bucket: Bucket, fileName: string, content: VersionContent): FileVersion {
    const { s3ETag, ...fields } = content;
    const file: FileVersion = {
      accountId: bucket.accountId,
      bucketId: bucket.bucketId,
      fileId: newFileId(bucket.bucketId, this.cluster, this.now()),
      fileName,
      ...fields,
      contentLength: content.data.length,
      uploadTimestamp: this.timestamp(),
    };
    if (s3ETag !== undefined) file.s3ETag = s3ETag;
    if (content.action === 'upload') {
      const lock = retentionForUpload(bucket.fileLockEnabled, bucket.defaultRetention, this.now());
      if (lock) file.fileRetention = lock;
    }
    this.files.set(file.fileId, file);
    return file;
  }

  /** Hides a name: a new, empty "hide" version on top (b2_hide_file, S3 DeleteObject). */
  addHideMarker(bucket: Bucket, fileName: string): FileVersion {
    return this.addVersion(bucket, fileName, {
      action: 'hide',
      contentType: HIDE_MARKER_TYPE,
      contentSha1: null,
      contentMd5: null,
      fileInfo: {},
      serverSideEncryption: null,
      data: Buffer.alloc(0),
    });
  }
}

/** B2 sorts names by their UTF-8 bytes. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
