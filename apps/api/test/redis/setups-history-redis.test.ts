// The history and undo with the apply records in Redis: one instance makes the setup, the other
// lists it (without the secret) and undoes it, and the first then sees it undone.
import type { Emulator } from '@b2wiz/b2-emulator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyWithCookie, connectMaster, newApply, type TestApp } from '../helpers';
import { startRedisApps, type RedisApps } from './redis-apps';

let world: RedisApps;
let emulator: Emulator;
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  world = await startRedisApps(2);
  ({ emulator } = world);
  [first, second] = world.apps as [TestApp, TestApp];
});
afterAll(async () => {
  await world?.close();
});

describe('setups in Redis', () => {
  it('are listed and undone by either instance', async () => {
    const res = await connectMaster(first.agent(), emulator).expect(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const body = { ...newApply('rclone', 'redis-history'), customer: 'Acme GmbH' };
    const applied = await applyWithCookie(first, cookie, body);
    expect(applied.status).toBe(200);
    const secret = applied.body.key.applicationKey as string;
    const bucketId = applied.body.bucket.bucketId as string;

    const listed = await request(second.server)
      .get('/api/setups')
      .set('Cookie', cookie)
      .expect(200);
    expect(listed.text).not.toContain(secret);
    expect(listed.body.setups).toMatchObject([
      { idempotencyKey: body.idempotencyKey, customer: 'Acme GmbH', canUndo: true, undone: null },
    ]);

    await request(second.server)
      .delete(`/api/setups/${body.idempotencyKey}`)
      .set('Cookie', cookie)
      .expect(200);
    expect(emulator.state().buckets.some((b) => b.bucketId === bucketId)).toBe(false);
    const after = await request(first.server).get('/api/setups').set('Cookie', cookie).expect(200);
    expect(after.body.setups).toMatchObject([{ canUndo: false }]);
    expect(after.body.setups[0].undone).toMatch(/^Removed the application key “rclone-key”/);
  });
});
