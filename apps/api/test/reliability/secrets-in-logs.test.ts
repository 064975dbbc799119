// Secrets: whole setups at the most verbose log level, with faults on the way (retries, a stale
// token, a lost answer, a refused key), and then a search of everything that left the API for the
// master key, every B2 token and every new key's secret. A recording proxy stands between the API
// and B2, so the gateway's own requests are searched too, and the tokens B2 handed out are known.
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  idempotencyKey,
  setupRequest,
  startApp,
  startEmulator,
  uniqueName,
  type TestApp,
} from '../helpers';

interface Exchange {
  method: string;
  url: string;
  requestHeaders: IncomingHttpHeaders;
  requestBody: string;
  status: number;
  responseHeaders: IncomingHttpHeaders;
  responseBody: string;
}

interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

/**
 * Passes every request on to `target` unchanged (the Host header too, so S3 signatures hold) and
 * points the URLs in B2's answers back at itself, so later calls come through it as well.
 */
async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  let self = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const upstream = httpRequest(
        new URL(req.url ?? '/', target),
        { method: req.method, headers: req.headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            let body = Buffer.concat(parts);
            if (String(answer.headers['content-type']).includes('json')) {
              body = Buffer.from(body.toString('utf8').replaceAll(target, self));
            }
            exchanges.push({
              method: req.method ?? '',
              url: req.url ?? '',
              requestHeaders: req.headers,
              requestBody: requestBody.toString('utf8'),
              status: answer.statusCode ?? 0,
              responseHeaders: answer.headers,
              responseBody: body.toString('utf8'),
            });
            res.writeHead(answer.statusCode ?? 502, {
              ...answer.headers,
              'content-length': String(body.length),
            });
            res.end(body);
          });
        },
      );
      // A dropped connection upstream is dropped here too, as the network would.
      upstream.on('error', () => res.destroy());
      upstream.end(requestBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    exchanges,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What the browser saw. */
interface Seen {
  url: string;
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

let emulator: Emulator;
let proxy: RecordingProxy;
let t: TestApp;

beforeAll(async () => {
  emulator = await startEmulator({ s3Url: undefined, secretStyle: 'with-special' });
  proxy = await startRecordingProxy(emulator.url);
  t = await startApp({ b2ApiUrl: proxy.url });
});
afterAll(async () => {
  await t.close();
  await proxy.close();
  await emulator.close();
});

describe('secrets', () => {
  it('when whole setups run at the most verbose log level, then no secret is in any log line, URL, error or answer but its own apply result', async () => {
    const seen: Seen[] = [];
    const browser = t.agent();
    const keep = async (
      url: string,
      pending: PromiseLike<{ status: number; headers: Record<string, unknown>; text: string }>,
    ) => {
      const res = await pending;
      seen.push({ url, status: res.status, headers: res.headers, body: res.text });
      return res;
    };
    const applyResults: { index: number; secret: string }[] = [];

    // A key that does not work: its secret must not come back either.
    const wrongSecret = 'K004ThisKeyIsWrong/+NotTheRealOne';
    await keep(
      '/api/session',
      browser
        .post('/api/session')
        .send({ applicationKeyId: emulator.masterKeyId, applicationKey: wrongSecret }),
    );
    const connected = await keep(
      '/api/session',
      browser
        .post('/api/session')
        .send({ applicationKeyId: emulator.masterKeyId, applicationKey: emulator.masterKey }),
    );
    expect(connected.status).toBe(200);
    const connectedAt = seen.length - 1;
    const sessionId = String(connected.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    await keep('/api/session', browser.get('/api/session'));
    await keep('/api/buckets', browser.get('/api/buckets'));

    // Setup 1 (a native tool's, so its marker takes an upload token): B2 is busy once, and the
    // session's token goes stale half way.
    const first = setupRequest('jetbackup', uniqueName('secrets'));
    await keep('/api/setup/plan', browser.post('/api/setup/plan').send(first));
    emulator.addFault({ call: 'b2_create_bucket', status: 503, times: 1 });
    emulator.addFault({ call: 'b2_create_key', status: 401, code: 'expired_auth_token', times: 1 });
    const one = await keep(
      '/api/setup/apply',
      browser.post('/api/setup/apply').send({ ...first, idempotencyKey: idempotencyKey() }),
    );
    expect(one.status).toBe(200);
    applyResults.push({ index: seen.length - 1, secret: JSON.parse(one.text).key.applicationKey });

    // Setup 2 (an S3 tool's): create_key's answer is lost, so the first try fails and the retry
    // deletes the orphan; the marker delete (over S3) is dropped once.
    const second = setupRequest('aws-cli', uniqueName('secrets'));
    const key2 = idempotencyKey();
    emulator.addFault({ call: 'b2_create_key', drop: 'after', times: 1 });
    emulator.addFault({ call: 's3_delete_object', drop: 'before', times: 1 });
    const failed = await keep(
      '/api/setup/apply',
      browser.post('/api/setup/apply').send({ ...second, idempotencyKey: key2 }),
    );
    expect(failed.status).toBe(502);
    const two = await keep(
      '/api/setup/apply',
      browser.post('/api/setup/apply').send({ ...second, idempotencyKey: key2 }),
    );
    expect(two.status).toBe(200);
    expect(JSON.parse(one.text).verification.ok).toBe(true);
    expect(JSON.parse(two.text).verification.ok).toBe(true);
    applyResults.push({ index: seen.length - 1, secret: JSON.parse(two.text).key.applicationKey });
    await keep('/api/session', browser.delete('/api/session'));

    // Every secret there was: the master key, the wrong one, each new key's, and every token B2
    // handed out (account, upload, after re-authorizations).
    const tokens = new Set<string>();
    for (const x of proxy.exchanges) {
      const found = /"authorizationToken"\s*:\s*"([^"]+)"/.exec(x.responseBody)?.[1];
      if (found) tokens.add(found);
    }
    const newSecrets = applyResults.map((r) => r.secret);
    const basic = (id: string, secret: string) => Buffer.from(`${id}:${secret}`).toString('base64');
    const secrets = [
      emulator.masterKey,
      basic(emulator.masterKeyId, emulator.masterKey),
      wrongSecret,
      sessionId,
      ...tokens,
      ...newSecrets,
    ];
    expect(tokens.size).toBeGreaterThanOrEqual(5); // session ×2 (re-auth), new keys, uploads
    // The S3 check (HEAD, PUT, DELETE; the dropped DELETE had no answer to record) went through
    // the proxy too, signed, so its secret never travels.
    expect(emulator.faults()).toEqual([]);
    expect(
      proxy.exchanges.filter((x) => x.requestHeaders.authorization?.startsWith('AWS4-')),
    ).toHaveLength(3);

    const leaks: string[] = [];
    const search = (where: string, text: string, allowed: string[] = []) => {
      for (const secret of secrets) {
        if (!allowed.includes(secret) && text.includes(secret)) {
          leaks.push(`${where} holds ${secret.slice(0, 6)}…`);
        }
      }
      if (/4_[0-9a-f]+_[0-9a-f]{8}_[0-9a-f]{6}_(acct|upld|down)_/.test(text)) {
        leaks.push(`${where} holds something shaped like a B2 token`);
      }
    };

    for (const [i, line] of t.logs.entries()) search(`log line ${i}`, line);
    for (const [i, answer] of seen.entries()) {
      search(`browser URL ${answer.url}`, answer.url);
      // The session id goes out once, in the cookie that delivers it.
      search(
        `answer ${i} headers`,
        JSON.stringify(answer.headers),
        i === connectedAt ? [sessionId] : [],
      );
      const own = applyResults.find((r) => r.index === i);
      search(`answer ${i} (${answer.url} ${answer.status})`, answer.body, own ? [own.secret] : []);
    }
    for (const x of proxy.exchanges) {
      // What the gateway sends B2: a secret only ever in an Authorization header.
      search(`B2 URL ${x.url}`, x.url);
      search(`B2 request body ${x.url}`, x.requestBody);
      const { authorization: _allowed, ...otherHeaders } = x.requestHeaders;
      search(`B2 request headers ${x.url}`, JSON.stringify(otherHeaders));
    }
    // Each new secret did reach its user, once.
    for (const r of applyResults) {
      expect(seen.filter((s) => s.body.includes(r.secret))).toHaveLength(1);
    }
    // The logs were really at their most verbose, and name no header.
    expect(t.logs.some((l) => l.includes('"level":"debug"') && l.includes('"b2 call"'))).toBe(true);
    expect(t.logs.some((l) => l.includes('"path":"/api/setup/apply"'))).toBe(true);
    expect(t.logs.join('\n').toLowerCase()).not.toContain('authorization');

    console.log(
      `secrets: ${leaks.length} leaks of ${secrets.length} secrets (master key, ${tokens.size} B2 tokens, ` +
        `${newSecrets.length} new key secrets) in ${t.logs.length} log lines, ` +
        `${seen.length} answers and ${proxy.exchanges.length} B2 requests`,
    );
    expect(leaks).toEqual([]);
  });
});
