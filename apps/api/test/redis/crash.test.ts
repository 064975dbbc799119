// kill -9 of the instance running an apply while B2 holds the answer to b2_create_key: another
// instance, given the same request, waits out the dead one's lock, finds "create_key sent" in the
// journal, removes the key whose secret died with the process, and finishes. One bucket, one key,
// and a secret that signs in.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKey, setupRequest, signsIn, startEmulator, uniqueName } from '../helpers';
import { startServer, type ServerProcess } from '../server-process';
import { redisServerEnv, startRedisServer, type RedisServer } from './redis-server';

let redis: RedisServer;
let emulator: Emulator;
let env: Record<string, string>;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  emulator = await startEmulator();
  env = { ...redisServerEnv(redis, emulator.url), APPLY_LOCK_SECONDS: '2' };
});
afterAll(async () => {
  for (const server of servers) server.kill();
  await emulator?.close();
  await redis?.close();
});

async function started(): Promise<string> {
  const server = startServer(env);
  servers.push(server);
  return server.listening();
}

const post = (api: string, path: string, body: unknown, cookie?: string) =>
  fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });

describe('an instance killed part way through an apply', () => {
  it('when it dies while B2 holds the create_key answer, then another instance completes the same apply with exactly one key', async () => {
    const [first, second] = await Promise.all([started(), started()]);
    const connected = await post(first, '/api/session', {
      applicationKeyId: emulator.masterKeyId,
      applicationKey: emulator.masterKey,
    });
    expect(connected.status).toBe(200);
    const cookie = connected.headers.get('set-cookie')!.split(';')[0]!;
    const name = uniqueName('crash');
    const body = { ...setupRequest('rclone', name), idempotencyKey: idempotencyKey() };

    // B2 makes the key at once but holds its answer; the instance is killed meanwhile.
    emulator.addFault({ call: 'b2_create_key', stallMs: 60_000, times: 1 });
    const dying = post(first, '/api/setup/apply', body, cookie).catch(() => null);
    await expect.poll(() => emulator.callCounts().b2_create_key ?? 0, { timeout: 20_000 }).toBe(1);
    servers[0]!.child.kill('SIGKILL');
    expect(await servers[0]!.exit).toBeNull();
    expect(await dying).toBeNull();
    const bucket = emulator.state().buckets.find((b) => b.bucketName === name)!;
    expect(emulator.state().keys.filter((k) => k.bucketId === bucket.bucketId)).toHaveLength(1);

    // The browser retries: the answer never came. Another instance takes it from the journal.
    const done = await post(second, '/api/setup/apply', body, cookie);
    expect(done.status).toBe(200);
    const result = (await done.json()) as {
      bucket: { bucketId: string };
      key: { applicationKeyId: string; applicationKey: string };
      verification: { ok: boolean };
    };
    expect(result.bucket.bucketId).toBe(bucket.bucketId);
    const keys = emulator.state().keys.filter((k) => k.bucketId === bucket.bucketId);
    expect(keys.map((k) => k.applicationKeyId)).toEqual([result.key.applicationKeyId]);
    expect(await signsIn(emulator, result.key.applicationKeyId, result.key.applicationKey)).toBe(
      true,
    );
    expect(result.verification.ok).toBe(true);
    expect(emulator.state().buckets.filter((b) => b.bucketName === name)).toHaveLength(1);
  }, 90_000);
});
