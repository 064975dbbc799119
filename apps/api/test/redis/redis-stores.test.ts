// Sessions and apply records in a real redis-server shared by two apps (as two instances share
// it): either app serves the browser, nothing secret is in Redis as plain text, forgetting
// leaves nothing behind, and Redis going away is a plain-words 503, not a crash or a hang.
import { createHash } from 'node:crypto';
import type { Emulator } from '@b2wiz/b2-emulator';
import { setupResultSchema } from '@b2wiz/shared';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMaster, writeCalls, type TestApp, applyWithCookie, newApply } from '../helpers';
import { LIFETIME_MS, startRedisApps, type RedisApps } from './redis-apps';
import type { RedisServer } from './redis-server';

let world: RedisApps;
let server: RedisServer;
let emulator: Emulator;
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  world = await startRedisApps(2, { sessionRateLimit: { windowMs: 60_000, max: 3 } });
  ({ server, emulator } = world);
  [first, second] = world.apps as [TestApp, TestApp];
});
afterAll(async () => {
  await world?.close();
});

async function connect(): Promise<string> {
  const res = await connectMaster(first.agent(), emulator).expect(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('sessions in Redis', () => {
  it('when a browser connects through one instance, then the other serves it, and an apply replays there with no new B2 write', async () => {
    const cookie = await connect();
    const session = await request(second.server).get('/api/session').set('Cookie', cookie);
    expect(session.status).toBe(200);
    expect(session.body.accountId).toBe(emulator.accountId);
    const body = newApply('rclone', 'redis');
    const once = await applyWithCookie(first, cookie, body);
    expect(once.status).toBe(200);
    const writes = writeCalls(emulator);
    const again = await applyWithCookie(second, cookie, body);
    expect(again.status).toBe(200);
    expect(setupResultSchema.parse(again.body)).toEqual(setupResultSchema.parse(once.body));
    expect(writeCalls(emulator)).toBe(writes);
  });

  it('when a whole setup is done, then Redis holds no master key, token or new secret as plain text, and expiries are set', async () => {
    const cookie = await connect();
    const body = newApply('restic', 'scan');
    const res = await applyWithCookie(first, cookie, body);
    expect(res.status).toBe(200);
    const newSecret: string = res.body.key.applicationKey;
    const sessionId = cookie.split('=')[1]!;
    const stored = (await first.sessions.get(sessionId))!;
    const token = stored.login.authorizationToken;
    const everything = await server.dump();
    expect(everything.length).toBeGreaterThan(0);
    const text = everything.map((e) => `${e.key}\n${e.text}`).join('\n');
    for (const secret of [emulator.masterKey, token, newSecret]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(text).not.toContain(secret);
      // Nor base64 of it, which a careless encoding would leave readable.
      expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(text).not.toContain(emulator.accountId);
    // Every key of this session expires on its own.
    const probe = world.probe;
    // Nor the session id itself, which is the browser's cookie: key names carry its SHA-256.
    expect(text).not.toContain(sessionId);
    const hashed = createHash('sha256').update(sessionId).digest('base64url');
    const mine = everything.filter((e) => e.key.includes(hashed)).map((e) => e.key);
    expect(mine.sort()).toEqual([
      `b2wiz:applies:${hashed}`,
      `b2wiz:applies:${hashed}:order`,
      `b2wiz:session:${hashed}`,
    ]);
    for (const key of mine) {
      const ttl = await probe.pTTL(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(LIFETIME_MS);
    }
  });

  it('when the browser forgets its credentials, then nothing of the session is left in Redis', async () => {
    const cookie = await connect();
    const hashed = createHash('sha256').update(cookie.split('=')[1]!).digest('base64url');
    const body = newApply('rclone', 'forget');
    await applyWithCookie(first, cookie, body).expect(200);
    expect((await server.dump()).some((e) => e.key.includes(hashed))).toBe(true);
    await request(second.server).delete('/api/session').set('Cookie', cookie).expect(204);
    expect((await server.dump()).filter((e) => e.key.includes(hashed))).toEqual([]);
    await request(first.server).get('/api/session').set('Cookie', cookie).expect(401);
  });

  it('when a key fails to connect through both instances, then the failures count together', async () => {
    const typo = { applicationKeyId: '0059999999999990000000001', applicationKey: 'K005wrong' };
    for (const app of [first, second, first]) {
      await request(app.server).post('/api/session').send(typo).expect(401);
    }
    const res = await request(second.server).post('/api/session').send(typo).expect(429);
    expect(res.body.error.code).toBe('rate_limited');
    // The counts are kept under a hash: no address or key id in Redis.
    const text = (await server.dump()).map((e) => `${e.key} ${e.text}`).join('\n');
    expect(text).toContain('b2wiz:ratelimit:');
    expect(text).not.toContain(typo.applicationKeyId);
    expect(text).not.toContain('127.0.0.1');
  });

  it('when Redis goes away, then requests get a plain-words 503 and /api/ready says so; when it is back, work goes on', async () => {
    const cookie = await connect();
    await request(first.server).get('/api/ready').expect(200, { ready: true });
    await server.stop(true);
    try {
      const res = await request(first.server).get('/api/session').set('Cookie', cookie);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('store_unavailable');
      expect(res.body.error.message).toBe(
        'The wizard cannot reach its session store right now, so nothing was changed. Wait a moment, then try again.',
      );
      await request(first.server).get('/api/ready').expect(503, { ready: false });
      // Liveness is not readiness: the process itself is fine.
      await request(first.server).get('/api/health').expect(200);
      const connecting = await connectMaster(second.agent(), emulator);
      expect(connecting.status).toBe(503);
    } finally {
      await server.start();
    }
    // The data went with the crash (no persistence in this test), so the session is over, and a
    // new connect works on either instance once the client has reconnected.
    await expect
      .poll(async () => (await request(first.server).get('/api/ready')).status, { timeout: 10_000 })
      .toBe(200);
    await expect
      .poll(async () => (await request(second.server).get('/api/ready')).status, {
        timeout: 10_000,
      })
      .toBe(200);
    await request(first.server).get('/api/session').set('Cookie', cookie).expect(401);
    await connect();
  });
});
