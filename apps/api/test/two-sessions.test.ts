// Two users at once: different cookies, different accounts (B2_API_URL and the sandbox are two
// emulators), concurrent applies; nothing of one may show up in the other.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectMaster,
  idempotencyKey,
  setupRequest,
  startApp,
  startEmulator,
  totalCalls,
  type TestApp,
} from './helpers';

let real: Emulator;
let sandbox: Emulator;
let t: TestApp;

beforeAll(async () => {
  real = await startEmulator({
    masterKeyId: '004aaaabbbbcccc0000000000',
    masterKey: 'K004SecondAccountMasterKeyXYZ',
    latencyMs: 20,
  });
  sandbox = await startEmulator({ latencyMs: 5 });
  t = await startApp({ b2ApiUrl: real.url, sandbox });
});
afterAll(async () => {
  await t.close();
  await real.close();
  await sandbox.close();
});

describe('two sessions side by side', () => {
  it('when two users apply at the same time against two accounts, then each gets and sees only their own', async () => {
    const alice = t.agent();
    const bob = t.agent();
    const aliceSession = await connectMaster(alice, real).expect(200);
    const bobSession = await bob.post('/api/session').send({ sandbox: true }).expect(200);
    const cookie = (res: { headers: Record<string, unknown> }) =>
      String(res.headers['set-cookie']).split(';')[0];
    expect(cookie(aliceSession)).not.toBe(cookie(bobSession));
    expect(aliceSession.body.accountId).toBe('aaaabbbbcccc');
    expect(bobSession.body.accountId).toBe(sandbox.accountId);
    expect(aliceSession.body.accountId).not.toBe(bobSession.body.accountId);

    const aliceKey = idempotencyKey();
    const bobKey = idempotencyKey();
    const aliceRequest = setupRequest('rclone', 'alice-bucket-001');
    const bobRequest = setupRequest('restic', 'bob-bucket-0001');
    const [a, b, a2, b2] = await Promise.all([
      alice.post('/api/setup/apply').send({ ...aliceRequest, idempotencyKey: aliceKey }),
      bob.post('/api/setup/apply').send({ ...bobRequest, idempotencyKey: bobKey }),
      alice.post('/api/setup/plan').send(setupRequest('rclone', 'alice-plan-only')),
      bob.get('/api/buckets'),
    ]);
    expect([a.status, b.status, a2.status, b2.status]).toEqual([200, 200, 200, 200]);

    const realState = real.state();
    const sandboxState = sandbox.state();
    const own = (state: typeof realState, accountId: string) =>
      state.buckets.filter((x) => x.accountId === accountId).map((x) => x.bucketName);
    expect(own(realState, 'aaaabbbbcccc')).toEqual(['alice-bucket-001']);
    expect(own(sandboxState, sandbox.accountId)).toEqual(['bob-bucket-0001']);
    expect(realState.keys.map((k) => k.applicationKeyId)).toEqual([a.body.key.applicationKeyId]);
    expect(sandboxState.keys.map((k) => k.applicationKeyId)).toEqual([b.body.key.applicationKeyId]);
    expect(a.body.bucket.bucketName).toBe('alice-bucket-001');
    expect(b.body.bucket.bucketName).toBe('bob-bucket-0001');
    expect(a.body.verification.ok).toBe(true);
    expect(b.body.verification.ok).toBe(true);

    // Each sees their own summary, and their own stored result.
    expect((await alice.get('/api/session').expect(200)).body.sandbox).toBe(false);
    expect((await bob.get('/api/session').expect(200)).body.sandbox).toBe(true);
    const calls = totalCalls(real) + totalCalls(sandbox);
    const aliceAgain = await alice
      .post('/api/setup/apply')
      .send({ ...aliceRequest, idempotencyKey: aliceKey })
      .expect(200);
    const bobAgain = await bob
      .post('/api/setup/apply')
      .send({ ...bobRequest, idempotencyKey: bobKey })
      .expect(200);
    expect(aliceAgain.body).toEqual(a.body);
    expect(bobAgain.body).toEqual(b.body);
    expect(totalCalls(real) + totalCalls(sandbox)).toBe(calls);

    // Bob's idempotencyKey means nothing in Alice's session: hers are hers.
    const crossed = await alice.post('/api/setup/plan').send(bobRequest).expect(200);
    expect(crossed.body.steps[0].kind).toBe('createBucket');

    // Forgetting Bob leaves Alice connected.
    await bob.delete('/api/session').expect(204);
    await bob.get('/api/session').expect(401);
    await alice.get('/api/session').expect(200);
  });
});
