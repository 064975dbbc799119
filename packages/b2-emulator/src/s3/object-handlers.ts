/**
 * S3 object calls on the emulator's one file store, so what S3 writes the native API reads and the
 * other way round: Put/Copy/Get/Head/DeleteObject and DeleteObjects. As on B2, buckets are always
 * versioned: a delete without a versionId hides the file (writeFiles), one with a versionId removes
 * that version (deleteFiles).
 */
import { createHash } from 'node:crypto';
import { byteRange } from '../context';
import { newFileId } from '../ids';
import type { ServerSideEncryption } from '../encryption';
import type { Bucket, FileVersion, State } from '../state';
import {
  bucketOf,
  checkContentMd5,
  checkKey,
  etagOf,
  fileInfoFrom,
  header,
  httpDate,
  infoHeaders,
  isoDate,
  md5Hex,
  queryValue,
  requireCapability,
  requireNamePrefix,
  type S3Context,
  type S3Reply,
} from './s3-context';
import {
  S3Error,
  accessDenied,
  invalidArgument,
  malformedXml,
  noSuchKey,
  notImplemented,
} from './s3-errors';
import { elements, text, xmlDocument, type XmlNode } from './xml';

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
const MAX_DELETE_OBJECTS = 1000;

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
  const file: FileVersion = {
    accountId: bucket.accountId,
    bucketId: bucket.bucketId,
    fileId: newFileId(bucket.bucketId, state.cluster, state.now()),
    fileName,
    action: 'upload',
    contentType: meta.contentType,
    contentLength: data.length,
    // B2 large files carry no whole-file SHA1 or MD5.
    contentSha1: meta.s3ETag === undefined ? createHash('sha1').update(data).digest('hex') : null,
    contentMd5: meta.s3ETag === undefined ? md5Hex(data) : null,
    fileInfo: meta.fileInfo,
    uploadTimestamp: state.timestamp(),
    serverSideEncryption: meta.sse,
    data,
  };
  if (meta.s3ETag !== undefined) file.s3ETag = meta.s3ETag;
  state.files.set(file.fileId, file);
  return file;
}

const sseHeaders = (file: FileVersion): Record<string, string> =>
  file.serverSideEncryption?.mode === 'SSE-B2' ? { 'x-amz-server-side-encryption': 'AES256' } : {};

/** Checks writeFiles, the bucket and the name, for every call that creates a version. */
export function writableKey(ctx: S3Context): Bucket {
  requireCapability(ctx, 'writeFiles');
  const bucket = bucketOf(ctx);
  checkKey(ctx.key);
  requireNamePrefix(ctx, ctx.key);
  return bucket;
}

export function putObject(ctx: S3Context): S3Reply {
  const bucket = writableKey(ctx);
  const data = ctx.payload.data;
  checkContentMd5(ctx, data);
  const file = storeFile(ctx.state, bucket, ctx.key, Buffer.from(data), {
    contentType: header(ctx, 'content-type') || DEFAULT_CONTENT_TYPE,
    fileInfo: fileInfoFrom(ctx),
    sse: sseFor(ctx, bucket),
  });
  return { headers: { ETag: etagOf(file), 'x-amz-version-id': file.fileId, ...sseHeaders(file) } };
}

/** The version a read names: `versionId`, else the latest; hidden or missing is NoSuchKey. */
function readableVersion(ctx: S3Context, bucket: Bucket): FileVersion {
  const versionId = queryValue(ctx, 'versionId');
  if (versionId !== undefined && versionId !== 'null') {
    const file = ctx.state.files.get(versionId);
    if (!file || file.bucketId !== bucket.bucketId || file.fileName !== ctx.key) {
      throw new S3Error(404, 'NoSuchVersion', 'The specified version does not exist.', {
        Key: ctx.key,
        VersionId: versionId,
      });
    }
    if (file.action !== 'upload') {
      throw new S3Error(
        405,
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        {},
        { 'x-amz-delete-marker': 'true' },
      );
    }
    return file;
  }
  const file = ctx.state.latestVersion(bucket.bucketId, ctx.key);
  if (!file) throw noSuchKey(ctx.key);
  if (file.action !== 'upload') {
    throw new S3Error(
      404,
      'NoSuchKey',
      'The specified key does not exist.',
      { Key: ctx.key },
      { 'x-amz-delete-marker': 'true', 'x-amz-version-id': file.fileId },
    );
  }
  return file;
}

const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'Content-Type',
  'response-content-language': 'Content-Language',
  'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
};

/** GetObject and HeadObject: readFiles, or nothing on a public bucket; Range as S3 reads it. */
export function getObject(ctx: S3Context): S3Reply {
  if (ctx.caller) requireCapability(ctx, 'readFiles');
  const bucket = bucketOf(ctx, { anonymousRead: true });
  if (ctx.caller) requireNamePrefix(ctx, ctx.key);
  const file = readableVersion(ctx, bucket);
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    ETag: etagOf(file),
    'Last-Modified': httpDate(file.uploadTimestamp),
    'Accept-Ranges': 'bytes',
    'x-amz-version-id': file.fileId,
    ...infoHeaders(file.fileInfo),
    ...sseHeaders(file),
  };
  for (const [param, name] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = queryValue(ctx, param);
    if (value !== undefined) headers[name] = value;
  }
  const size = file.data.length;
  const range = header(ctx, 'range');
  const wanted = byteRange(range, size);
  if (wanted !== null) {
    if (wanted === 'unsatisfiable') {
      throw new S3Error(
        416,
        'InvalidRange',
        'The requested range is not satisfiable',
        { RangeRequested: range ?? '', ActualObjectSize: size },
        { 'Content-Range': `bytes */${size}` },
      );
    }
    const { start, end } = wanted;
    headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    return { status: 206, headers, body: file.data.subarray(start, end + 1) };
  }
  return { headers, body: file.data };
}

