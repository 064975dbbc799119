// The request body reader over real HTTP, with bodies sent byte for byte (node:http, so the
// headers, chunking and early ends are exactly as written here).
import { request, type OutgoingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

interface Answer {
  status: number;
  error: { code: string; message: string; field?: string } | undefined;
}

/** POST /api/session with `chunks` as the body; `headers` replace the JSON defaults. */
function post(chunks: (string | Buffer)[], headers: OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${t.url}/api/session`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const body = JSON.parse(text) as { error?: Answer['error'] };
          resolve({ status: res.statusCode ?? 0, error: body.error });
        });
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const length = (body: string | Buffer) => ({ 'Content-Length': Buffer.byteLength(body) });

/** The connect request's own check: the body was read, and the first missing field is named. */
const READ_AS_EMPTY_OBJECT = { status: 400, code: 'invalid_request', field: 'applicationKeyId' };

describe('request bodies, byte for byte', () => {
  it('when the JSON is whole, then the route reads it (its own check names the missing field)', async () => {
    const body = '{"applicationKey": "K000x"}';
    const answer = await post([body], length(body));
    expect({ status: answer.status, code: answer.error?.code, field: answer.error?.field }).toEqual(
      READ_AS_EMPTY_OBJECT,
    );
  });

  it('when the body is empty, a byte-order mark leads it, or it arrives chunked in pieces, then it is read the same', async () => {
    const empty = await post([], { 'Content-Length': 0 });
    const bom = await post(['\uFEFF{}'], length('\uFEFF{}'));
    const chunked = await post(['{"applica', 'tionKey": "K0', '00x"}'], {
      'Transfer-Encoding': 'chunked',
    });
    for (const answer of [empty, bom, chunked]) {
      expect({
        status: answer.status,
        code: answer.error?.code,
        field: answer.error?.field,
      }).toEqual(READ_AS_EMPTY_OBJECT);
    }
  });

  it('when the top level is not an object or array, then 400 invalid_json', async () => {
    for (const body of ['"a string"', '42', 'null', '   ', 'x{}']) {
      const answer = await post([body], length(body));
      expect([body, answer.status, answer.error?.code]).toEqual([body, 400, 'invalid_json']);
    }
  });

  it('when JSON.parse names a position, then the message gives the character, counted from 1', async () => {
    const body = '{"a": 1} x';
    const answer = await post([body], length(body));
    expect(answer.status).toBe(400);
    expect(answer.error?.message).toBe(
      'The request body is not valid JSON (the problem is near character 10). Check for a missing quote, comma or brace, and send a JSON object.',
    );
  });

  it('when the bytes are not UTF-8, then 400 invalid_encoding', async () => {
    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    const answer = await post([body], length(body));
    expect([answer.status, answer.error?.code, answer.error?.message]).toEqual([
      400,
      'invalid_encoding',
      'The request body is not valid UTF-8 text. Send it as UTF-8 JSON.',
    ]);
  });

  it('when the body is compressed or in another charset, then 415 says how to send it', async () => {
    const gzip = await post(['{}'], { ...length('{}'), 'Content-Encoding': 'gzip' });
    expect([gzip.status, gzip.error?.code, gzip.error?.message]).toEqual([
      415,
      'unsupported_media_type',
      'Send the body uncompressed (no Content-Encoding), as UTF-8 JSON.',
    ]);
    for (const charset of ['utf-16', 'iso-8859-1', '"latin1"']) {
      const answer = await post(['{}'], {
        ...length('{}'),
        'Content-Type': `application/json; charset=${charset}`,
      });
      expect([charset, answer.status, answer.error?.message]).toEqual([
        charset,
        415,
        'Send the body as UTF-8 JSON.',
      ]);
    }
    const utf8 = await post(['{}'], {
      ...length('{}'),
      'Content-Type': 'application/json; charset="UTF-8"',
      'Content-Encoding': 'identity',
    });
    expect(utf8.error?.code).toBe('invalid_request');
  });

  it('when the body is over 64 KB, declared or chunked, then 413, and the server reads on', async () => {
    const big = `{"applicationKeyId": "${'a'.repeat(64 * 1024)}"}`;
    const declared = await post([big], length(big));
    const chunked = await post(
      Array.from({ length: 70 }, () => 'a'.repeat(1024)),
      { 'Transfer-Encoding': 'chunked' },
    );
    for (const answer of [declared, chunked]) {
      expect([answer.status, answer.error?.code, answer.error?.message]).toEqual([
        413,
        'payload_too_large',
        'The request body is too large (the limit is 64 KB).',
      ]);
    }
    const after = await post(['{}'], length('{}'));
    expect(after.error?.code).toBe('invalid_request');
  });

  it('when a client goes away half way through a body, then the server goes on serving others', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${t.url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': 100 },
      });
      req.on('error', () => resolve());
      req.write('{"applicationKeyId": ', () => {
        req.destroy();
        resolve();
      });
    });
    const after = await post(['{}'], length('{}'));
    expect(after.error?.code).toBe('invalid_request');
  });
});
