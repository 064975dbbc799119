// The native calls' transport (docs/architecture.md "B2 transport"), through axios as
// backblaze-b2 drives it, against real local HTTP servers: what arrives, what comes back, and
// each way a request can fail, read by the gateway's own failure reader.
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import axios, { type AxiosAdapter } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { describeFailure } from '../src/b2/b2-errors';
import { nativeTransport } from '../src/b2/native-transport';
import { closeRecordingServers, recordingServer } from './recording-server';

afterEach(closeRecordingServers);

const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

// As backblaze-b2 sends: its own axios instance, the call's settings merged in.
const client = axios.create();
const call = (adapter: AxiosAdapter, config: Parameters<typeof client.request>[0]) =>
  client.request({ timeout: 5_000, maxRedirects: 0, adapter, ...config });
const failureOf = async (promise: Promise<unknown>) => {
  const error: unknown = await promise.then(
    () => {
      throw new Error('the call should have failed');
    },
    (e: unknown) => e,
  );
  return describeFailure(error);
};

describe('the native transport', () => {
  const transport = nativeTransport({});

  it('sends the JSON body with its length and the call headers, and answers the parsed JSON', async () => {
    const b2 = await recordingServer((_req, res) =>
      json(res, 200, { bucketId: 'b1', revision: 1 }),
    );
    const response = await call(transport, {
      url: `${b2.url}/b2api/v2/b2_create_bucket`,
      method: 'POST',
      data: { accountId: 'acc', bucketName: 'my-bucket', bucketType: 'allPrivate' },
      headers: { Authorization: 'token-1', 'User-Agent': 'b2-setup-wizard/test' },
    });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ bucketId: 'b1', revision: 1 });
    const [request] = b2.seen;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/b2api/v2/b2_create_bucket');
    expect(request!.headers.authorization).toBe('token-1');
    expect(request!.headers['user-agent']).toBe('b2-setup-wizard/test');
    expect(request!.headers['content-type']).toMatch(/^application\/json/);
    const text = '{"accountId":"acc","bucketName":"my-bucket","bucketType":"allPrivate"}';
    expect(request!.body.toString('utf8')).toBe(text);
    expect(request!.headers['content-length']).toBe(String(Buffer.byteLength(text)));
  });

  it('sends an upload’s bytes exactly, with the length the caller gave', async () => {
    const b2 = await recordingServer((_req, res) => json(res, 200, { fileId: 'f1' }));
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 10, 13]);
    await call(transport, {
      url: `${b2.url}/b2api/v2/b2_upload_file/b1/x`,
      method: 'POST',
      data: bytes,
      headers: { 'Content-Length': bytes.length, 'X-Bz-File-Name': 'marker.txt' },
    });
    expect(b2.seen[0]!.body.equals(bytes)).toBe(true);
    expect(b2.seen[0]!.headers['content-length']).toBe('8');
    expect(b2.seen[0]!.headers['x-bz-file-name']).toBe('marker.txt');
  });

  it('reads a refusal as B2’s status, code, words and Retry-After', async () => {
    const b2 = await recordingServer((_req, res) =>
      json(
        res,
        503,
        { status: 503, code: 'service_unavailable', message: 'busy' },
        { 'Retry-After': '7' },
      ),
    );
    expect(
      await failureOf(call(transport, { url: `${b2.url}/b2api/v2/x`, method: 'POST' })),
    ).toEqual({
      kind: 'http',
      status: 503,
      code: 'service_unavailable',
      b2Message: 'busy',
      retryAfter: '7',
    });
    const refused = await recordingServer((_req, res) =>
      json(res, 400, { status: 400, code: 'duplicate_bucket_name', message: 'taken' }),
    );
    expect(
      await failureOf(call(transport, { url: `${refused.url}/b2api/v2/x`, method: 'POST' })),
    ).toMatchObject({ kind: 'http', status: 400, code: 'duplicate_bucket_name' });
  });

  it('never follows a redirect: a 3xx is a refusal', async () => {
    const b2 = await recordingServer((_req, res) => {
      res.writeHead(302, { Location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    });
    expect(await failureOf(call(transport, { url: `${b2.url}/b2api/v2/x` }))).toMatchObject({
      kind: 'http',
      status: 302,
    });
    expect(b2.seen).toHaveLength(1);
  });

  it('gives up after the timeout with no answer, and says it timed out', async () => {
    const b2 = await recordingServer(() => undefined);
    expect(
      await failureOf(
        call(transport, { url: `${b2.url}/b2api/v2/x`, method: 'POST', timeout: 200 }),
      ),
    ).toEqual({ kind: 'network', timedOut: true, detail: 'ECONNABORTED' });
  });

  it('names the socket’s code when nothing listens or the answer is cut off', async () => {
    const gone = await recordingServer(() => undefined);
    const port = new URL(gone.url).port;
    await gone.close();
    expect(await failureOf(call(transport, { url: `http://127.0.0.1:${port}/x` }))).toEqual({
      kind: 'network',
      timedOut: false,
      detail: 'ECONNREFUSED',
    });
    const cut = await recordingServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"bucketId":');
      setTimeout(() => req.socket.destroy(), 20);
    });
    expect(await failureOf(call(transport, { url: `${cut.url}/x` }))).toMatchObject({
      kind: 'network',
      timedOut: false,
    });
  });

  it('reads a compressed answer and hands back raw bytes when asked for them', async () => {
    const b2 = await recordingServer((req, res) => {
      if (req.url === '/gzip') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        res.end(gzipSync(JSON.stringify({ keys: ['k1'] })));
      } else {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end(Buffer.from([9, 8, 7]));
      }
    });
    expect((await call(transport, { url: `${b2.url}/gzip` })).data).toEqual({ keys: ['k1'] });
    const raw = await call(transport, { url: `${b2.url}/bytes`, responseType: 'arraybuffer' });
    expect(Buffer.from(raw.data as Buffer).equals(Buffer.from([9, 8, 7]))).toBe(true);
  });
});

describe('with a proxy set in the environment', () => {
  const saved = { http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('sends through the proxy, as axios does, rather than straight to B2', async () => {
    const proxy = await recordingServer((_req, res) => json(res, 200, { viaProxy: true }));
    process.env.http_proxy = proxy.url;
    delete process.env.no_proxy;
    const transport = nativeTransport(process.env);
    const response = await call(transport, { url: 'http://b2.invalid/b2api/v2/b2_list_keys' });
    expect(response.data).toEqual({ viaProxy: true });
    // A proxy is asked for the whole address.
    expect(proxy.seen[0]!.url).toBe('http://b2.invalid/b2api/v2/b2_list_keys');
  });
});
