/**
 * Downloads: b2_get_download_authorization, then b2_download_file_by_name (/file/<bucket>/<name>)
 * and b2_download_file_by_id; Range requests get the reply S3 GetObject gets (byte-range.ts).
 */
import {
  authenticate,
  callerAndBucket,
  requireBucket,
  requireCapability,
  requireNamePrefix,
} from '../auth';
import { rangedReply } from '../byte-range';
import type { CallContext, Reply } from '../context';
import {
  B2Error,
  badAuthToken,
  badRequest,
  expiredAuthToken,
  notFound,
  unauthorized,
} from '../errors';
import { header } from '../headers';
import type { Bucket, FileVersion } from '../state';
import { decodeName, encodeName } from './name-encoding';

export function getDownloadAuthorization(ctx: CallContext): Reply {
  const { params: p, state } = ctx;
  const { caller, bucket } = callerAndBucket(ctx, 'shareFiles');
  const fileNamePrefix = p.requiredString('fileNamePrefix');
  requireNamePrefix(caller, fileNamePrefix);
  const seconds = p.int('validDurationInSeconds');
  if (seconds === undefined || seconds < 1 || seconds > 604800) {
    throw badRequest('validDurationInSeconds must be from 1 to 604800 (one week)');
  }
  const { token } = state.issueToken(
    caller.key,
    'download',
    { bucketId: bucket.bucketId, fileNamePrefix },
    seconds * 1000,
  );
  return { json: { bucketId: bucket.bucketId, fileNamePrefix, authorizationToken: token } };
}

/** Private buckets need a token with readFiles (or a download authorization, by name only). */
function checkDownloadAccess(
  ctx: CallContext,
  bucket: Bucket,
  fileName: string,
  byName: boolean,
): void {
  const raw =
    header(ctx, 'authorization') ?? ctx.url.searchParams.get('Authorization') ?? undefined;
  if (raw === undefined || raw === '') {
    if (bucket.bucketType === 'allPublic') return;
    throw unauthorized('this bucket is private: an authorization token is required');
  }
  const record = ctx.state.tokens.get(raw.trim());
  if (record?.kind === 'download') {
    if (!byName) throw unauthorized('download authorizations only work with downloads by name');
    if (record.expired || record.expiresAt <= ctx.state.now()) throw expiredAuthToken();
    if (!ctx.state.liveKey(record.keyId)) throw badAuthToken();
    if (record.bucketId !== bucket.bucketId || !fileName.startsWith(record.fileNamePrefix ?? '')) {
      throw unauthorized('the download authorization does not cover this file');
    }
    return;
  }
  const caller = authenticate(ctx.state, raw, 'account');
  if (bucket.bucketType === 'allPublic') return;
  requireCapability(caller, 'readFiles');
  if (caller.key.accountId !== bucket.accountId)
    throw unauthorized('the token is for another account');
  requireBucket(caller, bucket.bucketId);
  requireNamePrefix(caller, fileName);
}

const INFO_TO_HEADER: Record<string, string> = {
  'b2-content-disposition': 'Content-Disposition',
  'b2-content-language': 'Content-Language',
  'b2-expires': 'Expires',
  'b2-cache-control': 'Cache-Control',
  'b2-content-encoding': 'Content-Encoding',
};

function serveFile(ctx: CallContext, file: FileVersion, bucket: Bucket): Reply {
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Accept-Ranges': 'bytes',
    'X-Bz-File-Id': file.fileId,
    'X-Bz-File-Name': encodeName(file.fileName),
    'X-Bz-Content-Sha1': file.contentSha1 ?? 'none',
    'X-Bz-Upload-Timestamp': String(file.uploadTimestamp),
  };
  const cacheControl = bucket.bucketInfo['Cache-Control'];
  if (cacheControl !== undefined) headers['Cache-Control'] = cacheControl;
  for (const [name, value] of Object.entries(file.fileInfo)) {
    const mapped = INFO_TO_HEADER[name];
    if (mapped) headers[mapped] = value;
    else headers[`X-Bz-Info-${name}`] = encodeURIComponent(value);
  }
  if (file.serverSideEncryption?.mode === 'SSE-B2')
    headers['X-Bz-Server-Side-Encryption'] = 'AES256';

  return rangedReply(
    ctx,
    file.data,
    headers,
    (range, size, contentRange) =>
      new B2Error(
        416,
        'range_not_satisfiable',
        `The range ${range} is not satisfiable for ${size} bytes`,
        contentRange,
      ),
  );
}

export function downloadFileByName(ctx: CallContext): Reply {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD')
    throw new B2Error(405, 'method_not_allowed', 'Only GET and HEAD are supported');
  const slash = ctx.rest.indexOf('/');
  if (slash < 0) throw notFound('the download URL is /file/<bucketName>/<fileName>');
  const bucketName = decodeName(ctx.rest.slice(0, slash), 'bucket name');
  const fileName = decodeName(ctx.rest.slice(slash + 1), 'file name');
  const bucket = ctx.state.bucketByName(bucketName);
  if (!bucket) throw notFound(`Bucket ${bucketName} does not exist`);
  checkDownloadAccess(ctx, bucket, fileName, true);
  const file = ctx.state.latestVersion(bucket.bucketId, fileName);
  if (!file || file.action !== 'upload')
    throw notFound(`File with such name does not exist: ${fileName}`);
  return serveFile(ctx, file, bucket);
}

export function downloadFileById(ctx: CallContext): Reply {
  const fileId = ctx.params.requiredString('fileId');
  const file = ctx.state.files.get(fileId);
  const bucket = file ? ctx.state.buckets.get(file.bucketId) : undefined;
  if (!file || !bucket || file.action !== 'upload') throw notFound(`File not present: ${fileId}`);
  checkDownloadAccess(ctx, bucket, file.fileName, false);
  return serveFile(ctx, file, bucket);
}
