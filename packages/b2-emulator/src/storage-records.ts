/** Buckets, the file versions in them, and S3 multipart uploads not finished yet. */
import type { ServerSideEncryption } from './encryption';
import type { CorsRule } from './rules/cors-rules';
import type { LifecycleRule } from './rules/lifecycle-rules';
import type { DefaultRetention, FileRetention } from './rules/retention';

export interface Bucket {
  accountId: string;
  bucketId: string;
  bucketName: string;
  bucketType: string;
  bucketInfo: Record<string, string>;
  corsRules: CorsRule[];
  lifecycleRules: LifecycleRule[];
  defaultServerSideEncryption: ServerSideEncryption;
  fileLockEnabled: boolean;
  defaultRetention: DefaultRetention;
  replicationConfiguration: Record<string, unknown> | null;
  revision: number;
  options: string[];
  /** When the bucket was made (S3 ListBuckets' CreationDate). */
  creationTimestamp: number;
}

export interface FileVersion {
  accountId: string;
  bucketId: string;
  fileId: string;
  fileName: string;
  action: 'upload' | 'hide';
  contentType: string;
  contentLength: number;
  contentSha1: string | null;
  contentMd5: string | null;
  fileInfo: Record<string, string>;
  uploadTimestamp: number;
  serverSideEncryption: ServerSideEncryption | null;
  data: Buffer;
  /** The S3 ETag (without quotes) of a file finished by an S3 multipart upload: md5-of-md5s-N. */
  s3ETag?: string;
  /** Object Lock retention, from the bucket's default when it was uploaded. */
  fileRetention?: FileRetention;
}

/** What a new version is made of; the state adds its ids, size and timestamp. */
export type VersionContent = Omit<
  FileVersion,
  | 'accountId'
  | 'bucketId'
  | 'fileId'
  | 'fileName'
  | 'contentLength'
  | 'uploadTimestamp'
  | 'fileRetention'
>;

/** An S3 multipart upload that has not been completed or aborted yet (B2's unfinished large file). */
export interface MultipartUpload {
  uploadId: string;
  accountId: string;
  bucketId: string;
  fileName: string;
  contentType: string;
  fileInfo: Record<string, string>;
  serverSideEncryption: ServerSideEncryption | null;
  initiated: number;
  /** By part number. */
  parts: Map<number, { data: Buffer; md5: string; lastModified: number }>;
}
