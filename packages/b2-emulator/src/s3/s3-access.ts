/**
 * The access rules every S3 operation shares: who may touch which bucket and which names, with B2's
 * capabilities (docs/b2-behaviour.md, "Capabilities"), as S3 errors.
 */
import { B2Error } from '../errors';
import type { Capability } from '../rules/capabilities';
import { checkFileName } from '../rules/file-name';
import type { Bucket } from '../state';
import type { S3Context } from './s3-context';
import { S3Error, accessDenied, noSuchBucket } from './s3-errors';
import type { S3Credentials } from './sigv4';

export function requireCaller(ctx: S3Context): S3Credentials {
  if (!ctx.caller)
    throw accessDenied(
      'Anonymous access is allowed only to download files from a public bucket. Sign the request with an application key.',
    );
  return ctx.caller;
}

/** The key must hold one of these capabilities. */
export function requireCapability(ctx: S3Context, ...anyOf: Capability[]): S3Credentials {
  const caller = requireCaller(ctx);
  if (!anyOf.some((c) => caller.key.capabilities.includes(c))) {
    const names =
      anyOf.length === 1
        ? `the ${anyOf[0]} capability`
        : `one of the capabilities ${anyOf.join(', ')}`;
    throw accessDenied(
      `Access Denied: this application key does not have ${names}, which ${ctx.call} needs.`,
    );
  }
  return caller;
}

/**
 * The named bucket, seen by this caller. A bucket-restricted key asking for any other bucket gets
 * AccessDenied whether or not it exists; another account's bucket is AccessDenied too.
 */
export function bucketOf(ctx: S3Context, options: { anonymousRead?: boolean } = {}): Bucket {
  const bucket = ctx.state.bucketByName(ctx.bucketName);
  if (!ctx.caller) {
    if (!bucket) throw noSuchBucket(ctx.bucketName);
    if (options.anonymousRead && bucket.bucketType === 'allPublic') return bucket;
  }
  const { key } = requireCaller(ctx);
  if (key.bucketIds !== null && (!bucket || !key.bucketIds.includes(bucket.bucketId))) {
    throw accessDenied(
      `Access Denied: this application key is restricted to another bucket than ${ctx.bucketName}.`,
    );
  }
  if (!bucket) throw noSuchBucket(ctx.bucketName);
  if (bucket.accountId !== key.accountId)
    throw accessDenied(`Access Denied: the bucket ${ctx.bucketName} belongs to another account.`);
  return bucket;
}

/** A key with a name prefix may only touch names under it. */
export function requireNamePrefix(ctx: S3Context, name: string): void {
  const prefix = ctx.caller?.key.namePrefix ?? null;
  if (prefix !== null && !name.startsWith(prefix)) {
    throw accessDenied(
      `Access Denied: this application key is restricted to file names starting with ${prefix}.`,
    );
  }
}

/** B2's file-name rules, as S3 errors. */
export function checkKey(name: string): string {
  try {
    return checkFileName(name);
  } catch (error) {
    if (!(error instanceof B2Error)) throw error;
    const code = Buffer.byteLength(name, 'utf8') > 1024 ? 'KeyTooLongError' : 'InvalidArgument';
    throw new S3Error(400, code, error.message, { Key: name });
  }
}
