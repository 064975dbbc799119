// The gateway against real emulators: retry policy, re-authorization, error mapping, and that
// backblaze-b2's one module-wide axios instance cannot mix sessions.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createB2Gateway } from '../src/b2/b2-gateway';
import type { B2Connection } from '../src/b2/b2-types';
import { backoffDelay, DEFAULT_RETRY_POLICY, retryAfterDelay } from '../src/b2/retry-policy';
import { failureOf, FAST_RETRY, startEmulator, uniqueName } from './helpers';

let a: Emulator;
let b: Emulator;

beforeAll(async () => {
  a = await startEmulator();
  b = await startEmulator({
    masterKeyId: '004aaaabbbbcccc0000000000',
    masterKey: 'K004SecondAccountMasterKeyXYZ',
  });
});
afterAll(async () => {
  await a.close();
  await b.close();
});
beforeEach(() => {
  a.reset();
  b.reset();
});

const connectTo = (emulator: Emulator, gateway = createB2Gateway({ retry: FAST_RETRY })) =>
  gateway.connect({
    baseUrl: emulator.url,
    applicationKeyId: emulator.masterKeyId,
    applicationKey: emulator.masterKey,
  });

function recordingGateway(policy: Partial<typeof DEFAULT_RETRY_POLICY>) {
  const delays: number[] = [];
  const gateway = createB2Gateway({
    retry: {
      ...policy,
      random: () => 1,
      sleep: async (ms) => {
        delays.push(ms);
      },
    },
  });
  return { gateway, delays };
}

describe('sessions side by side', () => {
  it('when many connections to two accounts work at once, then each call reaches its own account with its own token', async () => {
    a.setLatency(25);
    b.setLatency(5);
    try {
      const gateway = createB2Gateway({ retry: FAST_RETRY });
      const conns: { emulator: Emulator; conn: B2Connection; name: string }[] = [];
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 6; i += 1) {
        const emulator = i % 2 === 0 ? a : b;
        // A new connection is made while the others' calls are in flight: all of them share the
        // library's one axios instance, so each call must carry its own token and URL.
        const conn = await connectTo(emulator, gateway);
        const name = uniqueName(`iso${i}`);
        conns.push({ emulator, conn, name });
        work.push(
          conn.createBucket({
            bucketName: name,
            bucketType: 'allPrivate',
            lifecycleRules: [],
            corsRules: [],
            fileLockEnabled: false,
          }),
          conn.listBuckets(),
        );
      }
      await Promise.all(work);
      for (const { emulator, conn, name } of conns) {
        expect(conn.authorization.accountId).toBe(emulator.accountId);
        const owner = emulator.state().buckets.find((x) => x.bucketName === name);
        expect(owner?.accountId).toBe(emulator.accountId);
        const other = emulator === a ? b : a;
        expect(other.state().buckets.some((x) => x.bucketName === name)).toBe(false);
      }
      expect(a.callCounts().b2_create_bucket).toBe(3);
      expect(b.callCounts().b2_create_bucket).toBe(3);
      expect(a.callCounts().b2_authorize_account).toBe(3);
      expect(b.callCounts().b2_authorize_account).toBe(3);
    } finally {
      a.setLatency(0);
      b.setLatency(0);
    }
  });

  it('when one session’s calls time out, then another session’s calls keep their own timeout', async () => {
    const impatient = createB2Gateway({ retry: { ...FAST_RETRY, maxAttempts: 1 }, timeoutMs: 100 });
    const patient = createB2Gateway({ retry: FAST_RETRY, timeoutMs: 5000 });
    const slowConn = await connectTo(a, impatient);
    const fineConn = await connectTo(b, patient);
    a.addFault({ call: 'b2_list_buckets', stallMs: 400, times: 1 });
    b.addFault({ call: 'b2_list_buckets', stallMs: 250, times: 1 });
    const [slow, fine] = await Promise.allSettled([slowConn.listBuckets(), fineConn.listBuckets()]);
    expect(slow.status).toBe('rejected');
    expect((slow as PromiseRejectedResult).reason).toMatchObject({ code: 'timeout', status: 504 });
    expect(fine.status).toBe('fulfilled');
  });
});

