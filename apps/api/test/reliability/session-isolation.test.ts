// Sessions: two browsers side by side never see each other's buckets, results or secrets; an
// expired, forgotten or forged session cannot be used; the cookie and the headers are right; a
// cross-site POST is refused before it reaches B2.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  applySetup,
  connectMaster,
  idempotencyKey,
  setupRequest,
  startApp,
  startEmulator,
  type TestApp,
  totalCalls,
} from '../helpers';

let real: Emulator;
let sandbox: Emulator;
let t: TestApp;
let checks = 0;
let passed = 0;

beforeAll(async () => {
  // Two accounts: B2_API_URL's and the sandbox's.
  real = await startEmulator({
    masterKeyId: '004aaaabbbbcccc0000000000',
    masterKey: 'K004SecondAccountMasterKeyXYZ',
    latencyMs: 20,
    s3Url: undefined,
  });
  sandbox = await startEmulator({ latencyMs: 5, s3Url: undefined });
  t = await startApp({ b2ApiUrl: real.url, sandbox });
});
afterAll(async () => {
  console.log(`sessions: ${passed}/${checks} checks passed`);
  await t.close();
  await real.close();
  await sandbox.close();
});
beforeEach(() => {
  checks += 1;
});

/** Counts the check as passed once its assertions are through. */
const pass = () => {
  passed += 1;
};

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['set-cookie']).split(';')[0]!;

describe('two browsers side by side', () => {
  it('when two users apply at the same time against two accounts, then each gets and sees only their own', async () => {
    const alice = t.agent();
    const bob = t.agent();
    const aliceSession = await connectMaster(alice, real).expect(200);
    const bobSession = await bob.post('/api/session').send({ sandbox: true }).expect(200);
    expect(cookieOf(aliceSession)).not.toBe(cookieOf(bobSession));
    expect(aliceSession.body.accountId).toBe('aaaabbbbcccc');
    expect(bobSession.body.accountId).toBe(sandbox.accountId);

    const aliceKey = idempotencyKey();
    const bobKey = idempotencyKey();
    const aliceRequest = setupRequest('rclone', 'alice-bucket-001');
    // Bob's is an S3 tool's setup: its key check also goes to the sandbox's S3 endpoint.
    const bobRequest = setupRequest('restic', 'bob-bucket-0001');
    const [a, b, a2, b2] = await Promise.all([
      alice.post('/api/setup/apply').send({ ...aliceRequest, idempotencyKey: aliceKey }),
      bob.post('/api/setup/apply').send({ ...bobRequest, idempotencyKey: bobKey }),
      alice.post('/api/setup/plan').send(setupRequest('rclone', 'alice-plan-only')),
      bob.get('/api/buckets'),
    ]);
    expect([a.status, b.status, a2.status, b2.status]).toEqual([200, 200, 200, 200]);

    const own = (emulator: Emulator) =>
      emulator
        .state()
        .buckets.filter((x) => x.accountId === emulator.accountId)
        .map((x) => x.bucketName);
    expect(own(real)).toEqual(['alice-bucket-001']);
    expect(own(sandbox)).toEqual(['bob-bucket-0001']);
    expect(real.state().keys.map((k) => k.applicationKeyId)).toEqual([a.body.key.applicationKeyId]);
    expect(sandbox.state().keys.map((k) => k.applicationKeyId)).toEqual([
      b.body.key.applicationKeyId,
    ]);
    expect(a.body.verification.ok).toBe(true);
    expect(b.body.verification.ok).toBe(true);

    // Each lists only their own account's buckets.
    const aliceBuckets = await alice.get('/api/buckets').expect(200);
    const bobBuckets = await bob.get('/api/buckets').expect(200);
    const names = (res: { body: { buckets: { bucketName: string }[] } }) =>
      res.body.buckets.map((x) => x.bucketName);
    expect(names(aliceBuckets)).toEqual(['alice-bucket-001']);
    expect(names(bobBuckets)).toEqual(['bob-bucket-0001']);

    // Each gets their own stored result back, and only that.
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

    // Bob sends Alice's idempotencyKey and request: he gets no result of hers.
    const crossed = await bob
      .post('/api/setup/apply')
      .send({ ...aliceRequest, idempotencyKey: aliceKey });
    const everythingBobSaw = JSON.stringify([b.body, b2.body, bobBuckets.body, crossed.body]);
    expect(everythingBobSaw).not.toContain(a.body.key.applicationKey);
    expect(everythingBobSaw).not.toContain(a.body.key.applicationKeyId);
    expect(everythingBobSaw).not.toContain(a.body.bucket.bucketId);
    const everythingAliceSaw = JSON.stringify([a.body, a2.body, aliceBuckets.body]);
    expect(everythingAliceSaw).not.toContain(b.body.key.applicationKey);
    expect(everythingAliceSaw).not.toContain(b.body.bucket.bucketId);

    // Forgetting Bob leaves Alice connected.
    await bob.delete('/api/session').expect(204);
    await bob.get('/api/session').expect(401);
    await alice.get('/api/session').expect(200);
    pass();
  });
});

