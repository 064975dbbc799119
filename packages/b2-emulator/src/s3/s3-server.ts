/**
 * The S3-compatible API on the emulator's own server, path-style at the root: `GET /` lists buckets,
 * `/<bucket>` and `/<bucket>/<key>` do the rest. Every call is counted, delayed and faulted like a
 * native one, under names such as "s3_put_object".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultCode } from '../faults';
import { MAX_UPLOAD_BYTES } from '../handlers/files';
import type { EmulatorCore } from '../core';
import {
  createBucket,
  deleteBucket,
  getBucketLocation,
  getBucketVersioning,
  headBucket,
  listBuckets,
  listObjects,
  listObjectsV2,
} from './bucket-handlers';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
} from './multipart-handlers';
import {
  copyObject,
  deleteObject,
  deleteObjects,
  getObject,
  objectSubresource,
  putObject,
} from './object-handlers';
import { decodePayload } from './payload';
import type { S3Context, S3Handler, S3Reply } from './s3-context';
import { S3Error, S3_FAULT_CODES, newRequestId } from './s3-errors';
import { headerValue, parseQuery, verifyRequest } from './sigv4';

/** aws-chunked framing adds a few dozen bytes per chunk on top of the largest upload. */
const MAX_S3_BODY_BYTES = MAX_UPLOAD_BYTES + 4 * 1024 * 1024;

/** Native routes own these prefixes; none of them can be a B2 bucket name (too short, or "_"). */
export const NATIVE_PREFIXES = ['/b2api/', '/file/', '/__emulator/'];

export const isS3Path = (pathname: string): boolean =>
  !NATIVE_PREFIXES.some((p) => pathname.startsWith(p));

export const S3_HANDLERS: Record<string, S3Handler> = {
  s3_list_buckets: listBuckets,
  s3_head_bucket: headBucket,
  s3_get_bucket_location: getBucketLocation,
  s3_get_bucket_versioning: getBucketVersioning,
  s3_create_bucket: createBucket,
  s3_delete_bucket: deleteBucket,
  s3_list_objects: listObjects,
  s3_list_objects_v2: listObjectsV2,
  s3_list_multipart_uploads: listMultipartUploads,
  s3_delete_objects: deleteObjects,
  s3_put_object: putObject,
  s3_copy_object: copyObject,
  s3_get_object: getObject,
  s3_head_object: getObject,
  s3_delete_object: deleteObject,
  s3_create_multipart_upload: createMultipartUpload,
  s3_upload_part: uploadPart,
  s3_complete_multipart_upload: completeMultipartUpload,
  s3_abort_multipart_upload: abortMultipartUpload,
  s3_list_parts: listParts,
  s3_unsupported: objectSubresource,
};

/** Bucket sub-resources the emulator does not serve (ACLs, CORS, lifecycle, policy, tagging, ...). */
const BUCKET_SUBRESOURCES = [
  'accelerate',
  'acl',
  'analytics',
  'cors',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'lifecycle',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'tagging',
  'versions',
  'website',
];
const OBJECT_SUBRESOURCES = [
  'acl',
  'attributes',
  'legal-hold',
  'restore',
  'retention',
  'select',
  'tagging',
  'torrent',
];

interface S3Route {
  call: string;
  bucketName: string;
  key: string;
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
  }
}

/** Which S3 call a method, path and query make. */
export function s3Route(
  method: string,
  rawPath: string,
  query: [string, string][],
  copySource: boolean,
): S3Route {
  const has = (name: string) => query.some(([n]) => n === name);
  const path = rawPath.replace(/^\/+/, '');
  const slash = path.indexOf('/');
  const bucketName = decodeSegment(slash < 0 ? path : path.slice(0, slash));
  const key = slash < 0 ? '' : decodeSegment(path.slice(slash + 1));
  const at = (call: string): S3Route => ({ call, bucketName, key });
  const notAllowed = () =>
    new S3Error(
      405,
      'MethodNotAllowed',
      `The specified method (${method}) is not allowed against this resource.`,
    );
  if (bucketName === '') {
    if (method === 'GET') return at('s3_list_buckets');
    throw notAllowed();
  }
  if (key === '') {
    const subresource = BUCKET_SUBRESOURCES.some(has);
    switch (method) {
      case 'HEAD':
        return at('s3_head_bucket');
      case 'GET':
        if (has('location')) return at('s3_get_bucket_location');
        if (has('versioning')) return at('s3_get_bucket_versioning');
        if (has('uploads')) return at('s3_list_multipart_uploads');
        if (subresource) return at('s3_unsupported');
        return at(
          query.some(([n, v]) => n === 'list-type' && v === '2')
            ? 's3_list_objects_v2'
            : 's3_list_objects',
        );
      case 'PUT':
        return at(subresource || has('versioning') ? 's3_unsupported' : 's3_create_bucket');
      case 'DELETE':
        return at(subresource ? 's3_unsupported' : 's3_delete_bucket');
      case 'POST':
        if (has('delete')) return at('s3_delete_objects');
        throw notAllowed();
      default:
        throw notAllowed();
    }
  }
  const subresource = OBJECT_SUBRESOURCES.some(has);
  switch (method) {
    case 'GET':
      if (has('uploadId')) return at('s3_list_parts');
      return at(subresource ? 's3_unsupported' : 's3_get_object');
    case 'HEAD':
      return at('s3_head_object');
    case 'PUT':
      if (has('uploadId') || has('partNumber'))
        return at(copySource ? 's3_unsupported' : 's3_upload_part');
      if (subresource) return at('s3_unsupported');
      return at(copySource ? 's3_copy_object' : 's3_put_object');
    case 'POST':
      if (has('uploads')) return at('s3_create_multipart_upload');
      if (has('uploadId')) return at('s3_complete_multipart_upload');
      return at('s3_unsupported');
    case 'DELETE':
      return at(has('uploadId') ? 's3_abort_multipart_upload' : 's3_delete_object');
    default:
      throw notAllowed();
  }
}

