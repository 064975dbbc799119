/**
 * Serialises B2's answers: the JSON objects for buckets, keys and file versions, with the fields a
 * caller may not read filtered out as B2 does.
 */
import type { ApiVersion } from './api-version';
import { hasCapability, type Caller } from './auth';
import type { Bucket, FileVersion, KeyRecord } from './state';

/** The bucket object, with the fields a caller may not read filtered as B2 does. */
export function bucketJson(bucket: Bucket, caller: Caller | null): Record<string, unknown> {
  const readSse = hasCapability(caller, 'readBucketEncryption');
  const readLock = hasCapability(caller, 'readBucketRetentions');
  const readReplication = hasCapability(caller, 'readBucketReplications');
  return {
    accountId: bucket.accountId,
    bucketId: bucket.bucketId,
    bucketName: bucket.bucketName,
    bucketType: bucket.bucketType,
    bucketInfo: { ...bucket.bucketInfo },
    corsRules: structuredClone(bucket.corsRules),
    lifecycleRules: structuredClone(bucket.lifecycleRules),
    options: [...bucket.options],
    revision: bucket.revision,
    defaultServerSideEncryption: readSse
      ? { isClientAuthorizedToRead: true, value: { ...bucket.defaultServerSideEncryption } }
      : { isClientAuthorizedToRead: false },
    fileLockConfiguration: readLock
      ? {
          isClientAuthorizedToRead: true,
          value: {
            defaultRetention: structuredClone(bucket.defaultRetention),
            isFileLockEnabled: bucket.fileLockEnabled,
          },
        }
      : { isClientAuthorizedToRead: false, value: null },
    replicationConfiguration: readReplication
      ? { isClientAuthorizedToRead: true, value: structuredClone(bucket.replicationConfiguration) }
      : { isClientAuthorizedToRead: false, value: null },
  };
}

/** The key object (never the secret): v2/v3 carry `bucketId`, v4 `bucketIds`. */
export function keyJson(key: KeyRecord, version: ApiVersion): Record<string, unknown> {
  const base: Record<string, unknown> = {
    accountId: key.accountId,
    applicationKeyId: key.applicationKeyId,
    capabilities: [...key.capabilities],
    expirationTimestamp: key.expirationTimestamp,
    keyName: key.keyName,
    namePrefix: key.namePrefix,
    options: ['s3'],
  };
  if (version >= 4) base.bucketIds = key.bucketIds ? [...key.bucketIds] : null;
  else base.bucketId = key.bucketIds?.[0] ?? null;
  return base;
}

export const isMultiBucketKey = (key: KeyRecord): boolean =>
  key.bucketIds !== null && key.bucketIds.length > 1;

/** The file version object of b2_upload_file, b2_list_file_names, b2_get_file_info, ... */
export function fileJson(file: FileVersion, caller: Caller | null): Record<string, unknown> {
  return {
    accountId: file.accountId,
    action: file.action,
    bucketId: file.bucketId,
    contentLength: file.contentLength,
    contentMd5: file.contentMd5,
    contentSha1: file.contentSha1,
    contentType: file.contentType,
    fileId: file.fileId,
    fileInfo: { ...file.fileInfo },
    fileName: file.fileName,
    fileRetention: hasCapability(caller, 'readFileRetentions')
      ? {
          isClientAuthorizedToRead: true,
          value: file.fileRetention
            ? { ...file.fileRetention }
            : { mode: null, retainUntilTimestamp: null },
        }
      : { isClientAuthorizedToRead: false, value: null },
    legalHold: hasCapability(caller, 'readFileLegalHolds')
      ? { isClientAuthorizedToRead: true, value: null }
      : { isClientAuthorizedToRead: false, value: null },
    replicationStatus: null,
    serverSideEncryption: file.serverSideEncryption
      ? {
          algorithm: file.serverSideEncryption.algorithm ?? null,
          mode: file.serverSideEncryption.mode,
        }
      : { algorithm: null, mode: null },
    uploadTimestamp: file.uploadTimestamp,
  };
}

/** A "folder" entry of a delimited listing. */
export function folderJson(
  bucketId: string,
  accountId: string,
  name: string,
): Record<string, unknown> {
  return {
    accountId,
    action: 'folder',
    bucketId,
    contentLength: 0,
    contentMd5: null,
    contentSha1: null,
    contentType: null,
    fileId: null,
    fileInfo: {},
    fileName: name,
    uploadTimestamp: 0,
  };
}
