// How the S3 client's signed requests travel: node:http(s) (http-exchange.ts), not fetch, which
// costs about four times the CPU per request (WHATWG streams, Headers and Response objects, an
// abort signal and its timer; docs/architecture.md "B2 transport"). Only what the S3 client reads
// is answered: the status, a header and the body as text. A request with no answer rejects as
// fetch would (NoAnswer), so the client reads both alike; the timeout is the socket's idle time,
// as for the native calls.
import { exchange, type Exchange } from './http-exchange';

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

function answerOf({ status, headers, body }: Exchange): S3Answer {
  const text = body.toString('utf8');
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => Promise.resolve(text),
  };
}

export const s3Fetch: S3Fetch = async (url, init) => {
  const headers: Record<string, string | number> = { ...init.headers };
  if (init.body !== undefined) headers['content-length'] = init.body.byteLength;
  return answerOf(
    await exchange(url, {
      method: init.method,
      headers,
      ...(init.body !== undefined && { body: init.body }),
      timeoutMs: init.timeoutMs,
    }),
  );
};
