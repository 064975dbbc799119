// The parent's handle on bench/lib/api-process.mjs, and a minimal HTTP client for the wizard's API
// (one cookie per session, as one browser).
import { randomBytes } from 'node:crypto';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import type { AccountSummary, SetupRequestInput, SetupResult } from '@b2wiz/shared';
import { bundledChild, startTsChild } from './ts-child';

export interface ApiProcessArgs {
  b2ApiUrl: string;
}

export interface ApiMemory {
  rss: number;
  heapUsed: number;
  /** Highest RSS since the last resetPeak (VmHWM; sampled every 5 ms where /proc cannot reset it). */
  peakRss: number;
  sessions: number;
  /** CPU time (user + system) the API process has used so far. */
  cpuMs: number;
}

export interface Api {
  url: string;
  pid: number;
  memory(): Promise<ApiMemory>;
  gc(): Promise<ApiMemory>;
  resetPeak(): Promise<void>;
  stopSampling(): Promise<ApiMemory>;
  /** Each apply's wall time in the API minus its B2 calls' time, since the last take. */
  takeOwnTimes(): Promise<number[]>;
  close(): Promise<void>;
}

export async function startApi(args: ApiProcessArgs): Promise<Api> {
  const child = await startTsChild<{ url: string; pid: number }>(
    bundledChild('bench/lib/api-process.mjs'),
    {
      args,
      nodeFlags: [
        '--expose-gc',
        // BENCH_API_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API.
        ...(process.env.BENCH_API_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ],
    },
  );
  return {
    url: child.ready.url,
    pid: child.ready.pid,
    memory: () => child.request('memory'),
    gc: () => child.request('gc'),
    resetPeak: () => child.request('resetPeak'),
    stopSampling: () => child.request('stopSampling'),
    takeOwnTimes: () => child.request('takeOwnTimes'),
    close: () => child.close(),
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 500)}`);
  }
}

// node:http with keep-alive rather than fetch: the load generator should cost as little CPU as it
// can, as its time is inside every measured apply.
const agent = new Agent({ keepAlive: true });

function send(
  url: string,
  method: string,
  body: unknown,
  cookie?: string,
): Promise<{ headers: IncomingHttpHeaders; json: unknown }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string | number> = {};
  if (payload) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = payload.length;
  }
  if (cookie) headers.Cookie = cookie;
  return new Promise((resolve, reject) => {
    // A kept-alive socket the server closed while idle fails on reuse before the request reached
    // the server (node's documented race): that request is sent once more on a new socket.
    const sendOnce = (retried: boolean) => {
      const req = request(url, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) return reject(new ApiError(status, text));
          resolve({
            headers: res.headers,
            json: text === '' ? null : (JSON.parse(text) as unknown),
          });
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (req.reusedSocket && !retried && error.code === 'ECONNRESET') sendOnce(true);
        else reject(error);
      });
      req.end(payload);
    };
    sendOnce(false);
  });
}

/** A plain POST of `body` as JSON (the plain server's wave); GET when there is no body. */
export async function sendJson(url: string, body?: unknown): Promise<unknown> {
  return (await send(url, body === undefined ? 'GET' : 'POST', body)).json;
}

export interface ApiSession {
  cookie: string;
  summary: AccountSummary;
}

/** POST /api/session with a key; answers the session cookie. */
export async function connect(
  apiUrl: string,
  key: { applicationKeyId: string; applicationKey: string },
): Promise<ApiSession> {
  const { headers, json } = await send(`${apiUrl}/api/session`, 'POST', key);
  const cookie = headers['set-cookie']?.[0]?.split(';')[0] ?? '';
  if (!cookie.includes('=')) throw new Error('POST /api/session set no cookie');
  return { cookie, summary: json as AccountSummary };
}

/** DELETE /api/session: the session is forgotten. */
export async function forget(apiUrl: string, session: ApiSession): Promise<void> {
  await send(`${apiUrl}/api/session`, 'DELETE', undefined, session.cookie);
}

export async function apply(
  apiUrl: string,
  session: ApiSession,
  request: SetupRequestInput,
): Promise<SetupResult> {
  const { json } = await send(
    `${apiUrl}/api/setup/apply`,
    'POST',
    {
      ...request,
      idempotencyKey: `bench-${randomBytes(8).toString('hex')}`,
    },
    session.cookie,
  );
  return json as SetupResult;
}
