/**
 * File calls as the wizard's key check and rclone's b2 backend use them (B2-FACTS Appendix A):
 * upload, list, hide, delete, info, download authorization and downloads.
 */
import { createHash } from 'node:crypto';
import {
  authenticate,
  requireBucket,
  requireCapability,
  requireNamePrefix,
  type Caller,
} from '../auth';
import { byteRange, header, type CallContext, type Reply } from '../context';
import {
  B2Error,
  badAuthToken,
  badBucketId,
  badRequest,
  expiredAuthToken,
  notFound,
  unauthorized,
} from '../errors';
import { newFileId, randomHex } from '../ids';
import { checkFileName, outOfRange } from '../rules';
import { fileJson, folderJson } from '../shapes';
import { compareNames, type Bucket, type FileVersion } from '../state';
import { ownBucket } from './buckets';

/** The emulator keeps files in memory, so one upload is capped. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const MAX_INFO_HEADERS = 10;

const callerOf = (ctx: CallContext): Caller =>
  authenticate(ctx.state, header(ctx, 'authorization'), 'account');

function decodeName(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest(`${what} is not valid percent-encoded UTF-8`);
  }
}

const encodeName = (name: string): string => name.split('/').map(encodeURIComponent).join('/');

const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

const MIME_BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  xml: 'application/xml',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  mp4: 'video/mp4',
};

function guessContentType(fileName: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (ext && MIME_BY_EXTENSION[ext]) ?? 'application/octet-stream';
}

export function getUploadUrl(ctx: CallContext): Reply {
  const caller = callerOf(ctx);
  requireCapability(caller, 'writeFiles');
  const bucket = ownBucket(ctx, caller, ctx.params.requiredString('bucketId'));
  requireBucket(caller, bucket.bucketId);
  const { token } = ctx.state.issueToken(caller.key, 'upload', { bucketId: bucket.bucketId });
  return {
    json: {
      bucketId: bucket.bucketId,
      uploadUrl: `${ctx.config.url}/b2api/v${ctx.version}/b2_upload_file/${bucket.bucketId}/c${ctx.state.cluster}_v${randomHex(7)}_t${randomHex(4)}`,
      authorizationToken: token,
    },
  };
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

  let data = ctx.body;
  let contentSha1: string;
  if (sha1Header === 'hex_digits_at_end') {
    if (data.length < 40) throw badRequest('hex_digits_at_end: the body is shorter than a SHA1');
    const claimed = data
      .subarray(data.length - 40)
      .toString('latin1')
      .toLowerCase();
    data = data.subarray(0, data.length - 40);
    if (sha1(data) !== claimed) throw badRequest('Sha1 did not match data received');
    contentSha1 = claimed;
  } else if (sha1Header === 'do_not_verify') {
    contentSha1 = `unverified:${sha1(data)}`;
  } else if (/^[0-9a-fA-F]{40}$/.test(sha1Header)) {
    contentSha1 = sha1Header.toLowerCase();
    if (sha1(data) !== contentSha1) throw badRequest('Sha1 did not match data received');
  } else {
    throw badRequest('X-Bz-Content-Sha1 must be 40 hex digits, hex_digits_at_end or do_not_verify');
  }

  const fileInfo: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (!name.startsWith('x-bz-info-') || value === undefined) continue;
    fileInfo[name.slice('x-bz-info-'.length)] = decodeName(
      Array.isArray(value) ? value.join(',') : value,
      name,
    );
  }
  if (Object.keys(fileInfo).length > MAX_INFO_HEADERS) {
    throw badRequest(`at most ${MAX_INFO_HEADERS} X-Bz-Info-* headers are allowed`);
  }
  let sse: FileVersion['serverSideEncryption'] =
    bucket.defaultServerSideEncryption.mode === 'SSE-B2'
      ? { ...bucket.defaultServerSideEncryption }
      : null;
  const sseHeader = header(ctx, 'x-bz-server-side-encryption');
  if (sseHeader !== undefined) {
    if (sseHeader !== 'AES256') throw badRequest('X-Bz-Server-Side-Encryption must be AES256');
    sse = { mode: 'SSE-B2', algorithm: 'AES256' };
  }

  const file: FileVersion = {
    accountId: bucket.accountId,
    bucketId: bucket.bucketId,
    fileId: newFileId(bucket.bucketId, state.cluster, state.now()),
    fileName,
    action: 'upload',
    contentType: contentTypeHeader === 'b2/x-auto' ? guessContentType(fileName) : contentTypeHeader,
    contentLength: data.length,
    contentSha1,
    contentMd5: createHash('md5').update(data).digest('hex'),
    fileInfo,
    uploadTimestamp: state.timestamp(),
    serverSideEncryption: sse,
    data: Buffer.from(data),
  };
  state.files.set(file.fileId, file);
  return { json: fileJson(file, caller) };
}

interface ListEntry {
  name: string;
  file: FileVersion | null;
}

/** Shared by both list calls: prefix, delimiter folders, paging and the key's name prefix. */
function listEntries(ctx: CallContext, versions: boolean): Reply {
  const { params: p, state } = ctx;
  const caller = callerOf(ctx);
  requireCapability(caller, 'listFiles');
  const bucket = ownBucket(ctx, caller, p.requiredString('bucketId'));
  requireBucket(caller, bucket.bucketId);
  const prefix = p.string('prefix') ?? '';
  if (caller.key.namePrefix !== null && !prefix.startsWith(caller.key.namePrefix)) {
    throw unauthorized(
      `application key is restricted to file names starting with ${caller.key.namePrefix}: pass it as prefix`,
    );
  }
  const delimiter = p.string('delimiter');
  const startFileName = p.string('startFileName') ?? '';
  const startFileId = versions ? p.string('startFileId') : undefined;
  let max = p.int('maxFileCount') ?? 100;
  if (max === 0) max = 100;
  if (max < 1 || max > 10000) throw outOfRange('maxFileCount must be from 1 to 10000');

  let files = state.versionsIn(bucket.bucketId).filter((f) => f.fileName.startsWith(prefix));
  if (!versions) {
    const latest = new Map<string, FileVersion>();
    for (const f of files) if (!latest.has(f.fileName)) latest.set(f.fileName, f);
    files = [...latest.values()].filter((f) => f.action === 'upload');
  }
  const entries: ListEntry[] = [];
  for (const f of files) {
    const rest = f.fileName.slice(prefix.length);
    const at = delimiter ? rest.indexOf(delimiter) : -1;
    if (delimiter && at >= 0) {
      const folder = prefix + rest.slice(0, at + delimiter.length);
      if (entries.at(-1)?.name !== folder) entries.push({ name: folder, file: null });
    } else {
      entries.push({ name: f.fileName, file: f });
    }
  }
  let from = entries.findIndex((e) => compareNames(e.name, startFileName) >= 0);
  if (from < 0) from = entries.length;
  if (startFileId !== undefined) {
    const exact = entries.findIndex(
      (e) => e.file?.fileId === startFileId && e.name === startFileName,
    );
    if (exact >= 0) from = exact;
  }
  const page = entries.slice(from, from + max);
  const next = entries[from + max];
  const json: Record<string, unknown> = {
    files: page.map((e) =>
      e.file ? fileJson(e.file, caller) : folderJson(bucket.bucketId, bucket.accountId, e.name),
    ),
    nextFileName: next?.name ?? null,
  };
  if (versions) json.nextFileId = next?.file?.fileId ?? null;
  return { json };
}

