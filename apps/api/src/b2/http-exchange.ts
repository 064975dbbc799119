// One request and its whole answer over node:http(s): what both B2 transports send with
// (native-transport.ts, s3-transport.ts; docs/architecture.md "B2 transport"). No redirect is
// followed and nothing is retried here: callWithRetry is the one retry policy.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface Exchange {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * No answer came: the socket's code, or a timeout. Shaped as fetch's own failures (a
 * TimeoutError, or a TypeError whose cause holds the code), so whoever reads fetch's reads these.
 */
export class NoAnswer extends TypeError {
  override readonly cause: { code: string | undefined };

  constructor(
    readonly timedOut: boolean,
    code: string | undefined,
  ) {
    super(timedOut ? 'The request timed out.' : 'The request got no answer.');
    this.name = timedOut ? 'TimeoutError' : 'TypeError';
    this.cause = { code };
  }
}

export interface ExchangeInit {
  method: string;
  headers: Record<string, string | number>;
  body?: Buffer | Uint8Array | string;
  /** With the socket idle this long, the request is given up (as axios's timeout). */
  timeoutMs?: number;
}

export function exchange(url: string | URL, init: ExchangeInit): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const href = typeof url === 'string' ? url : url.href;
    const send = href.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, {
      method: init.method,
      headers: init.headers,
      ...(init.timeoutMs ? { timeout: init.timeoutMs } : {}),
    });
    let settled = false;
    const fail = (timedOut: boolean, code: string | undefined) => {
      if (settled) return;
      settled = true;
      reject(new NoAnswer(timedOut, code));
    };
    req.on('timeout', () => {
      fail(true, undefined);
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => fail(false, error.code));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error: NodeJS.ErrnoException) => fail(false, error.code));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          body: Buffer.concat(chunks),
        });
      });
    });
    req.end(init.body);
  });
}