/** x-amz-copy-source: "bucket/key[?versionId=…]", percent-encoded, with or without a leading "/". */
function copySource(raw: string): {
  bucketName: string;
  key: string;
  versionId: string | undefined;
} {
  const [path = '', query = ''] = raw.split('?', 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.replace(/^\//, ''));
  } catch {
    throw invalidArgument('x-amz-copy-source is not valid percent-encoded UTF-8');
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1)
    throw invalidArgument('x-amz-copy-source must be <bucket>/<key>');
  const versionId = new URLSearchParams(query).get('versionId') ?? undefined;
  return { bucketName: decoded.slice(0, slash), key: decoded.slice(slash + 1), versionId };
}

/** CopyObject: readFiles on the source, writeFiles on the target, within the key's bucket and prefix. */
export function copyObject(ctx: S3Context): S3Reply {
  const target = writableKey(ctx);
  const source = copySource(header(ctx, 'x-amz-copy-source') ?? '');
  requireCapability(ctx, 'readFiles');
  const sourceCtx: S3Context = {
    ...ctx,
    bucketName: source.bucketName,
    key: source.key,
    query: source.versionId ? [['versionId', source.versionId]] : [],
  };
  const sourceBucket = bucketOf(sourceCtx);
  requireNamePrefix(sourceCtx, source.key);
  const from = readableVersion(sourceCtx, sourceBucket);
  const directive = header(ctx, 'x-amz-metadata-directive') ?? 'COPY';
  if (directive !== 'COPY' && directive !== 'REPLACE')
    throw invalidArgument('x-amz-metadata-directive must be COPY or REPLACE');
  const replace = directive === 'REPLACE';
  const file = storeFile(ctx.state, target, ctx.key, Buffer.from(from.data), {
    contentType: replace ? header(ctx, 'content-type') || DEFAULT_CONTENT_TYPE : from.contentType,
    fileInfo: replace ? fileInfoFrom(ctx) : { ...from.fileInfo },
    sse: sseFor(ctx, target),
  });
  return {
    headers: {
      'x-amz-version-id': file.fileId,
      'x-amz-copy-source-version-id': from.fileId,
      ...sseHeaders(file),
    },
    xml: xmlDocument('CopyObjectResult', {
      LastModified: isoDate(file.uploadTimestamp),
      ETag: etagOf(file),
    }),
  };
}

interface DeleteOutcome {
  versionId?: string;
  deleteMarker?: boolean;
  deleteMarkerVersionId?: string;
}

/** One delete, as DeleteObject and each entry of DeleteObjects do it. */
function deleteOne(
  ctx: S3Context,
  bucket: Bucket,
  key: string,
  versionId: string | undefined,
): DeleteOutcome {
  const { state } = ctx;
  if (versionId !== undefined && versionId !== 'null') {
    requireCapability(ctx, 'deleteFiles');
    requireNamePrefix(ctx, key);
    const file = state.files.get(versionId);
    if (file && file.bucketId === bucket.bucketId && file.fileName === key) {
      state.files.delete(versionId);
      return file.action === 'hide' ? { versionId, deleteMarker: true } : { versionId };
    }
    return { versionId };
  }
  requireCapability(ctx, 'writeFiles');
  requireNamePrefix(ctx, key);
  const latest = state.latestVersion(bucket.bucketId, key);
  if (!latest || latest.action !== 'upload') return {};
  const marker = state.addHideMarker(bucket, key);
  return { deleteMarker: true, deleteMarkerVersionId: marker.fileId };
}

export function deleteObject(ctx: S3Context): S3Reply {
  const bucket = bucketOf(ctx);
  const outcome = deleteOne(ctx, bucket, ctx.key, queryValue(ctx, 'versionId'));
  const headers: Record<string, string> = {};
  if (outcome.deleteMarker) headers['x-amz-delete-marker'] = 'true';
  const version = outcome.versionId ?? outcome.deleteMarkerVersionId;
  if (version !== undefined) headers['x-amz-version-id'] = version;
  return { status: 204, headers };
}

export function deleteObjects(ctx: S3Context): S3Reply {
  const bucket = bucketOf(ctx);
  const body = ctx.payload.data;
  checkContentMd5(ctx, body);
  const xml = body.toString('utf8');
  if (elements(xml, 'Delete').length !== 1) throw malformedXml();
  const quiet = text(xml, 'Quiet') === 'true';
  const objects = elements(xml, 'Object');
  if (objects.length === 0 || objects.length > MAX_DELETE_OBJECTS) throw malformedXml();
  const deleted: XmlNode[] = [];
  const errors: XmlNode[] = [];
  for (const object of objects) {
    const key = text(object, 'Key');
    if (key === undefined || key === '') throw malformedXml();
    const versionId = text(object, 'VersionId');
    try {
      const outcome = deleteOne(ctx, bucket, key, versionId);
      if (!quiet) {
        deleted.push({
          Key: key,
          VersionId: versionId,
          DeleteMarker: outcome.deleteMarker,
          DeleteMarkerVersionId: outcome.deleteMarkerVersionId,
        });
      }
    } catch (error) {
      if (!(error instanceof S3Error)) throw error;
      errors.push({ Key: key, VersionId: versionId, Code: error.code, Message: error.message });
    }
  }
  return { xml: xmlDocument('DeleteResult', { Deleted: deleted, Error: errors }) };
}

export function objectSubresource(ctx: S3Context): S3Reply {
  if (ctx.caller === null) throw accessDenied();
  throw notImplemented(`${ctx.method} with ?${ctx.query.map(([n]) => n).join('&')}`);
}
