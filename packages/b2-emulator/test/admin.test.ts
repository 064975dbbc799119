import { describe, expect, it } from 'vitest';
import { OTHER_ACCOUNT_ID } from '../src/index';
import {
  authorize,
  basic,
  bucketNamed,
  createBucket,
  http,
  makeBucket,
  makeKey,
  sleep,
  upload,
  useEmulator,
} from './helpers';

const post = (
  url: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> =>
  http(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('GET /__emulator/state', () => {
  const emu = useEmulator();

  it('when the world has buckets, keys and files, then the dump lists them with rules and without secrets', async () => {
    const s = await authorize(emu());
    const lifecycleRules = [
      { fileNamePrefix: '', daysFromHidingToDeleting: 1, daysFromUploadingToHiding: null },
    ];
    const bucketId = await makeBucket(s, 'state-bucket', {
      lifecycleRules,
      bucketInfo: { a: 'b' },
    });
    const key = await makeKey(s, {
      capabilities: ['listFiles', 'readFiles'],
      bucketId,
      namePrefix: 'p/',
      keyName: 'state-key',
    });
    await upload(s, bucketId, 'p/file.txt', 'abc');
    const res = await http(`${emu().url}/__emulator/state`);
    expect(res.status).toBe(200);
    expect(res.headers.get('date')).toBeTruthy();
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(key.applicationKey);
    expect(text).not.toContain(emu().masterKey);
    expect(res.body).toEqual({
      accounts: [
        { accountId: s.accountId, isDemo: true },
        { accountId: OTHER_ACCOUNT_ID, isDemo: false },
      ],
      buckets: expect.arrayContaining([
        {
          accountId: s.accountId,
          bucketId,
          bucketName: 'state-bucket',
          bucketType: 'allPrivate',
          lifecycleRules,
          corsRules: [],
          defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
          fileLockEnabled: false,
          revision: 1,
          bucketInfo: { a: 'b' },
        },
        expect.objectContaining({ accountId: OTHER_ACCOUNT_ID, bucketName: 'taken-bucket-name' }),
      ]),
      keys: [
        {
          accountId: s.accountId,
          applicationKeyId: key.applicationKeyId,
          keyName: 'state-key',
          capabilities: ['listFiles', 'readFiles'],
          bucketId,
          bucketIds: [bucketId],
          namePrefix: 'p/',
          expirationTimestamp: null,
          createdWithApiVersion: 2,
        },
      ],
      files: [
        {
          bucketId,
          bucketName: 'state-bucket',
          fileId: expect.any(String),
          fileName: 'p/file.txt',
          contentLength: 3,
          action: 'upload',
          uploadTimestamp: expect.any(Number),
        },
      ],
    });
    expect(emu().state()).toEqual(res.body);
  });

  it('when POST /__emulator/reset is called, then only the seeded world is left and old tokens fail', async () => {
    const s = await authorize(emu());
    await makeBucket(s, 'reset-bucket');
    await makeKey(s, { capabilities: ['listFiles'] });
    const res = await post(`${emu().url}/__emulator/reset`);
    expect(res.status).toBe(200);
    const state = emu().state();
    expect(state.buckets.map((b) => b.bucketName).sort()).toEqual([
      'acme-backups',
      'photos-archive',
      'taken-bucket-name',
    ]);
    expect(state.keys).toEqual([]);
    expect((await s.call('b2_list_buckets', { accountId: s.accountId })).body.code).toBe(
      'bad_auth_token',
    );
  });
});

describe('faults', () => {
  const emu = useEmulator();

  it('when a 503 fault with retryAfter is added for b2_create_key, then the next call gets it once, with Retry-After', async () => {
    const s = await authorize(emu());
    const added = await post(`${emu().url}/__emulator/faults`, {
      call: 'b2_create_key',
      status: 503,
      code: 'service_unavailable',
      times: 1,
      retryAfter: 2,
    });
    expect(added.status).toBe(201);
    const body = { accountId: s.accountId, capabilities: ['listFiles'], keyName: 'faulty' };
    const first = await s.call('b2_create_key', body);
    expect(first.status).toBe(503);
    expect(first.body).toEqual({
      status: 503,
      code: 'service_unavailable',
      message: expect.any(String),
    });
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.headers.get('date')).toBeTruthy();
    expect(emu().state().keys).toEqual([]);
    const second = await s.call('b2_create_key', body);
    expect(second.status).toBe(200);
    // Other calls were never affected.
    expect((await s.call('b2_list_keys', { accountId: s.accountId })).status).toBe(200);
  });

  it('when a 429 fault has no code, then the code is too_many_requests', async () => {
    const s = await authorize(emu());
    emu().addFault({ call: 'b2_list_buckets', status: 429, retryAfter: 1 });
    const res = await s.call('b2_list_buckets', { accountId: s.accountId });
    expect(res.body).toMatchObject({ status: 429, code: 'too_many_requests' });
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('when a fault is persistent (times omitted or null), then it applies until cleared', async () => {
    const s = await authorize(emu());
    await post(`${emu().url}/__emulator/faults`, {
      call: 'b2_list_buckets',
      status: 500,
      times: null,
    });
    for (let i = 0; i < 3; i++)
      expect((await s.call('b2_list_buckets', { accountId: s.accountId })).status).toBe(500);
    const cleared = await http(`${emu().url}/__emulator/faults`, { method: 'DELETE' });
    expect(cleared.body).toEqual({ faults: [] });
    expect((await s.call('b2_list_buckets', { accountId: s.accountId })).status).toBe(200);
  });

  it('when several faults match a call, then they apply in the order they were added', async () => {
    const s = await authorize(emu());
    emu().addFault({ call: 'b2_list_buckets', status: 503, times: 2 });
    emu().addFault({ call: 'b2_list_buckets', status: 429, times: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await s.call('b2_list_buckets', { accountId: s.accountId })).status);
    expect(statuses).toEqual([503, 503, 429, 200]);
  });

  it('when b2_authorize_account has a 401 fault, then authorize fails even with the right key', async () => {
    emu().addFault({ call: 'b2_authorize_account', status: 401, code: 'unauthorized', times: 1 });
    const res = await http(`${emu().url}/b2api/v2/b2_authorize_account`, {
      headers: { Authorization: basic(emu().masterKeyId, emu().masterKey) },
    });
    expect(res.body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('when drop is "before", then the connection dies and the bucket is not created', async () => {
    const s = await authorize(emu());
    await post(`${emu().url}/__emulator/faults`, { call: 'b2_create_bucket', drop: 'before' });
    await expect(createBucket(s, 'dropped-before')).rejects.toThrow();
    expect(bucketNamed(emu(), 'dropped-before')).toBeUndefined();
  });

  it('when drop is "after", then the connection dies but the bucket exists (a retry gets duplicate_bucket_name)', async () => {
    const s = await authorize(emu());
    await post(`${emu().url}/__emulator/faults`, {
      call: 'b2_create_bucket',
      drop: 'after',
      times: 1,
    });
    const body = { accountId: s.accountId, bucketName: 'dropped-after', bucketType: 'allPrivate' };
    await expect(s.call('b2_create_bucket', body)).rejects.toThrow();
    expect(bucketNamed(emu(), 'dropped-after')).toBeDefined();
    expect((await s.call('b2_create_bucket', body)).body.code).toBe('duplicate_bucket_name');
  });

  it('when afterEffect is set with a status, then the call takes effect and B2 still answers the status', async () => {
    const s = await authorize(emu());
    await post(`${emu().url}/__emulator/faults`, {
      call: 'b2_create_bucket',
      status: 503,
      afterEffect: true,
      times: 1,
    });
    const body = { accountId: s.accountId, bucketName: 'made-then-503', bucketType: 'allPrivate' };
    const res = await s.call('b2_create_bucket', body);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('service_unavailable');
    expect(bucketNamed(emu(), 'made-then-503')).toBeDefined();
  });

  it('when afterEffect has no status, then the fault is refused and says why', async () => {
    const res = await post(`${emu().url}/__emulator/faults`, {
      call: 'b2_create_key',
      afterEffect: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('fault.afterEffect needs a status');
  });

  it('when stallMs is set, then the answer is held that long while the call takes effect at once', async () => {
    const s = await authorize(emu());
    await post(`${emu().url}/__emulator/faults`, {
      call: 'b2_create_bucket',
      stallMs: 300,
      times: 1,
    });
    const started = Date.now();
    const pending = createBucket(s, 'stalled-bucket');
    await sleep(100);
    expect(bucketNamed(emu(), 'stalled-bucket')).toBeDefined();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('when a client gives up on a stalled call, then it sees a timeout', async () => {
    const s = await authorize(emu());
    emu().addFault({ call: 'b2_list_keys', stallMs: 2000 });
    const res = fetch(`${emu().url}/b2api/v2/b2_list_keys`, {
      method: 'POST',
      headers: { Authorization: s.token },
      body: JSON.stringify({ accountId: s.accountId }),
      signal: AbortSignal.timeout(100),
    });
    await expect(res).rejects.toThrow(/abort|timeout/i);
  });

  it('when "*" is the call, then every B2 call is affected', async () => {
    emu().addFault({ call: '*', status: 503, times: 1 });
    const res = await http(`${emu().url}/b2api/v2/b2_authorize_account`, {
      headers: { Authorization: basic(emu().masterKeyId, emu().masterKey) },
    });
    expect(res.status).toBe(503);
  });

  it.each([
    [{}, 'no call'],
    [{ call: 'b2_create_key' }, 'no effect'],
    [{ call: 'b2_create_key', status: 200 }, 'a success status'],
    [{ call: 'b2_create_key', drop: 'sideways' }, 'a bad drop'],
    [{ call: 'b2_create_key', status: 503, drop: 'before' }, 'drop with a status'],
    [{ call: 'b2_create_key', status: 503, times: 0 }, 'times 0'],
    [{ call: 'b2_create_key', stallMs: -1 }, 'a negative stall'],
  ])('when a fault has %j (%s), then 400 bad_request', async (fault, _why) => {
    const res = await post(`${emu().url}/__emulator/faults`, fault);
    expect(res.body).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('when faults are listed, then persistent ones show times null and used-up ones are gone', async () => {
    emu().addFault({ call: 'b2_list_keys', status: 500 });
    emu().addFault({ call: 'b2_list_buckets', status: 500, times: 1 });
    const s = await authorize(emu());
    await s.call('b2_list_buckets', { accountId: s.accountId });
    const res = await http<{ faults: unknown[] }>(`${emu().url}/__emulator/faults`);
    expect(res.body.faults).toEqual([
      {
        call: 'b2_list_keys',
        status: 500,
        code: 'internal_error',
        message: expect.any(String),
        times: null,
      },
    ]);
  });
});

describe('latency', () => {
  const emu = useEmulator({ latencyMs: 0 });

  it('when latency is set, then every B2 call is slower by it, but admin routes are not', async () => {
    const s = await authorize(emu());
    const set = await post(`${emu().url}/__emulator/latency`, { ms: 150 });
    expect(set.body).toEqual({ ms: 150 });
    let started = Date.now();
    await s.call('b2_list_buckets', { accountId: s.accountId });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    started = Date.now();
    await http(`${emu().url}/__emulator/state`);
    expect(Date.now() - started).toBeLessThan(140);
    emu().setLatency(0);
    started = Date.now();
    await s.call('b2_list_buckets', { accountId: s.accountId });
    expect(Date.now() - started).toBeLessThan(140);
  });

  it('when latency is not a number, then 400', async () => {
    expect((await post(`${emu().url}/__emulator/latency`, { ms: 'slow' })).status).toBe(400);
    expect((await post(`${emu().url}/__emulator/latency`, { ms: -5 })).status).toBe(400);
  });

  it('when 50 calls wait out their latency at once, then no MaxListenersExceededWarning, and close() still ends their waits at once', async () => {
    const { createEmulator } = await import('../src/index');
    // An emulator of its own: Node warns once per emitter, and only the first time.
    const busy = await createEmulator({ latencyMs: 50 });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const s = await authorize(busy);
      const call = () => s.call('b2_list_buckets', { accountId: s.accountId });
      const answers = await Promise.all(Array.from({ length: 50 }, call));
      expect(answers.map((a) => a.status)).toEqual(Array<number>(50).fill(200));

      // Waits far longer than the test: close() must end them (timers and all), not wait them out.
      const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const timersBefore = timers();
      busy.setLatency(60_000);
      const pending = Array.from({ length: 50 }, () => call().catch(() => 'closed'));
      // Every call reaches its wait, however loaded the machine is.
      await expect.poll(timers, { timeout: 10_000 }).toBeGreaterThanOrEqual(timersBefore + 50);
      const started = Date.now();
      await busy.close();
      await Promise.all(pending);
      expect(Date.now() - started).toBeLessThan(2000);
      await expect.poll(timers, { timeout: 2_000 }).toBeLessThan(timersBefore + 10);
      // Warnings are emitted on a later tick.
      await sleep(10);
    } finally {
      process.off('warning', onWarning);
      await busy.close().catch(() => undefined);
    }
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
  });

  it('when the emulator starts with latencyMs, then reset restores that latency', async () => {
    const { createEmulator } = await import('../src/index');
    const slow = await createEmulator({ latencyMs: 120 });
    try {
      slow.setLatency(0);
      slow.reset();
      const started = Date.now();
      await http(`${slow.url}/b2api/v2/b2_authorize_account`, {
        headers: { Authorization: basic(slow.masterKeyId, slow.masterKey) },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });
});

describe('call counts', () => {
  const emu = useEmulator();

  it('when calls are made, then /__emulator/calls counts them per B2 call name until reset', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'count-bucket');
    await upload(s, bucketId, 'a.txt', 'a');
    await s.call('b2_list_buckets', { accountId: s.accountId });
    await s.call('b2_list_buckets', { accountId: s.accountId });
    await http(`${emu().url}/file/count-bucket/a.txt`, { headers: { Authorization: s.token } });
    emu().addFault({ call: 'b2_list_keys', status: 503, times: 1 });
    await s.call('b2_list_keys', { accountId: s.accountId });
    const res = await http(`${emu().url}/__emulator/calls`);
    expect(res.body).toEqual({
      b2_authorize_account: 1,
      b2_create_bucket: 1,
      b2_download_file_by_name: 1,
      b2_get_upload_url: 1,
      b2_list_buckets: 2,
      b2_list_keys: 1,
      b2_upload_file: 1,
    });
    expect(emu().callCounts()).toEqual(res.body);
    expect((await post(`${emu().url}/__emulator/calls/reset`)).status).toBe(200);
    expect((await http(`${emu().url}/__emulator/calls`)).body).toEqual({});
    // The world is untouched by a counter reset.
    expect((await s.call('b2_list_buckets', { accountId: s.accountId })).status).toBe(200);
  });

  it('when the emulator is reset, then the counts are zeroed too', async () => {
    await authorize(emu());
    await post(`${emu().url}/__emulator/reset`);
    expect(emu().callCounts()).toEqual({});
  });

  it('when time is advanced through the admin route, then tokens expire', async () => {
    const s = await authorize(emu());
    const res = await post(`${emu().url}/__emulator/advance-time`, { ms: 24 * 3600 * 1000 });
    expect(res.status).toBe(200);
    expect((await s.call('b2_list_buckets', { accountId: s.accountId })).body.code).toBe(
      'expired_auth_token',
    );
  });
});