describe('sessions that must not work', () => {
  const everyRoute = async (cookie: string, key: string) => {
    const body = { ...setupRequest('rclone', 'never-made-0001'), idempotencyKey: key };
    const answers = await Promise.all([
      t.agent().get('/api/session').set('Cookie', cookie),
      t.agent().get('/api/buckets').set('Cookie', cookie),
      t.agent().post('/api/setup/plan').set('Cookie', cookie).send(body),
      t.agent().post('/api/setup/apply').set('Cookie', cookie).send(body),
    ]);
    return answers.map((res) => `${res.status} ${res.body.error?.code}`);
  };
  const refusedEverywhere = Array(4).fill('401 not_connected');

  it('when a session is forgotten, then its cookie (even replayed by hand) opens nothing, stored results included', async () => {
    const browser = t.agent();
    const cookie = cookieOf(await connectMaster(browser, real).expect(200));
    const key = idempotencyKey();
    await applySetup(browser, setupRequest('rclone', 'forgotten-0001'), key).expect(200);
    await browser.delete('/api/session').expect(204);
    const calls = totalCalls(real);
    expect(await everyRoute(cookie, key)).toEqual(refusedEverywhere);
    expect(totalCalls(real)).toBe(calls);
    pass();
  });

  it('when a session has been idle too long, then it is gone for every route, and connecting again gives a new id', async () => {
    const browser = t.agent();
    const cookie = cookieOf(await connectMaster(browser, real).expect(200));
    const key = idempotencyKey();
    await applySetup(browser, setupRequest('rclone', 'idle-bucket-001'), key).expect(200);
    t.clock.advance(30 * 60_000 + 1);
    expect(await everyRoute(cookie, key)).toEqual(refusedEverywhere);
    const again = cookieOf(await connectMaster(browser, real).expect(200));
    expect(again).not.toBe(cookie);
    pass();
  });

  it('when a cookie is made up or mangled, then it opens nothing', async () => {
    const browser = t.agent();
    const real_ = cookieOf(await connectMaster(browser, real).expect(200));
    const id = real_.split('=')[1]!;
    for (const forged of [
      `b2wiz_session=${'A'.repeat(43)}`,
      `b2wiz_session=${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`,
      `b2wiz_session=${id}; b2wiz_session=`,
      'b2wiz_session=../../etc',
      `B2WIZ_SESSION=${id}`,
    ]) {
      const res = await t.agent().get('/api/session').set('Cookie', forged);
      // A duplicated cookie name is read as the first one, like browsers send it.
      if (forged.startsWith(`b2wiz_session=${id};`)) expect(res.status).toBe(200);
      else expect(res.status, forged).toBe(401);
    }
    pass();
  });
});

describe('what the browser is told', () => {
  it('when a browser connects, then the cookie is HttpOnly, SameSite=Strict, for /api only, and Secure over HTTPS', async () => {
    const plain = String((await connectMaster(t.agent(), real).expect(200)).headers['set-cookie']);
    expect(plain).toMatch(
      /^b2wiz_session=[A-Za-z0-9_-]{43}; Path=\/api; HttpOnly; SameSite=Strict$/,
    );
    const proxied = await startApp({ b2ApiUrl: real.url, config: { trustProxy: 'loopback' } });
    try {
      const secure = String(
        (await connectMaster(proxied.agent(), real).set('X-Forwarded-Proto', 'https').expect(200))
          .headers['set-cookie'],
      );
      expect(secure).toContain('; Secure');
      expect(secure).toContain('HttpOnly');
      expect(secure).toContain('SameSite=Strict');
    } finally {
      await proxied.close();
    }
    pass();
  });

  it('when another site posts an apply with the victim’s cookie, then it is refused and B2 hears nothing', async () => {
    const victim = t.agent();
    const cookie = cookieOf(await connectMaster(victim, real).expect(200));
    const body = { ...setupRequest('rclone', 'csrf-bucket-001'), idempotencyKey: idempotencyKey() };
    const calls = totalCalls(real);
    const attacks = await Promise.all([
      t
        .agent()
        .post('/api/setup/apply')
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example')
        .send(body),
      t
        .agent()
        .post('/api/setup/apply')
        .set('Cookie', cookie)
        .set('Sec-Fetch-Site', 'cross-site')
        .send(body),
      // A form post: no preflight, so no JSON content type.
      t.agent().post('/api/setup/apply').set('Cookie', cookie).type('form').send('target=rclone'),
      t.agent().delete('/api/session').set('Cookie', cookie).set('Origin', 'null'),
    ]);
    expect(attacks.map((r) => `${r.status} ${r.body.error.code}`)).toEqual([
      '403 cross_site_request',
      '403 cross_site_request',
      '415 unsupported_media_type',
      '403 cross_site_request',
    ]);
    expect(totalCalls(real)).toBe(calls);
    await victim.get('/api/session').expect(200);
    pass();
  });

  it('when an apply answers with a secret, then it carries the security headers and is never cached', async () => {
    const browser = t.agent();
    await connectMaster(browser, real).expect(200);
    const res = await applySetup(browser, setupRequest('rclone', 'headers-bkt-001')).expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    pass();
  });
});
