// How the S3 client's signed requests travel: node:http(s), not fetch, which costs about four
// times the CPU per request (WHATWG streams, Headers and Response objects, an abort signal and
// its timer; docs/architecture.md "B2 transport"). Only what the S3 client reads is answered: the
// status, a header and the body as text. A request with no answer rejects as fetch would, so
// the client reads both alike: TimeoutError when the timeout passes with the socket idle (as
// the native calls time out), otherwise an error whose cause holds the socket's code.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface S3Answer {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface S3RequestInit {
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** Never followed: a redirect is an answer like any other (fetch's redirect: 'manual'). */
  redirect: 'manual';
  timeoutMs: number;
}

/** The S3 client's one way out; fetch fits it too (the tests script one). */
export type S3Fetch = (url: string, init: S3RequestInit) => Promise<S3Answer>;

function noAnswer(code: string | undefined): Error {
  return Object.assign(new TypeError('The S3 request got no answer.'), { cause: { code } });
}

function answerOf(res: IncomingMessage, body: string): S3Answer {
  const status = res.statusCode ?? 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: {
      get: (name) => {
        const value = res.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => Promise.resolve(body),
  };
}

export const s3Fetch: S3Fetch = (url, init) =>
  new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const body = init.body;
    const headers: Record<string, string> = { ...init.headers };
    if (body !== undefined) headers['content-length'] = String(body.byteLength);
    const req = send(url, { method: init.method, headers, timeout: init.timeoutMs });
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    req.on('timeout', () => {
      fail(Object.assign(new Error('The S3 request timed out.'), { name: 'TimeoutError' }));
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => fail(noAnswer(error.code)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error: NodeJS.ErrnoException) => fail(noAnswer(error.code)));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        resolve(answerOf(res, Buffer.concat(chunks).toString('utf8')));
      });
    });
    req.end(body);
  });
