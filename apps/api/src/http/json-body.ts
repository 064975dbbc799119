// The request body reader: JSON, UTF-8, uncompressed, at most `limitBytes`. It keeps what
// express.json answered (413, 415, 400 invalid_json / invalid_encoding / incomplete_request, and
// `{}` for an empty body) in a fraction of its work: csrf.ts has already refused any
// state-changing request that is not application/json, so no content-type machinery is needed.
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';
import { carriesBody } from './body-guard';

/** The media type and charset of Content-Type, lower-cased; charset null when not given. */
function contentType(header: string | undefined): { type: string; charset: string | null } {
  const [type = '', ...params] = (header ?? '').split(';');
  let charset: string | null = null;
  for (const param of params) {
    const [name, value = ''] = param.split('=');
    if (name?.trim().toLowerCase() === 'charset') {
      charset = value
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
    }
  }
  return { type: type.trim().toLowerCase(), charset };
}

const tooLarge = (limitBytes: number) =>
  new AppError(
    413,
    'payload_too_large',
    `The request body is too large (the limit is ${Math.round(limitBytes / 1024)} KB).`,
  );
const incomplete = () =>
  new AppError(400, 'incomplete_request', 'The request body did not arrive whole.');

function invalidJson(error: unknown): AppError {
  // Only the position: JSON.parse's own message can quote the body, which may hold a key.
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  const where = at === undefined ? '' : ` (the problem is near character ${Number(at) + 1})`;
  return new AppError(
    400,
    'invalid_json',
    `The request body is not valid JSON${where}. Check for a missing quote, comma or brace, and send a JSON object.`,
  );
}

/** What the bytes hold; an object or array only, as express.json's strict mode. */
export function parseJsonBody(bytes: Buffer): unknown {
  if (!isUtf8(bytes)) {
    throw new AppError(
      400,
      'invalid_encoding',
      'The request body is not valid UTF-8 text. Send it as UTF-8 JSON.',
    );
  }
  // A byte-order mark is allowed in front, as a UTF-8 decoder drops it.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.length === 0) return {};
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw invalidJson(null);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalidJson(error);
  }
}

/** Refuses what cannot be read before any byte is read: compression, charset, declared size. */
function refusedUpFront(req: IncomingMessage, limitBytes: number): AppError | null {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    return new AppError(
      415,
      'unsupported_media_type',
      'Send the body uncompressed (no Content-Encoding), as UTF-8 JSON.',
    );
  }
  const { charset } = contentType(req.headers['content-type']);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    return new AppError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limitBytes) return tooLarge(limitBytes);
  return null;
}

export function jsonBody(limitBytes: number): RequestHandler {
  return (req, _res, next) => {
    // No body (or an empty one) leaves req.body unset: each route reads that as {}.
    if (!carriesBody(req) || contentType(req.headers['content-type']).type !== 'application/json') {
      return next();
    }
    const declared = req.headers['content-length'];
    const chunks: Buffer[] = [];
    let received = 0;
    let failed: AppError | null = refusedUpFront(req, limitBytes);
    let done = false;
    // After a refusal the rest is read and dropped, so the answer reaches a client still sending.
    const finish = (error: AppError | null) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (error) {
        next(error);
        return;
      }
      const bytes = Buffer.concat(chunks, received);
      if (declared !== undefined && Number(declared) !== received) return next(incomplete());
      try {
        req.body = parseJsonBody(bytes);
      } catch (parseError) {
        return next(parseError);
      }
      next();
    };
    const onData = (chunk: Buffer) => {
      if (failed) return;
      received += chunk.length;
      if (received > limitBytes) failed = tooLarge(limitBytes);
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(failed));
    // A client that goes away mid-body: 'close' without 'end'. Every request closes, so the
    // error (and its stack) is made only when the body was cut short.
    req.once('close', () => {
      if (!done) finish(incomplete());
    });
    req.once('error', () => {
      if (!done) finish(failed ?? incomplete());
    });
  };
}
