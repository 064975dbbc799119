/**
 * The HTTP front: routes B2 calls (v1 to v4), counts and records them, runs them through the fault
 * pipeline (latency and injected faults), and hands /__emulator/ to the admin routes. Every other path is the
 * S3-compatible API (src/s3/). Node adds the `Date` header to every answer.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { sendAdmin } from './admin-routes';
import type { ApiVersion, PathVersion } from './api-version';
import type { CallContext, Handler, Reply } from './context';
import type { EmulatorCore } from './core';
import { B2Error, notFound } from './errors';
import { answerWithFaults } from './fault-pipeline';
import { retryAfterHeaders } from './faults';
import { authorizeAccount } from './handlers/authorize';
import { createBucket, deleteBucket, listBuckets, updateBucket } from './handlers/buckets';
import {
  downloadFileById,
  downloadFileByName,
  getDownloadAuthorization,
} from './handlers/downloads';
import { createKey, deleteKey, listKeys } from './handlers/keys';
import { listFileNames, listFileVersions } from './handlers/listing';
import { getUploadUrl, uploadFile } from './handlers/upload';
import { deleteFileVersion, getFileInfo, hideFile } from './handlers/versions';
import { asB2Error, parseJsonBody, readBody, sendError, sendReply } from './http-io';
import { MAX_UPLOAD_BYTES } from './limits';
import { Params } from './params';
import { jsonBodyOf } from './request-log';
import { isS3Path } from './s3/s3-routes';
import { handleS3 } from './s3/s3-server';

const MAX_JSON_BYTES = 1024 * 1024;

export const HANDLERS: Record<string, Handler> = {
  b2_authorize_account: authorizeAccount,
  b2_create_bucket: createBucket,
  b2_update_bucket: updateBucket,
  b2_list_buckets: listBuckets,
  b2_delete_bucket: deleteBucket,
  b2_create_key: createKey,
  b2_list_keys: listKeys,
  b2_delete_key: deleteKey,
  b2_get_upload_url: getUploadUrl,
  b2_upload_file: uploadFile,
  b2_list_file_names: listFileNames,
  b2_list_file_versions: listFileVersions,
  b2_hide_file: hideFile,
  b2_delete_file_version: deleteFileVersion,
  b2_get_file_info: getFileInfo,
  b2_get_download_authorization: getDownloadAuthorization,
  b2_download_file_by_id: downloadFileById,
  b2_download_file_by_name: downloadFileByName,
};

interface Route {
  call: string;
  version: ApiVersion;
  /** As in the path; null for /file/ downloads. */
  pathVersion: PathVersion | null;
  rest: string;
}

/**
 * `/b2api/v{1,2,3,4}/<call>[/<rest>]` or `/file/<bucket>/<name>`. v1 answers as v2 does: the
 * shapes of the calls emulated here did not change between them, and rclone 1.60 still calls v1.
 */
function route(pathname: string): Route | null {
  if (pathname.startsWith('/file/')) {
    const rest = pathname.slice('/file/'.length);
    return { call: 'b2_download_file_by_name', version: 2, pathVersion: null, rest };
  }
  const m = /^\/b2api\/v([1234])\/(b2_[a-z0-9_]+)(?:\/(.*))?$/.exec(pathname);
  if (!m) return null;
  const pathVersion = Number(m[1]) as PathVersion;
  const version = Math.max(2, pathVersion) as ApiVersion;
  return { call: m[2]!, version, pathVersion, rest: m[3] ?? '' };
}

export function createRequestListener(core: EmulatorCore): RequestListener {
  return (req, res) => {
    handle(core, req, res).catch((error: unknown) => sendError(res, asB2Error(error)));
  };
}

async function handle(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (isS3Path((req.url ?? '/').split('?', 1)[0] ?? '/')) {
    await handleS3(core, req, res);
    return;
  }
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  if (url.pathname.startsWith('/__emulator/')) {
    const body = await readBody(req, MAX_JSON_BYTES);
    sendAdmin(core, req.method ?? 'GET', url.pathname, body, res, req.headers.authorization);
    return;
  }
  const found = route(url.pathname);
  if (!found) {
    await readBody(req, MAX_UPLOAD_BYTES).catch(() => undefined);
    throw notFound(`no such B2 call: ${url.pathname}`);
  }
  const { call, pathVersion } = found;
  core.count(call);
  const method = req.method ?? 'GET';
  const body = await readBody(req, call === 'b2_upload_file' ? MAX_UPLOAD_BYTES : MAX_JSON_BYTES);
  core.requests.record({
    call,
    apiVersion: pathVersion === null ? null : `v${pathVersion}`,
    method,
    path: url.pathname,
    body: jsonBodyOf(call, body),
    at: core.state.now(),
  });
  await answerWithFaults<Reply, B2Error>(core, req, call, {
    failure: (fault, status) =>
      new B2Error(
        status,
        fault.code ?? 'bad_request',
        fault.message ?? '',
        retryAfterHeaders(fault),
      ),
    isFailure: (thrown) => thrown instanceof B2Error,
    run: () => runCall(core, { ...found, method, body, url, req }),
    send: (answer) =>
      answer instanceof B2Error ? sendError(res, answer) : sendReply(req, res, answer),
  });
}

interface Incoming extends Route {
  method: string;
  body: Buffer;
  url: URL;
  req: IncomingMessage;
}

async function runCall(core: EmulatorCore, incoming: Incoming): Promise<Reply> {
  const { call, method, body, url, rest } = incoming;
  const handler = HANDLERS[call];
  if (!handler) {
    throw new B2Error(501, 'not_implemented', `${call} is not implemented by the B2 emulator`);
  }
  const rawBody =
    call === 'b2_upload_file' ||
    call === 'b2_download_file_by_name' ||
    call === 'b2_authorize_account';
  if (!rawBody && rest !== '') throw notFound(`no such B2 call: ${url.pathname}`);
  if (
    !rawBody &&
    method !== 'GET' &&
    method !== 'POST' &&
    !(method === 'HEAD' && call === 'b2_download_file_by_id')
  ) {
    throw new B2Error(405, 'method_not_allowed', 'Only GET and POST are supported');
  }
  const params =
    rawBody || method !== 'POST'
      ? Params.fromQuery(url.searchParams)
      : Params.fromJson(parseJsonBody(body));
  const ctx: CallContext = {
    call,
    version: incoming.version,
    pathVersion: incoming.pathVersion,
    method,
    params,
    headers: incoming.req.headers,
    body,
    url,
    rest,
    state: core.state,
    config: core.config,
  };
  return handler(ctx);
}
