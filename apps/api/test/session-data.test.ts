// Sessions and apply records are plain data in their stores: a second app sharing the stores
// (as two processes share Redis) serves the same browser, and work in progress keeps a session.
import type { Emulator } from '@b2wiz/b2-emulator';
import { setupResultSchema } from '@b2wiz/shared';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  connectMaster,
  startApp,
  startEmulator,
  writeCalls,
  type TestApp,
  applyWithCookie,
  newApply,
} from './helpers';

let emulator: Emulator;
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  emulator = await startEmulator();
  first = await startApp({ b2ApiUrl: emulator.url });
  second = await startApp({ b2ApiUrl: emulator.url, shared: first });
});
afterAll(async () => {
  await first.close();
  await second.close();
  await emulator.close();
});
beforeEach(() => emulator.reset());
afterEach(() => emulator.setLatency(0));

async function connect(): Promise<{ cookie: string; id: string }> {
  const res = await connectMaster(first.agent(), emulator).expect(200);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { cookie, id: cookie.split('=')[1]! };
}

describe('a session as plain data', () => {
  it('when a key connects, then the store holds only data: summary, B2 sign-in, start and last use', async () => {
    const { id } = await connect();
    const stored = (await first.sessions.get(id))!;
    expect(Object.keys(stored).sort()).toEqual([
      'createdAt',
      'id',
      'lastSeenAt',
      'login',
      'summary',
    ]);
    // Survives JSON unchanged, so it can be written anywhere: no connection, Promise or Map.
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(stored.login.baseUrl).toBe(emulator.url);
    expect(stored.login.applicationKeyId).toBe(emulator.masterKeyId);
    expect(stored.login.version).toBe('v2');
    expect(stored.login.authorization.accountId).toBe(stored.summary.accountId);
    expect(stored.login.authorizationToken.length).toBeGreaterThan(0);
  });

  it('when another app shares the stores, then it serves the same browser without signing in again', async () => {
    const { cookie } = await connect();
    emulator.resetCallCounts();
    const res = await request(second.server).get('/api/buckets').set('Cookie', cookie).expect(200);
    expect(res.body.buckets).toEqual([]);
    // The connection was rebuilt from the stored sign-in: one list call, no authorize.
    expect(emulator.callCounts()['b2_list_buckets']).toBe(1);
    expect(emulator.callCounts()['b2_authorize_account'] ?? 0).toBe(0);
  });

  it('when B2 expires the token, then the renewed one is kept and later requests use it', async () => {
    const { cookie, id } = await connect();
    const before = (await first.sessions.get(id))!.login.authorizationToken;
    expect(emulator.expireTokens()).toBeGreaterThan(0);
    emulator.resetCallCounts();
    await request(first.server).get('/api/buckets').set('Cookie', cookie).expect(200);
    expect(emulator.callCounts()['b2_authorize_account']).toBe(1);
    await expect
      .poll(async () => (await first.sessions.get(id))!.login.authorizationToken)
      .not.toBe(before);
    // The other app reads the renewed token: no second re-authorization.
    await request(second.server).get('/api/buckets').set('Cookie', cookie).expect(200);
    expect(emulator.callCounts()['b2_authorize_account']).toBe(1);
  });

  it('when an apply is replayed through the other app, then the same result comes back with no B2 write', async () => {
    const { cookie } = await connect();
    const body = newApply('rclone', 'shared');
    const once = await applyWithCookie(first, cookie, body).expect(200);
    const writes = writeCalls(emulator);
    const again = await applyWithCookie(second, cookie, body).expect(200);
    expect(setupResultSchema.parse(again.body)).toEqual(setupResultSchema.parse(once.body));
    expect(writeCalls(emulator)).toBe(writes);
  });

  it('when the session ends, then its apply records go with it', async () => {
    const { cookie, id } = await connect();
    const body = newApply('rclone', 'ended');
    await applyWithCookie(first, cookie, body).expect(200);
    expect(await first.records.get(id, body.idempotencyKey)).toBeDefined();
    await request(first.server).delete('/api/session').set('Cookie', cookie).expect(204);
    expect(await first.records.get(id, body.idempotencyKey)).toBeUndefined();
    expect(await first.sessions.get(id)).toBeUndefined();
  });
});

describe('work in progress', () => {
  it('when an apply outlasts the idle limit, then the sweep spares the session and the idle time restarts after it', async () => {
    const { cookie, id } = await connect();
    emulator.setLatency(40);
    const body = newApply('rclone', 'slow');
    const applying = applyWithCookie(first, cookie, body).then((res) => res);
    // Wait until the apply has reached B2, then let the idle limit (30 minutes) pass.
    await expect.poll(() => emulator.callCounts()['b2_create_bucket'] ?? 0).toBe(1);
    first.clock.advance(31 * 60_000);
    expect(await first.sessions.sweep()).not.toContain(id);
    expect((await applying).status).toBe(200);
    // Idle counts from the end of the work: the session is still there.
    const summary = await request(first.server).get('/api/session').set('Cookie', cookie);
    expect(summary.status).toBe(200);
    first.clock.advance(31 * 60_000);
    expect(await first.sessions.sweep()).toContain(id);
    expect(await first.sessions.get(id)).toBeUndefined();
  });
});
