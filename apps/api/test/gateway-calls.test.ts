// Each gateway call against a real emulator: the name it is reported under (the request log reads
// it), what it sends, a lost delete answer that the repeat settles, and b2_list_keys paging.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createB2Gateway } from '../src/b2/b2-gateway';
import type { B2Connection } from '../src/b2/b2-types';
import type { B2CallEvent } from '../src/b2/call-with-retry';
import { failureOf, FAST_RETRY, startEmulator, uniqueName } from './helpers';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

function connect(events: B2CallEvent[] = []): Promise<B2Connection> {
  return createB2Gateway({ retry: FAST_RETRY, onCall: (e) => events.push(e) }).connect({
    baseUrl: emulator.url,
    applicationKeyId: emulator.masterKeyId,
    applicationKey: emulator.masterKey,
  });
}

const newBucket = (conn: B2Connection, fileLockEnabled = false) =>
  conn.createBucket({
    bucketName: uniqueName('calls'),
    bucketType: 'allPrivate',
    lifecycleRules: [],
    corsRules: [],
    fileLockEnabled,
  });

const upload = (conn: B2Connection, bucketId: string, fileName = 'marker.txt') =>
  conn.uploadFile({ bucketId, fileName, data: Buffer.from(fileName), contentType: 'text/plain' });

describe('the name each call is reported under', () => {
  it('when every kind of call is made once, then each event names the B2 call the emulator received', async () => {
    const events: B2CallEvent[] = [];
    const conn = await connect(events);
    const locked = await newBucket(conn, true);
    await conn.listBuckets({ bucketId: locked.bucketId });
    await conn.updateBucket({
      bucketId: locked.bucketId,
      ifRevisionIs: locked.revision,
      lifecycleRules: [],
      corsRules: [],
    });
    await conn.setDefaultRetention({
      bucketId: locked.bucketId,
      retention: { mode: 'governance', period: { duration: 1, unit: 'days' } },
    });
    const other = await newBucket(conn);
    const file = await upload(conn, other.bucketId);
    await conn.listFileVersions({ bucketId: other.bucketId, prefix: 'marker' });
    await conn.deleteFileVersion(file);
    const key = await conn.createKey({
      keyName: 'named',
      capabilities: ['listFiles'],
      bucketId: other.bucketId,
    });
    await conn.listKeys();
    await conn.deleteKey(key.applicationKeyId);
    await conn.deleteBucket(other.bucketId);

    const named = events.filter((e) => e.outcome === 'ok').map((e) => e.call);
    expect(named).toEqual([
      'b2_authorize_account',
      'b2_create_bucket',
      'b2_list_buckets',
      'b2_update_bucket',
      'b2_update_bucket',
      'b2_create_bucket',
      'b2_get_upload_url',
      'b2_upload_file',
      'b2_list_file_versions',
      'b2_delete_file_version',
      'b2_create_key',
      'b2_list_keys',
      'b2_delete_key',
      'b2_delete_bucket',
    ]);
    expect(emulator.requests().map((r) => r.call)).toEqual(named);
  });
});

