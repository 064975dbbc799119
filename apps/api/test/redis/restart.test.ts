// The started server with REDIS_URL: a session outlives the process that made it (kill -9, then
// a new process serves the same browser), and the settings that go with Redis are checked.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../helpers';
import { startServer } from '../server-process';
import { freePort, redisServerEnv, startRedisServer, type RedisServer } from './redis-server';

let redis: RedisServer;
let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  redis = await startRedisServer();
  emulator = await startEmulator();
  env = redisServerEnv(redis, emulator.url);
});
afterAll(async () => {
  await emulator?.close();
  await redis?.close();
});

/** POST /api/session with the emulator's master key, as the wizard sends it. */
const connectKey = (api: string) =>
  fetch(`${api}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      applicationKeyId: emulator.masterKeyId,
      applicationKey: emulator.masterKey,
    }),
  });

async function connect(api: string): Promise<string> {
  const res = await connectKey(api);
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('server.ts with REDIS_URL', () => {
  it('when the process is killed with -9, then a new one serves the same browser', async () => {
    const before = startServer(env);
    let cookie: string;
    try {
      const api = await before.listening();
      expect(before.output()).toContain('"kind":"redis"');
      cookie = await connect(api);
    } finally {
      before.kill();
    }
    expect(await before.exit).toBeNull();
    const after = startServer(env);
    try {
      const api = await after.listening();
      const session = await fetch(`${api}/api/session`, { headers: { Cookie: cookie } });
      expect(session.status).toBe(200);
      expect(((await session.json()) as { accountId: string }).accountId).toBe(emulator.accountId);
      const buckets = await fetch(`${api}/api/buckets`, { headers: { Cookie: cookie } });
      expect(buckets.status).toBe(200);
      expect(await (await fetch(`${api}/api/ready`)).json()).toEqual({ ready: true });
    } finally {
      after.kill();
    }
  }, 60_000);

  it('when SESSION_ENCRYPTION_KEY is missing, then it stops at once and says how to make one', async () => {
    const server = startServer({ ...env, SESSION_ENCRYPTION_KEY: '' });
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain(
      'SESSION_ENCRYPTION_KEY="": is required with REDIS_URL, so nothing is kept in Redis unsealed; make one with: openssl rand -base64 32',
    );
  }, 30_000);

  it('when Redis is not there at start, then it still listens, answers not ready and 503, and leaks nothing', async () => {
    const port = await freePort();
    const server = startServer({ ...env, REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      const api = await server.listening();
      const ready = await fetch(`${api}/api/ready`);
      expect(ready.status).toBe(503);
      expect((await (await fetch(`${api}/api/health`)).json()) as object).toMatchObject({
        ok: true,
      });
      const refused = await connectKey(api);
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'store_unavailable',
      );
      expect(server.output()).not.toContain(emulator.masterKey);
    } finally {
      server.kill();
    }
  }, 60_000);
});
