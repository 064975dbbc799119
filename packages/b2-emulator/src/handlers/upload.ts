/** b2_get_upload_url and b2_upload_file: an upload URL with its own token, then one file per POST. */
import { createHash } from 'node:crypto';
import { authenticate, callerAndBucket, requireCapability, requireNamePrefix } from '../auth';
import type { CallContext, Reply } from '../context';
import { fileJson } from '../answers';
import { B2Error, badAuthToken, badBucketId, badRequest } from '../errors';
import { header, headerValue } from '../headers';
import { randomHex } from '../ids';
import { checkFileName } from '../rules/file-name';
import type { FileVersion } from '../state';
import { guessContentType } from './content-types';
import { decodeName } from './name-encoding';

const MAX_INFO_HEADERS = 10;

const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

export function getUploadUrl(ctx: CallContext): Reply {
  const { caller, bucket } = callerAndBucket(ctx, 'writeFiles');
  const { token } = ctx.state.issueToken(caller.key, 'upload', { bucketId: bucket.bucketId });
  return {
    json: {
      bucketId: bucket.bucketId,
      uploadUrl: `${ctx.config.url}/b2api/v${ctx.version}/b2_upload_file/${bucket.bucketId}/c${ctx.state.cluster}_v${randomHex(7)}_t${randomHex(4)}`,
      authorizationToken: token,
    },
  };
}

/** The data and the SHA1 it is stored with, as X-Bz-Content-Sha1 says to check it. */
function checkedContent(body: Buffer, sha1Header: string): { data: Buffer; contentSha1: string } {
  if (sha1Header === 'hex_digits_at_end') {
    if (body.length < 40) throw badRequest('hex_digits_at_end: the body is shorter than a SHA1');
    const claimed = body
      .subarray(body.length - 40)
      .toString('latin1')
      .toLowerCase();
    const data = body.subarray(0, body.length - 40);
    if (sha1(data) !== claimed) throw badRequest('Sha1 did not match data received');
    return { data, contentSha1: claimed };
  }
  if (sha1Header === 'do_not_verify')
    return { data: body, contentSha1: `unverified:${sha1(body)}` };
  if (/^[0-9a-fA-F]{40}$/.test(sha1Header)) {
    const contentSha1 = sha1Header.toLowerCase();
    if (sha1(body) !== contentSha1) throw badRequest('Sha1 did not match data received');
    return { data: body, contentSha1 };
  }
  throw badRequest('X-Bz-Content-Sha1 must be 40 hex digits, hex_digits_at_end or do_not_verify');
}

/** The X-Bz-Info-* headers, as file info. */
function fileInfoOf(ctx: CallContext): Record<string, string> {
  const fileInfo: Record<string, string> = {};
  for (const name of Object.keys(ctx.headers)) {
    const value = headerValue(ctx.headers, name);
    if (!name.startsWith('x-bz-info-') || value === undefined) continue;
    fileInfo[name.slice('x-bz-info-'.length)] = decodeName(value, name);
  }
  if (Object.keys(fileInfo).length > MAX_INFO_HEADERS) {
    throw badRequest(`at most ${MAX_INFO_HEADERS} X-Bz-Info-* headers are allowed`);
  }
  return fileInfo;
}

export function uploadFile(ctx: CallContext): Reply {
  if (ctx.method !== 'POST') throw new B2Error(405, 'method_not_allowed', 'Only POST is supported');
  const { state } = ctx;
  const caller = authenticate(state, header(ctx, 'authorization'), 'upload');
  const bucketId = ctx.rest.split('/')[0] ?? '';
  if (caller.token.bucketId !== bucketId)
    throw badAuthToken('upload authorization token is for another upload URL');
  const bucket = state.buckets.get(bucketId);
  if (!bucket) throw badBucketId(bucketId);
  requireCapability(caller, 'writeFiles');

  const rawName = header(ctx, 'x-bz-file-name');
  if (rawName === undefined) throw badRequest('X-Bz-File-Name header is required');
  const fileName = checkFileName(decodeName(rawName, 'X-Bz-File-Name'));
  requireNamePrefix(caller, fileName);
  const contentTypeHeader = header(ctx, 'content-type');
  if (contentTypeHeader === undefined || contentTypeHeader === '')
    throw badRequest('Content-Type header is required');
  if (header(ctx, 'content-length') === undefined)
    throw badRequest('Content-Length header is required (chunked uploads are not supported)');
  const sha1Header = header(ctx, 'x-bz-content-sha1');
  if (sha1Header === undefined) throw badRequest('X-Bz-Content-Sha1 header is required');
  const { data, contentSha1 } = checkedContent(ctx.body, sha1Header);

  const fileInfo = fileInfoOf(ctx);
  let sse: FileVersion['serverSideEncryption'] =
    bucket.defaultServerSideEncryption.mode === 'SSE-B2'
      ? { ...bucket.defaultServerSideEncryption }
      : null;
  const sseHeader = header(ctx, 'x-bz-server-side-encryption');
  if (sseHeader !== undefined) {
    if (sseHeader !== 'AES256') throw badRequest('X-Bz-Server-Side-Encryption must be AES256');
    sse = { mode: 'SSE-B2', algorithm: 'AES256' };
  }

  const file = state.addVersion(bucket, fileName, {
    action: 'upload',
    contentType: contentTypeHeader === 'b2/x-auto' ? guessContentType(fileName) : contentTypeHeader,
    contentSha1,
    contentMd5: createHash('md5').update(data).digest('hex'),
    fileInfo,
    serverSideEncryption: sse,
    data: Buffer.from(data),
  });
  return { json: fileJson(file, caller) };
}
