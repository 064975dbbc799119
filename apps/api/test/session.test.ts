import type { Emulator } from '@b2wiz/b2-emulator';
import { accountSummarySchema, errorEnvelopeSchema } from '@b2wiz/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  B2_LIKE_S3_URL,
  b2Native,
  connectMaster,
  createKeyOnEmulator,
  setupRequest,
  startApp,
  startEmulator,
  uniqueName,
  type TestApp,
} from './helpers';

let emulator: Emulator;
let sandbox: Emulator;
let t: TestApp;

beforeAll(async () => {
  // Connecting only: the S3 URL may look like B2's.
  emulator = await startEmulator({ s3Url: B2_LIKE_S3_URL });
  sandbox = await startEmulator({
    region: 'eu-central-003',
    s3Url: 'http://127.0.0.1:1/s3-sandbox',
  });
  t = await startApp({ b2ApiUrl: emulator.url, sandbox, config: { sessionIdleMs: 30 * 60_000 } });
});
afterAll(async () => {
  await t.close();
  await emulator.close();
  await sandbox.close();
});
beforeEach(() => {
  emulator.reset();
  sandbox.reset();
});

describe('POST /api/session', () => {
  it('when the master key connects, then the summary says so and sets a strict HttpOnly cookie', async () => {
    const res = await connectMaster(t.agent(), emulator).expect(200);
    const summary = accountSummarySchema.parse(res.body);
    expect(summary).toMatchObject({
      accountId: emulator.accountId,
      isMasterKey: true,
      missingCapabilities: [],
      restrictedBucket: null,
      namePrefix: null,
      s3Endpoint: B2_LIKE_S3_URL,
      s3Region: 'us-west-004',
      sandbox: false,
    });
    expect(summary.capabilities).toContain('writeKeys');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^b2wiz_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api');
    expect(cookie).not.toContain('Secure'); // plain http here
    expect(JSON.stringify(res.body)).not.toContain(emulator.masterKey);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when B2_API_URL is an emulator whose S3 URL names no region, then the configured fallback region is reported', async () => {
    const plain = await startEmulator({ s3Url: undefined });
    const app = await startApp({
      b2ApiUrl: plain.url,
      config: { fallbackS3Region: 'eu-central-003' },
    });
    try {
      const res = await connectMaster(app.agent(), plain).expect(200);
      expect(res.body).toMatchObject({ s3Endpoint: plain.url, s3Region: 'eu-central-003' });
    } finally {
      await app.close();
      await plain.close();
    }
  });

  it.each([
    // Not B2's host, so the loose reading: the region is the label after "s3.", slashes trimmed.
    ['http://s3.ca-east-006.b2.test:9000///', 'http://s3.ca-east-006.b2.test:9000', 'ca-east-006'],
    // No "s3." first: no region in it, so the fallback; the path stays.
    [
      'http://storage.s3.ca-east-006.b2.test/s3/',
      'http://storage.s3.ca-east-006.b2.test/s3',
      'eu-central-003',
    ],
    ['http://s3..b2.test/', 'http://s3..b2.test', 'eu-central-003'],
  ])(
    'when the emulator reports the S3 URL %s, then the endpoint is %s in region %s',
    async (s3Url, endpoint, region) => {
      const odd = await startEmulator({ s3Url });
      const app = await startApp({
        b2ApiUrl: odd.url,
        config: { fallbackS3Region: 'eu-central-003' },
      });
      try {
        const res = await connectMaster(app.agent(), odd).expect(200);
        expect(res.body).toMatchObject({ s3Endpoint: endpoint, s3Region: region });
      } finally {
        await app.close();
        await odd.close();
      }
    },
  );

  it('when served over HTTPS (behind a trusted proxy), then the cookie is Secure', async () => {
    const behindProxy = await startApp({
      b2ApiUrl: emulator.url,
      config: { trustProxy: 'loopback' },
    });
    try {
      const res = await connectMaster(behindProxy.agent(), emulator)
        .set('X-Forwarded-Proto', 'https')
        .expect(200);
      expect(String(res.headers['set-cookie'])).toContain('Secure');
    } finally {
      await behindProxy.close();
    }
  });

  it('when the key is wrong, then 401 bad_credentials in plain words and no cookie', async () => {
    const res = await t
      .agent()
      .post('/api/session')
      .send({ applicationKeyId: emulator.masterKeyId, applicationKey: 'K000wrongwrongwrong' })
      .expect(401);
    const { error } = errorEnvelopeSchema.parse(res.body);
    expect(error.code).toBe('bad_credentials');
    expect(error.message).toContain('Backblaze did not accept this application key ID and key.');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('K000wrongwrongwrong');
  });

  it('when a field is missing or malformed, then 400 invalid_request names that field', async () => {
    const missing = await t
      .agent()
      .post('/api/session')
      .send({ applicationKeyId: emulator.masterKeyId })
      .expect(400);
    expect(missing.body.error).toMatchObject({ code: 'invalid_request', field: 'applicationKey' });
    expect(missing.body.error.issues).toEqual([
      { field: 'applicationKey', message: 'Enter the application key.' },
    ]);

    const badId = await t
      .agent()
      .post('/api/session')
      .send({ applicationKeyId: 'has space', applicationKey: 'K000abc' })
      .expect(400);
    expect(badId.body.error.field).toBe('applicationKeyId');
    expect(badId.body.error.message).toMatch(/only letters and digits/);

    const sandboxFalse = await t.agent().post('/api/session').send({ sandbox: false }).expect(400);
    expect(sandboxFalse.body.error.field).toBe('sandbox');
  });

  it('when a key lacks writeKeys, then it still connects and the summary names what is missing', async () => {
    const key = await createKeyOnEmulator(emulator, ['listBuckets', 'writeBuckets', 'listFiles']);
    const agent = t.agent();
    const res = await agent.post('/api/session').send(key).expect(200);
    expect(res.body.isMasterKey).toBe(false);
    expect(res.body.capabilities).toEqual(['listBuckets', 'writeBuckets', 'listFiles']);
    expect(res.body.missingCapabilities).toEqual(
      expect.arrayContaining(['writeKeys', 'listKeys', 'deleteKeys']),
    );
    expect(res.body.missingCapabilities).not.toContain('listBuckets');

    const plan = await agent
      .post('/api/setup/plan')
      .send(setupRequest('rclone', uniqueName()))
      .expect(403);
    expect(plan.body.error.code).toBe('missing_capability');
    expect(plan.body.error.message).toContain('“writeKeys”');
    expect(plan.body.error.message).toContain('create application keys');
  });

  it('when a key is restricted to a bucket and a prefix, then the summary shows both', async () => {
    const bucketName = uniqueName('restricted');
    const bucket = await b2Native(emulator, 'b2_create_bucket', {
      bucketName,
      bucketType: 'allPrivate',
    });
    const key = await createKeyOnEmulator(emulator, ['listBuckets', 'listFiles', 'readFiles'], {
      bucketId: bucket.bucketId,
      namePrefix: 'backups/',
    });
    const res = await t.agent().post('/api/session').send(key).expect(200);
    expect(res.body.restrictedBucket).toEqual({ bucketId: bucket.bucketId, bucketName });
    expect(res.body.namePrefix).toBe('backups/');
  });

  it('when the sandbox is asked for, then it connects to the in-process emulator with its S3 URL and region', async () => {
    const agent = t.agent();
    const res = await agent.post('/api/session').send({ sandbox: true }).expect(200);
    expect(res.body).toMatchObject({
      accountId: sandbox.accountId,
      isMasterKey: true,
      sandbox: true,
      s3Endpoint: 'http://127.0.0.1:1/s3-sandbox',
      s3Region: 'eu-central-003',
    });
    expect(sandbox.callCounts().b2_authorize_account).toBe(1);
    expect(emulator.callCounts().b2_authorize_account ?? 0).toBe(0);
    expect(JSON.stringify(res.body)).not.toContain(sandbox.masterKey);
  });

  it('when the sandbox is turned off, then asking for it is refused with 403 sandbox_off', async () => {
    const noSandbox = await startApp({ b2ApiUrl: emulator.url, sandbox: null });
    try {
      const res = await noSandbox.agent().post('/api/session').send({ sandbox: true }).expect(403);
      expect(res.body.error.code).toBe('sandbox_off');
    } finally {
      await noSandbox.close();
    }
  });

  it('when one key fails to connect too often from one address, then 429 rate_limited as JSON; other keys and good connects are not held back', async () => {
    const limited = await startApp({
      b2ApiUrl: emulator.url,
      config: { sessionRateLimit: { windowMs: 60_000, max: 3 } },
    });
    try {
      // Good connects do not count.
      for (let i = 0; i < 4; i += 1) await connectMaster(limited.agent(), emulator).expect(200);
      const typo = { applicationKeyId: '0051234567890ab0000000001', applicationKey: 'K005wrong' };
      for (let i = 0; i < 3; i += 1) {
        await limited.agent().post('/api/session').send(typo).expect(401);
      }
      const res = await limited.agent().post('/api/session').send(typo).expect(429);
      expect(res.body.error.code).toBe('rate_limited');
      expect(res.body.error.message).toBe(
        'Too many failed connection attempts with this key from this address. Check the key ID and key, wait a minute, then try again.',
      );
      expect(res.headers['content-type']).toMatch(/application\/json/);
      // Someone else behind the same address, with a good key, still gets in.
      await connectMaster(limited.agent(), emulator).expect(200);
      // Reading the session is not limited.
      await limited.agent().get('/api/session').expect(401);
    } finally {
      await limited.close();
    }
  });
});