describe('retry policy', () => {
  it('when B2 keeps answering 503, then it backs off exponentially up to the cap, then gives up', async () => {
    const { gateway, delays } = recordingGateway({
      baseDelayMs: 100,
      maxDelayMs: 300,
      maxAttempts: 5,
    });
    const conn = await connectTo(a, gateway);
    a.addFault({ call: 'b2_list_buckets', status: 503 });
    const error = await failureOf(conn.listBuckets());
    expect(error).toMatchObject({ status: 502, code: 'service_unavailable', retryable: true });
    expect(a.callCounts().b2_list_buckets).toBe(5);
    expect(delays).toEqual([100, 200, 300, 300]);
  });

  it('when B2 answers 429 with Retry-After, then that wait is honoured, capped by the policy', async () => {
    const honoured = recordingGateway({ maxRetryAfterMs: 10_000 });
    const conn = await connectTo(a, honoured.gateway);
    a.addFault({ call: 'b2_list_buckets', status: 429, retryAfter: 3, times: 1 });
    await conn.listBuckets();
    expect(honoured.delays).toEqual([3000]);

    const capped = recordingGateway({ maxRetryAfterMs: 1000 });
    const conn2 = await connectTo(a, capped.gateway);
    a.addFault({ call: 'b2_list_buckets', status: 429, retryAfter: 30, times: 1 });
    await conn2.listBuckets();
    expect(capped.delays).toEqual([1000]);
  });

  it('when a read loses its connection, then it is retried; a write is not, and says its outcome is unknown', async () => {
    const conn = await connectTo(a);
    a.addFault({ call: 'b2_list_buckets', drop: 'before', times: 1 });
    await conn.listBuckets();
    expect(a.callCounts().b2_list_buckets).toBe(2);

    a.addFault({ call: 'b2_create_key', drop: 'after', times: 1 });
    const error = await failureOf(
      conn.createKey({ keyName: 'lost-answer', capabilities: ['listBuckets'] }),
    );
    expect(error).toMatchObject({ code: 'network_error', retryable: true, outcomeUnknown: true });
    expect(a.callCounts().b2_create_key).toBe(1);
    expect(a.state().keys.map((k) => k.keyName)).toEqual(['lost-answer']);
  });

  it('when a delete’s answer is lost, then it is sent again, and “not present” means the lost one worked', async () => {
    const conn = await connectTo(a);
    const bucket = await conn.createBucket({
      bucketName: uniqueName('gone'),
      bucketType: 'allPrivate',
      lifecycleRules: [],
      corsRules: [],
      fileLockEnabled: false,
    });
    const uploadMarker = () =>
      conn.uploadFile({
        bucketId: bucket.bucketId,
        fileName: 'marker.txt',
        data: Buffer.from('x'),
        contentType: 'text/plain',
      });
    const file = await uploadMarker();
    expect(file.strayCopiesPossible).toBe(false);
    a.addFault({ call: 'b2_delete_file_version', drop: 'after', times: 1 });
    await conn.deleteFileVersion(file);
    expect(a.callCounts().b2_delete_file_version).toBe(2);
    expect(a.state().files).toEqual([]);
    // Without a lost answer first, "not present" is an error as B2 means it.
    expect(await failureOf(conn.deleteFileVersion(file))).toMatchObject({ status: 400 });

    // An upload whose answer was lost may have left a copy: the caller is told.
    a.addFault({ call: 'b2_upload_file', drop: 'after', times: 1 });
    const again = await uploadMarker();
    expect(again.strayCopiesPossible).toBe(true);
    const versions = await conn.listFileVersions({
      bucketId: bucket.bucketId,
      prefix: 'marker.txt',
    });
    expect(versions).toHaveLength(2);
  });

  it('when 400 or 401 unauthorized come back, then they are never repeated', async () => {
    const conn = await connectTo(a);
    a.addFault({ call: 'b2_list_buckets', status: 400, times: 2 });
    expect(await failureOf(conn.listBuckets())).toMatchObject({ status: 400, code: 'bad_request' });
    a.addFault({ call: 'b2_list_keys', status: 401, code: 'unauthorized', times: 2 });
    expect(await failureOf(conn.listKeys())).toMatchObject({ status: 403, code: 'unauthorized' });
    expect(a.callCounts().b2_list_buckets).toBe(1);
    expect(a.callCounts().b2_list_keys).toBe(1);
  });

  it('backoff and Retry-After arithmetic', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0 };
    expect(backoffDelay(policy, 1)).toBe(500);
    expect(backoffDelay({ ...policy, random: () => 1 }, 10)).toBe(policy.maxDelayMs);
    expect(retryAfterDelay('2', policy)).toBe(2000);
    expect(retryAfterDelay('soon', policy)).toBeNull();
    expect(retryAfterDelay(new Date(10_000).toUTCString(), policy, 5_000)).toBe(5000);
  });
});

describe('re-authorization', () => {
  it('when calls find the token expired at once, then one re-authorization serves them all', async () => {
    const conn = await connectTo(a);
    a.expireTokens();
    const before = a.callCounts().b2_authorize_account!;
    await Promise.all([conn.listBuckets(), conn.listBuckets(), conn.listKeys()]);
    expect(a.callCounts().b2_authorize_account).toBe(before + 1);
  });

  it('when the fresh token is expired again at once, then the call fails instead of looping', async () => {
    const conn = await connectTo(a);
    a.addFault({ call: 'b2_list_buckets', status: 401, code: 'expired_auth_token' });
    const error = await failureOf(conn.listBuckets());
    expect(error).toMatchObject({ status: 401, code: 'expired_auth_token' });
    expect(a.callCounts().b2_list_buckets).toBe(2);
  });
});

describe('errors', () => {
  it('when the key is wrong, then the error holds neither the key nor a header', async () => {
    const secret = 'K000ThisIsNotTheRightKeyAtAll';
    const error = await failureOf(
      createB2Gateway({ retry: FAST_RETRY }).connect({
        baseUrl: a.url,
        applicationKeyId: a.masterKeyId,
        applicationKey: secret,
      }),
    );
    expect(error).toMatchObject({ status: 401, code: 'bad_credentials' });
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(Buffer.from(`${a.masterKeyId}:${secret}`).toString('base64'));
    expect(everything.toLowerCase()).not.toContain('authorization');
    expect(error.cause).toBeUndefined();
  });

  it('when B2_API_URL answers something that is not B2, then a plain 502', async () => {
    const error = await failureOf(
      createB2Gateway({ retry: FAST_RETRY }).connect({
        baseUrl: `${a.url}/__emulator/state#`,
        applicationKeyId: a.masterKeyId,
        applicationKey: a.masterKey,
      }),
    );
    expect(error).toMatchObject({ status: 502, code: 'unexpected_answer' });
    expect(error.message).toContain('B2_API_URL');
  });
});
