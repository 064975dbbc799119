/** Reading request bodies and writing JSON answers, shared by the B2 and admin routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './context';
import { B2Error, badRequest } from './errors';

export function sendJson(
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

export function sendError(res: ServerResponse, error: B2Error): void {
  sendJson(res, error.status, error.toJSON(), error.headers);
}

/** Any thrown value as a B2 error (500 internal_error when it is not one). */
export const asB2Error = (error: unknown): B2Error =>
  error instanceof B2Error
    ? error
    : new B2Error(500, 'internal_error', 'An unexpected error has occurred');

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
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

export function parseJsonBody(body: Buffer): Record<string, unknown> {
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

/** A handler's reply: raw bytes (downloads) or JSON. */
export function sendReply(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (reply.body !== undefined) {
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { 'Content-Length': reply.body.length, ...reply.headers });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
    return;
  }
  sendJson(res, reply.status ?? 200, reply.json ?? {}, reply.headers);
}
