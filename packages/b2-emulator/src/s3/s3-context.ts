/**
 * What an S3 operation receives, and the access rules every operation shares: who may touch which
 * bucket and which names, with B2's capabilities (B2-FACTS §7, §9).
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorConfig } from '../context';
import { B2Error } from '../errors';
import type { Capability } from '../rules';
import { checkFileName } from '../rules';
import type { Bucket, FileVersion, State } from '../state';
import type { Payload } from './payload';
import { S3Error, accessDenied, noSuchBucket } from './s3-errors';
import { headerValue, type S3Credentials } from './sigv4';

export interface S3Context {
  call: string;
  method: string;
  bucketName: string;
  /** The object key, decoded; '' for bucket-level calls. */
  key: string;
  query: [string, string][];
  headers: IncomingHttpHeaders;
  payload: Payload;
  /** null for an anonymous request. */
  caller: S3Credentials | null;
  state: State;
  config: EmulatorConfig;
}

export interface S3Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An XML document (Content-Type application/xml). */
  xml?: string;
  /** Raw bytes (object downloads); HEAD sends the headers only. */
  body?: Buffer;
}

export type S3Handler = (ctx: S3Context) => S3Reply | Promise<S3Reply>;

export const queryValue = (ctx: S3Context, name: string): string | undefined =>
  ctx.query.find(([n]) => n === name)?.[1];
export const header = (ctx: S3Context, name: string): string | undefined =>
  headerValue(ctx.headers, name);

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

export const md5Hex = (data: Buffer): string => createHash('md5').update(data).digest('hex');

/** The ETag S3 shows for a version, quotes included. */
export const etagOf = (file: FileVersion): string =>
  `"${file.s3ETag ?? file.contentMd5 ?? md5Hex(file.data)}"`;

export const isoDate = (ms: number): string => new Date(ms).toISOString();
export const httpDate = (ms: number): string => new Date(ms).toUTCString();

/** Checks a Content-MD5 header against the data, when the client sent one. */
export function checkContentMd5(ctx: S3Context, data: Buffer): void {
  const given = header(ctx, 'content-md5');
  if (given === undefined) return;
  const digest = Buffer.from(given, 'base64');
  if (digest.length !== 16 || digest.toString('base64') !== given.trim()) {
    throw new S3Error(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.');
  }
  if (digest.toString('hex') !== md5Hex(data)) {
    throw new S3Error(
      400,
      'BadDigest',
      'The Content-MD5 you specified did not match what we received.',
    );
  }
}

/** S3's standard headers that B2 keeps as `b2-*` file info. */
export const INFO_HEADERS: Record<string, string> = {
  'content-disposition': 'b2-content-disposition',
  'content-language': 'b2-content-language',
  expires: 'b2-expires',
  'cache-control': 'b2-cache-control',
  'content-encoding': 'b2-content-encoding',
};

/** x-amz-meta-* and the standard headers above, as B2 file info. */
export function fileInfoFrom(ctx: S3Context): Record<string, string> {
  const info: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    if (name.startsWith('x-amz-meta-')) info[name.slice('x-amz-meta-'.length)] = text;
    else if (name !== 'content-encoding' && INFO_HEADERS[name]) info[INFO_HEADERS[name]] = text;
  }
  if (ctx.payload.contentEncoding !== undefined)
    info['b2-content-encoding'] = ctx.payload.contentEncoding;
  return info;
}

/** A header value Node will send: non-printable or non-ASCII text is percent-encoded. */
const headerSafe = (value: string): string =>
  /^[\x20-\x7e]*$/.test(value) ? value : encodeURIComponent(value);

/** File info back as S3 headers. */
export function infoHeaders(info: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const standard = Object.fromEntries(Object.entries(INFO_HEADERS).map(([h, i]) => [i, h]));
  for (const [name, value] of Object.entries(info)) {
    const mapped = standard[name];
    out[mapped ?? `x-amz-meta-${name}`] = headerSafe(value);
  }
  return out;
}
