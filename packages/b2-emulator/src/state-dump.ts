/** What `GET /__emulator/state` returns: no secrets, no file contents. */
import type { PathVersion } from './api-version';
import type { Bucket, State } from './state';

export interface EmulatorBucketDump {
  accountId: string;
  bucketId: string;
  bucketName: string;
  bucketType: string;
  lifecycleRules: unknown[];
  corsRules: unknown[];
  defaultServerSideEncryption: { mode: string; algorithm?: string };
  fileLockEnabled: boolean;
  revision: number;
  bucketInfo: Record<string, string>;
}

export interface EmulatorKeyDump {
  accountId: string;
  applicationKeyId: string;
  keyName: string;
  capabilities: string[];
  bucketId: string | null;
  bucketIds: string[] | null;
  namePrefix: string | null;
  expirationTimestamp: number | null;
  /** The API version of the b2_create_key that made the key. */
  createdWithApiVersion: PathVersion | null;
}

export interface EmulatorStateDump {
  accounts: { accountId: string; isDemo: boolean }[];
  buckets: EmulatorBucketDump[];
  keys: EmulatorKeyDump[];
  files: {
    bucketId: string;
    bucketName: string;
    fileId: string;
    fileName: string;
    contentLength: number;
    action: string;
    uploadTimestamp: number;
  }[];
}

export function bucketDump(b: Bucket): EmulatorBucketDump {
  return {
    accountId: b.accountId,
    bucketId: b.bucketId,
    bucketName: b.bucketName,
    bucketType: b.bucketType,
    lifecycleRules: structuredClone(b.lifecycleRules),
    corsRules: structuredClone(b.corsRules),
    defaultServerSideEncryption: { ...b.defaultServerSideEncryption },
    fileLockEnabled: b.fileLockEnabled,
    revision: b.revision,
    bucketInfo: { ...b.bucketInfo },
  };
}

export function stateDump(state: State): EmulatorStateDump {
  const now = state.now();
  const buckets = [...state.buckets.values()];
  const nameOf = (id: string): string | null => state.buckets.get(id)?.bucketName ?? null;
  return {
    accounts: state.accounts.map((a) => ({ ...a })),
    buckets: buckets.map(bucketDump),
    keys: [...state.keys.values()]
      .filter((k) => !k.isMaster && (k.expirationTimestamp === null || k.expirationTimestamp > now))
      .map((k) => ({
        accountId: k.accountId,
        applicationKeyId: k.applicationKeyId,
        keyName: k.keyName,
        capabilities: [...k.capabilities],
        bucketId: k.bucketIds?.[0] ?? null,
        bucketIds: k.bucketIds ? [...k.bucketIds] : null,
        namePrefix: k.namePrefix,
        expirationTimestamp: k.expirationTimestamp,
        createdWithApiVersion: k.createdWithApiVersion,
      })),
    files: buckets.flatMap((b) =>
      state.versionsIn(b.bucketId).map((f) => ({
        bucketId: f.bucketId,
        bucketName: nameOf(f.bucketId) ?? '',
        fileId: f.fileId,
        fileName: f.fileName,
        contentLength: f.contentLength,
        action: f.action,
        uploadTimestamp: f.uploadTimestamp,
      })),
    ),
  };
}
