/**
 * S3 object calls on the emulator's one file store, so what S3 writes the native API reads and the
 * other way round: Put/Copy/Get/HeadObject (deletes are in delete-handlers.ts), and the answer to
 * object sub-resources the emulator does not serve.
 */
import { rangedReply } from '../byte-range';
import { header } from '../headers';
import type { Bucket, FileVersion } from '../state';
import { DEFAULT_CONTENT_TYPE, sseFor, sseHeaders, storeFile, writableKey } from './object-store';
import {
  checkContentMd5,
  etagOf,
  fileInfoFrom,
  httpDate,
  infoHeaders,
  isoDate,
} from './object-metadata';
import { bucketOf, requireCapability, requireNamePrefix } from './s3-access';
import { queryValue, type S3Context, type S3Reply } from './s3-context';
import { S3Error, accessDenied, invalidArgument, noSuchKey, notImplemented } from './s3-errors';
import { xmlDocument } from './xml';

export function putObject(ctx: S3Context): S3Reply {
  const bucket = writableKey(ctx);
  const data = ctx.payload.data;
  checkContentMd5(ctx, data);
  const file = storeFile(ctx.state, bucket, ctx.key, Buffer.from(data), {
    contentType: header(ctx, 'content-type') || DEFAULT_CONTENT_TYPE,
    fileInfo: fileInfoFrom(ctx),
    sse: sseFor(ctx, bucket),
  });
  return {
    headers: {
      ETag: etagOf(file),
      'x-amz-version-id': file.fileId,
      ...sseHeaders(file.serverSideEncryption),
    },
  };
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
    ...sseHeaders(file.serverSideEncryption),
  };
  for (const [param, name] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = queryValue(ctx, param);
    if (value !== undefined) headers[name] = value;
  }
  return rangedReply(
    ctx,
    file.data,
    headers,
    (range, size, contentRange) =>
      new S3Error(
        416,
        'InvalidRange',
        'The requested range is not satisfiable',
        { RangeRequested: range, ActualObjectSize: size },
        contentRange,
      ),
  );
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
      ...sseHeaders(file.serverSideEncryption),
    },
    xml: xmlDocument('CopyObjectResult', {
      LastModified: isoDate(file.uploadTimestamp),
      ETag: etagOf(file),
    }),
  };
}

export function objectSubresource(ctx: S3Context): S3Reply {
  if (ctx.caller === null) throw accessDenied();
  throw notImplemented(`${ctx.method} with ?${ctx.query.map(([n]) => n).join('&')}`);
}
