/**
 * The HTTP front: routes B2 calls (v2, v3, v4), counts them, adds latency, applies injected faults,
 * and serves the test-only admin routes under /__emulator/. Every other path is the S3-compatible API
 * (src/s3/). Node adds the `Date` header to every answer.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { CallContext, EmulatorConfig, Handler, Reply } from './context';
import { B2Error, badRequest, notFound } from './errors';
import { Faults } from './faults';
import { authorizeAccount } from './handlers/authorize';
import { createBucket, deleteBucket, listBuckets, updateBucket } from './handlers/buckets';
import {
  MAX_UPLOAD_BYTES,
  deleteFileVersion,
  downloadFileById,
  downloadFileByName,
  getDownloadAuthorization,
  getFileInfo,
  getUploadUrl,
  hideFile,
  listFileNames,
  listFileVersions,
  uploadFile,
} from './handlers/files';
import { createKey, deleteKey, listKeys } from './handlers/keys';
import { Params } from './params';
import { handleS3, isS3Path } from './s3/s3-server';
import { stateDump, type ApiVersion } from './shapes';
import type { State } from './state';

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

/** Everything the routes share; the admin routes and the in-process handles act on it. */
export class EmulatorCore {
  readonly faults = new Faults();
  latencyMs: number;
  private counts = new Map<string, number>();
  /**
   * The wake-up of every latency and stall wait under way. A Set, not an abort listener per wait on
   * one shared AbortSignal: with more than 10 calls waiting, Node warned of a listener leak.
   */
  private readonly waits = new Set<() => void>();
  private closing = false;

  constructor(
    readonly state: State,
    readonly config: EmulatorConfig,
    private readonly initialLatencyMs: number,
  ) {
    this.latencyMs = initialLatencyMs;
  }

  reset(): void {
    this.state.reset();
    this.faults.clear();
    this.latencyMs = this.initialLatencyMs;
    this.counts.clear();
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw badRequest('latency must be a number of milliseconds >= 0');
    this.latencyMs = ms;
  }

  count(call: string): void {
    this.counts.set(call, (this.counts.get(call) ?? 0) + 1);
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCallCounts(): void {
    this.counts.clear();
  }

  /** Ends pending latency and stall waits (and any later one) so close() is quick. */
  shutdown(): void {
    this.closing = true;
    for (const wake of [...this.waits]) wake();
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waits.add(wake);
    });
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'max-age=0, no-cache, no-store',
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: B2Error): void {
  sendJson(res, error.status, error.toJSON(), error.headers);
}

