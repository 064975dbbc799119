/**
 * Object metadata between S3 and B2: ETags and dates as S3 shows them, the Content-MD5 check, and
 * S3 headers to B2 file info and back.
 */
import { createHash } from 'node:crypto';
import { header, headerValue } from '../headers';
import type { FileVersion } from '../state';
import type { S3Context } from './s3-context';
import { S3Error } from './s3-errors';

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
  for (const name of Object.keys(ctx.headers)) {
    const text = headerValue(ctx.headers, name);
    if (text === undefined) continue;
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
