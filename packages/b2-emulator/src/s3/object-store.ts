/**
 * Writing S3 objects into the emulator's one file store, so what S3 writes the native API reads:
 * the checks every write makes, the encryption it gets, and the new version itself.
 */
import { createHash } from 'node:crypto';
import type { ServerSideEncryption } from '../encryption';
import { header } from '../headers';
import type { Bucket, FileVersion, State } from '../state';
import { md5Hex } from './object-metadata';
import { bucketOf, checkKey, requireCapability, requireNamePrefix } from './s3-access';
import type { S3Context } from './s3-context';
import { invalidArgument } from './s3-errors';

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** x-amz-server-side-encryption on a write, else the bucket's default. */
export function sseFor(ctx: S3Context, bucket: Bucket): ServerSideEncryption | null {
  const asked = header(ctx, 'x-amz-server-side-encryption');
  if (asked !== undefined) {
    if (asked !== 'AES256')
      throw invalidArgument('B2 supports only x-amz-server-side-encryption: AES256 (SSE-B2)');
    return { mode: 'SSE-B2', algorithm: 'AES256' };
  }
  return bucket.defaultServerSideEncryption.mode === 'SSE-B2'
    ? { ...bucket.defaultServerSideEncryption }
    : null;
}

/** The x-amz-server-side-encryption header an answer carries for an SSE-B2 object or upload. */
export const sseHeaders = (sse: ServerSideEncryption | null): Record<string, string> =>
  sse?.mode === 'SSE-B2' ? { 'x-amz-server-side-encryption': 'AES256' } : {};

/** Stores a new version, as b2_upload_file would. */
export function storeFile(
  state: State,
  bucket: Bucket,
  fileName: string,
  data: Buffer,
  meta: {
    contentType: string;
    fileInfo: Record<string, string>;
    sse: ServerSideEncryption | null;
    s3ETag?: string;
  },
): FileVersion {
  const whole = meta.s3ETag === undefined;
  return state.addVersion(bucket, fileName, {
    action: 'upload',
    contentType: meta.contentType,
    // B2 large files carry no whole-file SHA1 or MD5.
    contentSha1: whole ? createHash('sha1').update(data).digest('hex') : null,
    contentMd5: whole ? md5Hex(data) : null,
    fileInfo: meta.fileInfo,
    serverSideEncryption: meta.sse,
    data,
    s3ETag: meta.s3ETag,
  });
}

/** Checks writeFiles, the bucket and the name, for every call that creates a version. */
export function writableKey(ctx: S3Context): Bucket {
  requireCapability(ctx, 'writeFiles');
  const bucket = bucketOf(ctx);
  checkKey(ctx.key);
  requireNamePrefix(ctx, ctx.key);
  return bucket;
}