describe('GET and DELETE /api/session', () => {
  it('when connected, then GET answers the same summary; without a cookie, 401 not_connected', async () => {
    const agent = t.agent();
    const connected = await connectMaster(agent, emulator).expect(200);
    const again = await agent.get('/api/session').expect(200);
    expect(again.body).toEqual(connected.body);

    const stranger = await t.agent().get('/api/session').expect(401);
    expect(stranger.body.error.code).toBe('not_connected');
  });

  it('when DELETE is sent, then the credentials are forgotten at once and the cookie is cleared', async () => {
    const agent = t.agent();
    await connectMaster(agent, emulator).expect(200);
    const before = await t.sessions.size();
    const res = await agent.delete('/api/session').expect(204);
    expect(String(res.headers['set-cookie'])).toMatch(/b2wiz_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await t.sessions.size()).toBe(before - 1);
    await agent.get('/api/session').expect(401);
  });

  it('when a session stays idle past the limit, then it is gone; activity keeps it alive', async () => {
    const agent = t.agent();
    await connectMaster(agent, emulator).expect(200);
    t.clock.advance(29 * 60_000);
    await agent.get('/api/session').expect(200); // activity restarts the idle timer
    t.clock.advance(29 * 60_000);
    await agent.get('/api/session').expect(200);
    t.clock.advance(30 * 60_000 + 1);
    const res = await agent.get('/api/session').expect(401);
    expect(res.body.error.code).toBe('not_connected');
    // Also for the calls that do work.
    await agent.get('/api/buckets').expect(401);
  });

  it('when connecting again, then the old session is dropped and a new id is issued', async () => {
    const agent = t.agent();
    const first = await connectMaster(agent, emulator).expect(200);
    const firstCookie = String(first.headers['set-cookie']).split(';')[0];
    const size = await t.sessions.size();
    const second = await connectMaster(agent, emulator).expect(200);
    expect(String(second.headers['set-cookie']).split(';')[0]).not.toBe(firstCookie);
    expect(await t.sessions.size()).toBe(size);
  });

  it('when the idle sweep runs, then expired sessions leave memory', async () => {
    await connectMaster(t.agent(), emulator).expect(200);
    expect(await t.sessions.size()).toBeGreaterThan(0);
    t.clock.advance(31 * 60_000);
    expect(await t.app.sweep()).toBeGreaterThan(0);
    expect(await t.sessions.size()).toBe(0);
  });
});