function readS3Body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_S3_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_S3_BODY_BYTES
        ? reject(
            new S3Error(
              400,
              'EntityTooLarge',
              `Your proposed upload exceeds the maximum the emulator keeps in memory (${MAX_UPLOAD_BYTES} bytes); use a multipart upload.`,
            ),
          )
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

function send(req: IncomingMessage, res: ServerResponse, requestId: string, reply: S3Reply): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string | number> = {
    'x-amz-request-id': requestId,
    ...reply.headers,
  };
  let body: Buffer;
  if (reply.xml !== undefined) {
    body = Buffer.from(reply.xml, 'utf8');
    headers['Content-Type'] = 'application/xml';
  } else body = reply.body ?? Buffer.alloc(0);
  headers['Content-Length'] = body.length;
  res.writeHead(reply.status ?? 200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  error: S3Error,
  resource: string,
): void {
  send(req, res, requestId, {
    status: error.status,
    headers: error.headers,
    xml: error.toXml(resource, requestId),
  });
}

/** Serves one S3 request; never throws. */
export async function handleS3(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = newRequestId();
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  let resource = rawPath;
  try {
    // The whole body is read first, so an early error still leaves the connection usable.
    const read = await readS3Body(req).then(
      (body) => ({ body, error: undefined }),
      (error: unknown) => ({ body: Buffer.alloc(0), error }),
    );
    const method = req.method ?? 'GET';
    const query = parseQuery(q < 0 ? '' : rawUrl.slice(q + 1));
    const found = s3Route(
      method,
      rawPath,
      query,
      headerValue(req.headers, 'x-amz-copy-source') !== undefined,
    );
    resource = found.key === '' ? `/${found.bucketName}` : `/${found.bucketName}/${found.key}`;
    core.count(found.call, { method, path: rawPath });
    if (read.error !== undefined) throw read.error;
    await core.sleep(core.latencyMs);
    const fault = core.faults.take(found.call);
    if (fault?.drop === 'before') {
      req.socket.destroy();
      return;
    }
    let reply: S3Reply | S3Error;
    if (fault?.status !== undefined) {
      const code =
        fault.code === undefined || fault.code === defaultCode(fault.status)
          ? (S3_FAULT_CODES[fault.status] ?? 'InternalError')
          : fault.code;
      const headers: Record<string, string> =
        fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
      reply = new S3Error(
        fault.status,
        code,
        fault.message ?? `emulated ${fault.status} for ${found.call}`,
        {},
        headers,
      );
    } else {
      try {
        reply = await runS3Call(core, found, method, query, req, read.body);
      } catch (error) {
        if (!(error instanceof S3Error)) throw error;
        reply = error;
      }
    }
    if (fault?.drop === 'after') {
      req.socket.destroy();
      return;
    }
    if (fault?.stallMs !== undefined) await core.sleep(fault.stallMs);
    if (reply instanceof S3Error) sendError(req, res, requestId, reply, resource);
    else send(req, res, requestId, reply);
  } catch (error) {
    const s3Error =
      error instanceof S3Error
        ? error
        : new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
    sendError(req, res, requestId, s3Error, resource);
  }
}

/** Authenticates, decodes the body as its signature says, then runs the call. */
async function runS3Call(
  core: EmulatorCore,
  found: S3Route,
  method: string,
  query: [string, string][],
  req: IncomingMessage,
  body: Buffer,
): Promise<S3Reply> {
  const { state, config } = core;
  const rawPath = (req.url ?? '/').split('?', 1)[0] ?? '/';
  const caller = await verifyRequest(state, config.region, {
    method,
    rawPath,
    query,
    headers: req.headers,
    headersDistinct: req.headersDistinct as Record<string, string[]>,
  });
  const payload = await decodePayload(body, req.headers, caller);
  const ctx: S3Context = {
    call: found.call,
    method,
    bucketName: found.bucketName,
    key: found.key,
    query,
    headers: req.headers,
    payload,
    caller,
    state,
    config,
  };
  const handler = S3_HANDLERS[found.call];
  if (!handler) throw new S3Error(501, 'NotImplemented', `${found.call} is not implemented`);
  return handler(ctx);
}