function sendReply(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (reply.body !== undefined) {
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { 'Content-Length': reply.body.length, ...reply.headers });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
    return;
  }
  sendJson(res, reply.status ?? 200, reply.json ?? {}, reply.headers);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () =>
      tooLarge
        ? reject(
            badRequest(`the request body is larger than the emulator accepts (${limit} bytes)`),
          )
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new B2Error(400, 'bad_json', 'the request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new B2Error(400, 'bad_json', 'the request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

interface Route {
  call: string;
  version: ApiVersion;
  rest: string;
}

/**
 * `/b2api/v{1,2,3,4}/<call>[/<rest>]` or `/file/<bucket>/<name>`. v1 answers as v2 does: the
 * shapes of the calls emulated here did not change between them, and rclone 1.60 still calls v1.
 */
function route(pathname: string): Route | null {
  if (pathname.startsWith('/file/')) {
    return { call: 'b2_download_file_by_name', version: 2, rest: pathname.slice('/file/'.length) };
  }
  const m = /^\/b2api\/v([1234])\/(b2_[a-z0-9_]+)(?:\/(.*))?$/.exec(pathname);
  if (!m) return null;
  return { call: m[2]!, version: Math.max(2, Number(m[1])) as ApiVersion, rest: m[3] ?? '' };
}

export function createRequestListener(core: EmulatorCore): RequestListener {
  return (req, res) => {
    handle(core, req, res).catch((error: unknown) => {
      sendError(
        res,
        error instanceof B2Error
          ? error
          : new B2Error(500, 'internal_error', 'An unexpected error has occurred'),
      );
    });
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
    sendAdmin(core, req.method ?? 'GET', url.pathname, body, res);
    return;
  }
  const found = route(url.pathname);
  if (!found) {
    await readBody(req, MAX_UPLOAD_BYTES).catch(() => undefined);
    throw notFound(`no such B2 call: ${url.pathname}`);
  }
  const { call, version, rest } = found;
  core.count(call);
  const method = req.method ?? 'GET';
  const body = await readBody(req, call === 'b2_upload_file' ? MAX_UPLOAD_BYTES : MAX_JSON_BYTES);
  await core.sleep(core.latencyMs);

  const fault = core.faults.take(call);
  if (fault?.drop === 'before') {
    req.socket.destroy();
    return;
  }
  let reply: Reply | B2Error;
  if (fault?.status !== undefined) {
    const headers: Record<string, string> =
      fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
    reply = new B2Error(fault.status, fault.code ?? 'bad_request', fault.message ?? '', headers);
  } else {
    try {
      reply = await runCall(core, { call, version, rest, method, body, url, req });
    } catch (error) {
      if (!(error instanceof B2Error)) throw error;
      reply = error;
    }
  }
  if (fault?.drop === 'after') {
    req.socket.destroy();
    return;
  }
  if (fault?.stallMs !== undefined) await core.sleep(fault.stallMs);
  if (reply instanceof B2Error) sendError(res, reply);
  else sendReply(req, res, reply);
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

function sendAdmin(
  core: EmulatorCore,
  method: string,
  pathname: string,
  body: Buffer,
  res: ServerResponse,
): void {
  try {
    const input = () => parseJsonBody(body);
    const action = `${method} ${pathname.replace(/\/+$/, '')}`;
    switch (action) {
      case 'GET /__emulator/state':
        return sendJson(res, 200, stateDump(core.state));
      case 'POST /__emulator/reset':
        core.reset();
        return sendJson(res, 200, { ok: true });
      case 'GET /__emulator/faults':
        return sendJson(res, 200, { faults: core.faults.list() });
      case 'POST /__emulator/faults': {
        const fault = core.faults.add(input());
        return sendJson(res, 201, { fault, faults: core.faults.list() });
      }
      case 'DELETE /__emulator/faults':
        core.faults.clear();
        return sendJson(res, 200, { faults: [] });
      case 'GET /__emulator/latency':
        return sendJson(res, 200, { ms: core.latencyMs });
      case 'POST /__emulator/latency': {
        const ms = input().ms;
        if (typeof ms !== 'number') throw badRequest('latency: send {"ms": <milliseconds>}');
        core.setLatency(ms);
        return sendJson(res, 200, { ms: core.latencyMs });
      }
      case 'POST /__emulator/expire-tokens': {
        const token = input().token;
        if (token !== undefined && token !== null && typeof token !== 'string')
          throw badRequest('token must be a string');
        const expired = core.state.expireTokens(token ?? undefined);
        if (typeof token === 'string' && expired === 0) throw notFound('no such token');
        return sendJson(res, 200, { expired });
      }
      case 'POST /__emulator/advance-time': {
        const ms = input().ms;
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
          throw badRequest('advance-time: send {"ms": <milliseconds>}');
        core.state.advanceTime(ms);
        return sendJson(res, 200, { now: core.state.now() });
      }
      case 'GET /__emulator/calls':
        return sendJson(res, 200, core.callCounts());
      case 'POST /__emulator/calls/reset':
        core.resetCallCounts();
        return sendJson(res, 200, {});
      default:
        throw notFound(`no such emulator admin route: ${method} ${pathname}`);
    }
  } catch (error) {
    sendError(
      res,
      error instanceof B2Error
        ? error
        : new B2Error(500, 'internal_error', 'An unexpected error has occurred'),
    );
  }
}
