// The practice sandbox with an account per session: two practice users never see each other's
// buckets, and a sandbox that does not answer is a plain-words error.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  setupRequest,
  startApp,
  startEmulator,
  idempotencyKey,
  uniqueName,
  type TestApp,
} from './helpers';

const TOKEN = 'practice-accounts-token-for-tests';
let sandbox: Emulator;
let t: TestApp;

beforeAll(async () => {
  sandbox = await startEmulator({ adminMode: 'sandbox', adminToken: TOKEN });
  t = await startApp({ sandbox, sandboxToken: TOKEN });
});
afterAll(async () => {
  await t?.close();
  await sandbox?.close();
});

describe('the practice sandbox, one account per session', () => {
  it('when two people practise at once, then each has an account of their own and sees only their own buckets', async () => {
    const alice = t.agent();
    const bob = t.agent();
    const a = await alice.post('/api/session').send({ sandbox: true }).expect(200);
    const b = await bob.post('/api/session').send({ sandbox: true }).expect(200);
    expect(a.body.sandbox).toBe(true);
    expect(a.body.accountId).not.toBe(b.body.accountId);
    expect(a.body.accountId).not.toBe(sandbox.accountId);
    expect(a.body.isMasterKey).toBe(true);
    const name = uniqueName('alice');
    await alice
      .post('/api/setup/apply')
      .send({ ...setupRequest('rclone', name), idempotencyKey: idempotencyKey() })
      .expect(200);
    const mine = await alice.get('/api/buckets').expect(200);
    expect(mine.body.buckets.map((x: { bucketName: string }) => x.bucketName)).toEqual([name]);
    const theirs = await bob.get('/api/buckets').expect(200);
    expect(theirs.body.buckets).toEqual([]);
  });

  it('when the sandbox refuses the token, then connecting says so in plain words and the sandbox can be tried again', async () => {
    const wrong = await startApp({ sandbox, sandboxToken: 'not-the-right-token-at-all' });
    try {
      const res = await wrong.agent().post('/api/session').send({ sandbox: true }).expect(502);
      expect(res.body.error.code).toBe('sandbox_unavailable');
      expect(res.body.error.message).toBe(
        'The practice sandbox did not answer. Wait a moment and try again, or connect with your own application key.',
      );
      expect(res.body.error.retryable).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    } finally {
      await wrong.close();
    }
  });
});
