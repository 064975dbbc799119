// The S3 client's transport (docs/architecture.md "B2 transport") against real local HTTP
// servers: what arrives, what is answered, and how each request that gets no answer is told,
// through the S3 client as the key check uses it.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from '../src/b2/retry-policy';
import { S3Client } from '../src/b2/s3-client';
import { s3Fetch } from '../src/b2/s3-transport';
import { failureOf } from './helpers';
import { closeRecordingServers, recordingServer } from './recording-server';

afterEach(closeRecordingServers);

const clientFor = (endpoint: string, timeoutMs = 2_000) =>
  new S3Client({
    endpoint,
    region: 'us-west-004',
    accessKeyId: '004a1b2c3d4e5f60000000001',
    secretAccessKey: 'K004secretsecretsecretsecretsecr',
    timeoutMs,
    userAgent: 'b2-setup-wizard/test',
    fetch: s3Fetch,
    policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, sleep: async () => undefined },
  });

const marker = () => ({
  bucket: 'acme-backups',
  key: 'dir/check me.txt',
  body: Buffer.from('B2 Setup Wizard key check.\n'),
  contentType: 'text/plain',
});

describe('the S3 transport', () => {
  it('sends the signed PUT with its bytes and length, and reads the version id it is given', async () => {
    const s3 = await recordingServer((_req, res) => {
      res.writeHead(200, { 'x-amz-version-id': '4_zabc_v1' });
      res.end();
    });
    const put = await clientFor(s3.url).putObject(marker());
    expect(put).toEqual({ versionId: '4_zabc_v1', strayCopiesPossible: false });
    const [sent] = s3.seen;
    expect(sent!.method).toBe('PUT');
    expect(sent!.url).toBe('/acme-backups/dir/check%20me.txt');
    expect(sent!.body.toString('utf8')).toBe('B2 Setup Wizard key check.\n');
    expect(sent!.headers['content-length']).toBe(String(marker().body.length));
    expect(sent!.headers['content-type']).toBe('text/plain');
    expect(sent!.headers['user-agent']).toBe('b2-setup-wizard/test');
    expect(sent!.headers.host).toBe(new URL(s3.url).host);
    expect(sent!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=004a1b2c3d4e5f60000000001\/\d{8}\/us-west-004\/s3\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/,
    );
  });

  it('sends the version to delete in the query, and a HEAD with no body', async () => {
    const s3 = await recordingServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const client = clientFor(s3.url);
    await client.headBucket('acme-backups');
    await client.deleteObjectVersion({ bucket: 'acme-backups', key: 'm.txt', versionId: '4_z+1' });
    expect(s3.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'HEAD /acme-backups',
      'DELETE /acme-backups/m.txt?versionId=4_z%2B1',
    ]);
    expect(s3.seen[0]!.body.length).toBe(0);
  });

  it('reads S3’s error Code from the XML body, and never follows a redirect', async () => {
    const denied = await recordingServer((_req, res) => {
      res.writeHead(403, { 'Content-Type': 'application/xml' });
      res.end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>no</Message></Error>');
    });
    expect(await failureOf(clientFor(denied.url).putObject(marker()))).toMatchObject({
      code: 's3_refused',
      logDetail: 's3_put_object: HTTP 403 AccessDenied',
    });
    const moved = await recordingServer((_req, res) => {
      res.writeHead(301, { Location: 'http://127.0.0.1:1/' });
      res.end();
    });
    expect(await failureOf(clientFor(moved.url).headBucket('b'))).toMatchObject({
      code: 's3_refused',
      logDetail: 's3_head_bucket: HTTP 301 -',
    });
    expect(moved.seen).toHaveLength(1);
  });

  it('tells a timeout from a connection nobody took, each tried again once', async () => {
    const silent = await recordingServer(() => undefined);
    expect(await failureOf(clientFor(silent.url, 150).headBucket('b'))).toMatchObject({
      status: 504,
      code: 'timeout',
      logDetail: 's3_head_bucket: timeout',
    });
    expect(silent.seen).toHaveLength(2);
    const gone = await recordingServer(() => undefined);
    await gone.close();
    expect(await failureOf(clientFor(gone.url).headBucket('b'))).toMatchObject({
      status: 502,
      code: 'network_error',
      logDetail: 's3_head_bucket: ECONNREFUSED',
    });
  });

  it('reads an answer cut off part way as no answer', async () => {
    const cut = await recordingServer((req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('<partial');
      setTimeout(() => req.socket.destroy(), 20);
    });
    expect(await failureOf(clientFor(cut.url).putObject(marker()))).toMatchObject({
      code: 'network_error',
      outcomeUnknown: true,
    });
  });
});