describe('what the calls send', () => {
  it('when a key is for one bucket, then b2_create_key sends that bucketId and the key is limited to it', async () => {
    const conn = await connect();
    const bucket = await newBucket(conn);
    const key = await conn.createKey({
      keyName: 'one-bucket',
      capabilities: ['listFiles'],
      bucketId: bucket.bucketId,
    });
    expect(key.bucketIds).toEqual([bucket.bucketId]);
    const sent = emulator.requests().find((r) => r.call === 'b2_create_key');
    expect(sent?.body).toMatchObject({ bucketId: bucket.bucketId });
    expect(
      emulator.state().keys.find((k) => k.applicationKeyId === key.applicationKeyId),
    ).toMatchObject({
      bucketIds: [bucket.bucketId],
    });
  });

  it('when file versions are listed by prefix, then only names with that prefix come back', async () => {
    const conn = await connect();
    const bucket = await newBucket(conn);
    for (const fileName of ['a/one.txt', 'a/two.txt', 'b/three.txt']) {
      await upload(conn, bucket.bucketId, fileName);
    }
    const listed = await conn.listFileVersions({ bucketId: bucket.bucketId, prefix: 'a/' });
    expect(listed.map((f) => f.fileName)).toEqual(['a/one.txt', 'a/two.txt']);
    const sent = emulator.requests().find((r) => r.call === 'b2_list_file_versions');
    expect(sent?.body).toMatchObject({ prefix: 'a/', startFileName: 'a/', maxFileCount: 1000 });
  });

  it('when no User-Agent is configured, then B2 sees the wizard’s own', async () => {
    const agents: (string | undefined)[] = [];
    const server: Server = createServer((req, res) => {
      agents.push(req.headers['user-agent']);
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 401, code: 'unauthorized', message: 'no' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const failure = await failureOf(
        createB2Gateway({ retry: FAST_RETRY }).connect({
          baseUrl: `http://127.0.0.1:${port}`,
          applicationKeyId: emulator.masterKeyId,
          applicationKey: emulator.masterKey,
        }),
      );
      expect(failure.status).toBe(401);
      expect(agents).toEqual(['b2-setup-wizard/0.1.0']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a delete whose answer was lost', () => {
  it('when b2_delete_bucket’s answer is lost, then the repeat’s “bad_bucket_id” means it worked', async () => {
    const conn = await connect();
    const bucket = await newBucket(conn);
    emulator.addFault({ call: 'b2_delete_bucket', drop: 'after', times: 1 });
    await conn.deleteBucket(bucket.bucketId);
    expect(emulator.callCounts().b2_delete_bucket).toBe(2);
    expect(emulator.state().buckets.map((b) => b.bucketId)).not.toContain(bucket.bucketId);
    // Without a lost answer first, the bucket being gone is the error B2 means, in plain words.
    const gone = await failureOf(conn.deleteBucket(bucket.bucketId));
    expect(gone.status).toBe(404);
    expect(gone.message).toMatch(/^That bucket no longer exists/);
  });

  it('when the repeat after a lost answer is refused for another reason, then the delete fails', async () => {
    const conn = await connect();
    const bucket = await newBucket(conn);
    const file = await upload(conn, bucket.bucketId);
    emulator.addFault({ call: 'b2_delete_file_version', drop: 'before', times: 1 });
    emulator.addFault({
      call: 'b2_delete_file_version',
      status: 400,
      code: 'bad_request',
      times: 1,
    });
    expect(await failureOf(conn.deleteFileVersion(file))).toMatchObject({ status: 400 });
    expect(emulator.callCounts().b2_delete_file_version).toBe(2);
    expect(emulator.state().files).toHaveLength(1);

    emulator.addFault({ call: 'b2_delete_bucket', drop: 'before', times: 1 });
    emulator.addFault({ call: 'b2_delete_bucket', status: 400, code: 'bad_request', times: 1 });
    expect(await failureOf(conn.deleteBucket(bucket.bucketId))).toMatchObject({ status: 400 });
    expect(emulator.state().buckets.map((b) => b.bucketId)).toContain(bucket.bucketId);
    // A 404 that says "file_not_present" is not B2's "not present" answer either.
    emulator.addFault({ call: 'b2_delete_file_version', drop: 'before', times: 1 });
    emulator.addFault({
      call: 'b2_delete_file_version',
      status: 404,
      code: 'file_not_present',
      times: 1,
    });
    expect(await failureOf(conn.deleteFileVersion(file))).toBeInstanceOf(Error);
    expect(emulator.callCounts().b2_delete_file_version).toBe(4);
    expect(emulator.state().files).toHaveLength(1);
  });
});

describe('listing the account’s keys', () => {
  // 1,005 keys are 1,005 calls: on a busy machine that outlasts Vitest's default 5 s.
  it(
    'when the account has more keys than one page (1,000), then every key is listed once',
    { timeout: 30_000 },
    async () => {
      const conn = await connect();
      const made = new Set<string>();
      const names = Array.from({ length: 1005 }, (_, i) => `paged-${i}`);
      for (let i = 0; i < names.length; i += 25) {
        const batch = await Promise.all(
          names
            .slice(i, i + 25)
            .map((keyName) => conn.createKey({ keyName, capabilities: ['listBuckets'] })),
        );
        for (const key of batch) made.add(key.applicationKeyId);
      }
      const listed = await conn.listKeys();
      expect(listed).toHaveLength(1005);
      expect(new Set(listed.map((k) => k.applicationKeyId))).toEqual(made);
      const pages = emulator.requests().filter((r) => r.call === 'b2_list_keys');
      expect(pages).toHaveLength(2);
      expect(pages[0]!.body).not.toHaveProperty('startApplicationKeyId');
      expect(pages[1]!.body).toHaveProperty('startApplicationKeyId');
    },
  );
});
