/**
 * The S3-compatible API on the emulator's own server (routes in s3-routes.ts). Every call is counted,
 * and delayed and faulted by the same fault pipeline as a native one, under names such as
 * "s3_put_object".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorCore } from '../core';
import { answerWithFaults } from '../fault-pipeline';
import { headerValue } from '../headers';
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
import { deleteObject, deleteObjects } from './delete-handlers';
import { copyObject, getObject, objectSubresource, putObject } from './object-handlers';
import { refusedChecksumHeader } from './checksum-headers';
import { decodePayload } from './payload';
import type { S3Context, S3Handler, S3Reply } from './s3-context';
import { S3Error, newRequestId, s3FaultError } from './s3-errors';
import { readS3Body, sendS3, sendS3Error } from './s3-io';
import { s3Route, type S3Route } from './s3-routes';
import { verifyRequest } from './sigv4';
import { parseQuery } from './uri-encoding';

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
    await answerWithFaults<S3Reply, S3Error>(core, req, found.call, {
      failure: (fault, status) => s3FaultError(fault, status, found.call),
      isFailure: (thrown) => thrown instanceof S3Error,
      run: () => runS3Call(core, found, method, query, req, read.body),
      send: (answer) =>
        answer instanceof S3Error
          ? sendS3Error(req, res, requestId, answer, resource)
          : sendS3(req, res, requestId, answer),
    });
  } catch (error) {
    const s3Error =
      error instanceof S3Error
        ? error
        : new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
    sendS3Error(req, res, requestId, s3Error, resource);
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
  const refused = config.rejectChecksumHeaders ? refusedChecksumHeader(req.headers) : null;
  if (refused) throw refused;
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
