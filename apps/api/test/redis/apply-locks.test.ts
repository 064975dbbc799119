// One runner per apply across instances: the same apply sent to two instances at once runs once,
// and a runner whose lock was taken over while it stalled writes nothing more.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectMaster, signsIn, type TestApp, applyWithCookie, newApply } from '../helpers';
import { startRedisApps, type RedisApps } from './redis-apps';

let world: RedisApps;
let emulator: Emulator;
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  // A short lock, so a take-over happens within the test.
  world = await startRedisApps(2, { applyLockMs: 600, applyWaitMs: 20_000 });
  emulator = world.emulator;
  [first, second] = world.apps as [TestApp, TestApp];
});
afterAll(async () => {
  await world?.close();
});
afterEach(() => {
  emulator.setLatency(0);
  emulator.clearFaults();
});

async function connect(): Promise<string> {
  const res = await connectMaster(first.agent(), emulator).expect(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('an apply across instances', () => {
  it('when the same apply reaches two instances at once, then it runs once and both answer the same key', async () => {
    const cookie = await connect();
    emulator.resetCallCounts();
    emulator.setLatency(40);
    const body = newApply('rclone', 'twice');
    const [a, b] = await Promise.all([
      applyWithCookie(first, cookie, body),
      applyWithCookie(second, cookie, body),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.key.applicationKeyId).toBe(a.body.key.applicationKeyId);
    expect(b.body.key.applicationKey).toBe(a.body.key.applicationKey);
    expect(emulator.callCounts().b2_create_bucket).toBe(1);
    expect(emulator.callCounts().b2_create_key).toBe(1);
  });

  // The stall alone is 2 s: on a busy machine the rest can take it past Vitest's default 5 s.
  it(
    'when a runner stalls past its lock and another takes over, then the stalled one writes nothing more, and a retry ends with one key',
    { timeout: 20_000 },
    async () => {
      const cookie = await connect();
      const body = newApply('rclone', 'fenced');
      // create_key is made at once but its answer held for 2 s: the 600 ms lock runs out meanwhile
      // once its renewals are stopped by a take-over (another holder's token in its place).
      emulator.resetCallCounts();
      emulator.addFault({ call: 'b2_create_key', stallMs: 2000, times: 1 });
      const stalled = applyWithCookie(first, cookie, body).then((res) => res);
      await expect.poll(() => emulator.callCounts().b2_create_key ?? 0).toBe(1);
      const lockKey = (await world.probe.keys('b2wiz:lock:*'))[0]!;
      expect(lockKey).toBeDefined();
      await world.probe.set(lockKey, 'someone-else', { expiration: { type: 'PX', value: 1500 } });
      const res = await stalled;
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('apply_in_progress');
      // The take-over's lock expires; the retry finds "create_key sent", removes the key whose
      // secret never reached anyone, and makes the one the user gets.
      const done = await applyWithCookie(second, cookie, body);
      expect(done.status).toBe(200);
      const keys = emulator.state().keys.filter((k) => k.bucketId === done.body.bucket.bucketId);
      expect(keys.map((k) => k.applicationKeyId)).toEqual([done.body.key.applicationKeyId]);
      expect(
        await signsIn(emulator, done.body.key.applicationKeyId, done.body.key.applicationKey),
      ).toBe(true);
    },
  );
});
