// Handover links in a real redis-server shared by two instances: a link made on one is read on the
// other exactly once (even when both are asked at once), revoking works across them, the link
// outlives its session, reads count together against the limit, and Redis holds only sealed
// values under hashed names, expiring with the link.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDOVER_RECORD_GRACE_MS } from '../../src/services/handover-store';
import { applyWithCookie, connectMaster, newApply, type TestApp } from '../helpers';
import { startRedisApps, type RedisApps } from './redis-apps';

let world: RedisApps;
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  world = await startRedisApps(2);
  [first, second] = world.apps as [TestApp, TestApp];
});
afterAll(async () => {
  await world?.close();
});

async function connect(): Promise<string> {
  const res = await connectMaster(first.agent(), world.emulator).expect(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

/** What the browser does: AES-GCM under a key the server never sees; iv, then ciphertext+tag. */
function encryptAsTheBrowserDoes(bundle: unknown): string {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(bundle), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

const make = (app: TestApp, cookie: string, body: object) =>
  request(app.server).post('/api/handovers').set('Cookie', cookie).send(body);
const read = (app: TestApp, id: string) =>
  request(app.server).post(`/api/handovers/${id}`).send({});

describe('handover links in Redis', () => {
  it('when a link made on one instance is read on the other, then it gives the ciphertext once, and the first instance refuses it after', async () => {
    const cookie = await connect();
    const ciphertext = encryptAsTheBrowserDoes({ hello: 'customer' });
    const made = await make(first, cookie, { ciphertext }).expect(201);
    const { id } = made.body as { id: string };
    expect((await read(second, id)).body).toEqual({ ciphertext });
    const again = await read(first, id);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('handover_opened');
  });

  it('when both instances are asked at once, many times, then exactly one read gets it', async () => {
    const cookie = await connect();
    const ciphertext = encryptAsTheBrowserDoes({ race: true });
    const { id } = (await make(first, cookie, { ciphertext }).expect(201)).body as { id: string };
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => read(i % 2 === 0 ? first : second, id)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410, 410, 410, 410, 410, 410]);
    expect(answers.find((a) => a.status === 200)!.body).toEqual({ ciphertext });
  });

  it('when the sender revokes on the other instance, then reads are refused as revoked; another session may not revoke', async () => {
    const cookie = await connect();
    const stranger = await connect();
    const { id } = (
      await make(first, cookie, { ciphertext: encryptAsTheBrowserDoes({ a: 1 }) }).expect(201)
    ).body as { id: string };
    const refused = await request(first.server)
      .delete(`/api/handovers/${id}`)
      .set('Cookie', stranger);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('handover_not_yours');
    const revoked = await request(second.server)
      .delete(`/api/handovers/${id}`)
      .set('Cookie', cookie);
    expect(revoked.body.state).toBe('revoked');
    expect((await read(first, id)).body.error.code).toBe('handover_revoked');
    const list = await request(first.server).get('/api/handovers').set('Cookie', cookie);
    expect(list.body.handovers).toEqual([
      { id, expiresAt: revoked.body.expiresAt, state: 'revoked' },
    ]);
  });

  it('when the sender forgot the credentials, then the link still works from Redis', async () => {
    const cookie = await connect();
    const ciphertext = encryptAsTheBrowserDoes({ after: 'forget' });
    const { id } = (await make(first, cookie, { ciphertext }).expect(201)).body as { id: string };
    await request(second.server).delete('/api/session').set('Cookie', cookie).expect(204);
    expect((await read(second, id)).body).toEqual({ ciphertext });
  });

  it('when its time is up by the instances’ clock, then it is refused as expired and its ciphertext is gone from Redis', async () => {
    const cookie = await connect();
    const { id } = (
      await make(first, cookie, {
        ciphertext: encryptAsTheBrowserDoes({ b: 2 }),
        ttlHours: 1,
      }).expect(201)
    ).body as { id: string };
    const hashed = createHash('sha256').update(id).digest('base64url');
    first.clock.advance(3_600_000);
    try {
      const res = await read(first, id);
      expect(res.status).toBe(410);
      expect(res.body.error.code).toBe('handover_expired');
      expect(await world.probe.exists(`b2wiz:handover:${hashed}:ciphertext`)).toBe(0);
    } finally {
      first.clock.advance(-3_600_000);
    }
  });

  it('when a real setup’s key is handed over, then Redis holds no secret, id or ciphertext in the clear: only sealed values under hashed names that expire', async () => {
    const cookie = await connect();
    const setup = await applyWithCookie(first, cookie, newApply('rclone', 'handover')).expect(200);
    const secret: string = setup.body.key.applicationKey;
    const ciphertext = encryptAsTheBrowserDoes({
      applicationKeyId: setup.body.key.applicationKeyId,
      applicationKey: secret,
      files: setup.body.files,
    });
    const made = await make(first, cookie, { ciphertext, ttlHours: 5 }).expect(201);
    const { id } = made.body as { id: string };
    const idHash = createHash('sha256').update(id).digest('base64url');
    const ownerHashes = (await world.server.dump())
      .map((e) => e.key)
      .filter((k) => k.startsWith('b2wiz:handovers:'));

    const everything = await world.server.dump();
    const text = everything.map((e) => `${e.key}\n${e.text}`).join('\n');
    const sessionId = cookie.split('=')[1]!;
    for (const clear of [secret, ciphertext, id, sessionId, setup.body.key.applicationKeyId]) {
      expect(text).not.toContain(clear);
      expect(text).not.toContain(Buffer.from(clear).toString('base64'));
    }
    const handoverEntries = everything.filter((e) => e.key.startsWith('b2wiz:handover'));
    expect(handoverEntries.map((e) => e.key)).toEqual(
      expect.arrayContaining([`b2wiz:handover:${idHash}`, `b2wiz:handover:${idHash}:ciphertext`]),
    );
    expect(ownerHashes.length).toBeGreaterThan(0);
    for (const entry of handoverEntries) {
      const values = entry.key.startsWith('b2wiz:handovers:')
        ? (JSON.parse(entry.text) as string[])
        : [entry.text];
      for (const value of values)
        expect(value, entry.key).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    }
    const hour = 3_600_000;
    const cipherTtl = await world.probe.pTTL(`b2wiz:handover:${idHash}:ciphertext`);
    expect(cipherTtl).toBeGreaterThan(5 * hour - 60_000);
    expect(cipherTtl).toBeLessThanOrEqual(5 * hour);
    const recordTtl = await world.probe.pTTL(`b2wiz:handover:${idHash}`);
    expect(recordTtl).toBeGreaterThan(5 * hour + HANDOVER_RECORD_GRACE_MS - 60_000);
    expect(recordTtl).toBeLessThanOrEqual(5 * hour + HANDOVER_RECORD_GRACE_MS);

    // Read once: the ciphertext is gone from Redis at once, the sealed record says "opened".
    await read(second, id).expect(200);
    expect(await world.probe.exists(`b2wiz:handover:${idHash}:ciphertext`)).toBe(0);
    const list = await request(first.server).get('/api/handovers').set('Cookie', cookie);
    expect(list.body.handovers[0]).toEqual({ id, expiresAt: made.body.expiresAt, state: 'opened' });
  });
});

describe('the handover read limit in Redis', () => {
  let limited: RedisApps;
  beforeAll(async () => {
    limited = await startRedisApps(2, { handoverReadRateLimit: { windowMs: 60_000, max: 3 } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('when one address reads through both instances, then the reads count together', async () => {
    const [a, b] = limited.apps as [TestApp, TestApp];
    for (const app of [a, b, a]) {
      await request(app.server).post('/api/handovers/AAAAAAAAAAAAAAAAAAAAAA').send({}).expect(404);
    }
    const res = await request(b.server).post('/api/handovers/AAAAAAAAAAAAAAAAAAAAAA').send({});
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate_limited');
    const keys = (await limited.server.dump()).map((e) => e.key);
    expect(keys.some((k) => k.startsWith('b2wiz:ratelimit:handover:'))).toBe(true);
  });
});