export const listFileNames = (ctx: CallContext): Reply => listEntries(ctx, false);
export const listFileVersions = (ctx: CallContext): Reply => listEntries(ctx, true);

export function hideFile(ctx: CallContext): Reply {
  const { params: p, state } = ctx;
  const caller = callerOf(ctx);
  requireCapability(caller, 'writeFiles');
  const bucket = ownBucket(ctx, caller, p.requiredString('bucketId'));
  requireBucket(caller, bucket.bucketId);
  const fileName = p.requiredString('fileName');
  requireNamePrefix(caller, fileName);
  const latest = state.latestVersion(bucket.bucketId, fileName);
  if (!latest) throw new B2Error(400, 'no_such_file', `File not present: ${fileName}`);
  if (latest.action === 'hide')
    throw new B2Error(400, 'already_hidden', `File already hidden: ${fileName}`);
  const marker = state.addHideMarker(bucket, fileName);
  return { json: fileJson(marker, caller) };
}

export function deleteFileVersion(ctx: CallContext): Reply {
  const { params: p, state } = ctx;
  const caller = callerOf(ctx);
  requireCapability(caller, 'deleteFiles');
  const fileName = p.requiredString('fileName');
  const fileId = p.requiredString('fileId');
  if (p.bool('bypassGovernance') === true) requireCapability(caller, 'bypassGovernance');
  const file = state.files.get(fileId);
  if (!file || file.fileName !== fileName || file.accountId !== caller.key.accountId) {
    throw new B2Error(400, 'file_not_present', `File not present: ${fileName} ${fileId}`);
  }
  requireBucket(caller, file.bucketId);
  requireNamePrefix(caller, fileName);
  state.files.delete(fileId);
  return { json: { fileId, fileName } };
}

export function getFileInfo(ctx: CallContext): Reply {
  const caller = callerOf(ctx);
  requireCapability(caller, 'readFiles');
  const fileId = ctx.params.requiredString('fileId');
  const file = ctx.state.files.get(fileId);
  if (!file || file.accountId !== caller.key.accountId)
    throw notFound(`File not present: ${fileId}`);
  requireBucket(caller, file.bucketId);
  requireNamePrefix(caller, file.fileName);
  return { json: fileJson(file, caller) };
}

export function getDownloadAuthorization(ctx: CallContext): Reply {
  const { params: p, state } = ctx;
  const caller = callerOf(ctx);
  requireCapability(caller, 'shareFiles');
  const bucket = ownBucket(ctx, caller, p.requiredString('bucketId'));
  requireBucket(caller, bucket.bucketId);
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

  const size = file.data.length;
  const range = header(ctx, 'range');
  const wanted = byteRange(range, size);
  if (wanted !== null) {
    if (wanted === 'unsatisfiable') {
      throw new B2Error(
        416,
        'range_not_satisfiable',
        `The range ${range} is not satisfiable for ${size} bytes`,
        {
          'Content-Range': `bytes */${size}`,
        },
      );
    }
    const { start, end } = wanted;
    headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    return { status: 206, headers, body: file.data.subarray(start, end + 1) };
  }
  return { status: 200, headers, body: file.data };
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
