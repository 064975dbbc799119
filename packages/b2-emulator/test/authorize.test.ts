import { describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNT_ID,
  DEMO_MASTER_KEY,
  MASTER_CAPABILITIES,
  TOKEN_LIFETIME_MS,
  createEmulator,
} from '../src/index';
import { authorize, basic, callB2, http, makeBucket, makeKey, useEmulator } from './helpers';

describe('b2_authorize_account', () => {
  const emu = useEmulator();

  it('when the demo defaults are used, then the master key id is the account id', () => {
    expect(emu().accountId).toBe(DEMO_ACCOUNT_ID);
    expect(emu().masterKeyId).toBe(DEMO_ACCOUNT_ID);
    expect(emu().masterKey).toBe(DEMO_MASTER_KEY);
    expect(emu().region).toBe('us-west-004');
    expect(emu().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu().s3ApiUrl).toBe(emu().url);
  });

  it('when v2 is called with GET and Basic auth, then it answers the flat v2 shape with a Date header', async () => {
    const res = await http(`${emu().url}/b2api/v2/b2_authorize_account`, {
      headers: { Authorization: basic(emu().masterKeyId, emu().masterKey) },
    });
    expect(res.status).toBe(200);
    expect(new Date(res.headers.get('date') ?? '').getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(res.headers.get('date')).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    );
    expect(res.body).toEqual({
      accountId: DEMO_ACCOUNT_ID,
      authorizationToken: expect.stringMatching(/^4_/),
      allowed: {
        bucketId: null,
        bucketName: null,
        capabilities: [...MASTER_CAPABILITIES],
        namePrefix: null,
      },
      apiUrl: emu().url,
      downloadUrl: emu().url,
      s3ApiUrl: emu().url,
      recommendedPartSize: 100000000,
      absoluteMinimumPartSize: 5000000,
      minimumPartSize: 100000000,
    });
  });

  it('when v3 is called with POST {} (as b2sdk does), then it answers the grouped v3 shape', async () => {
    const res = await http(`${emu().url}/b2api/v3/b2_authorize_account`, {
      method: 'POST',
      headers: {
        Authorization: basic(emu().masterKeyId, emu().masterKey),
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accountId: DEMO_ACCOUNT_ID,
      authorizationToken: expect.any(String),
      applicationKeyExpirationTimestamp: null,
      apiInfo: {
        storageApi: {
          infoType: 'storageApi',
          apiUrl: emu().url,
          downloadUrl: emu().url,
          s3ApiUrl: emu().url,
          recommendedPartSize: 100000000,
          absoluteMinimumPartSize: 5000000,
          bucketId: null,
          bucketName: null,
          capabilities: [...MASTER_CAPABILITIES],
          namePrefix: null,
        },
      },
    });
  });

  it('when v4 is called, then storageApi.allowed carries buckets, capabilities and namePrefix', async () => {
    const res = await http<{ apiInfo: { storageApi: Record<string, unknown> } }>(
      `${emu().url}/b2api/v4/b2_authorize_account`,
      {
        headers: { Authorization: basic(emu().masterKeyId, emu().masterKey) },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.apiInfo.storageApi.allowed).toEqual({
      buckets: null,
      capabilities: [...MASTER_CAPABILITIES],
      namePrefix: null,
    });
    expect(res.body.apiInfo.storageApi).not.toHaveProperty('bucketId');
  });

  it('when the master key lacks readBuckets and listAllBucketNames, then that mirrors a live master key', () => {
    expect(MASTER_CAPABILITIES).not.toContain('readBuckets');
    expect(MASTER_CAPABILITIES).not.toContain('listAllBucketNames');
    expect(MASTER_CAPABILITIES).toContain('writeKeys');
  });

  it('when the secret is wrong or the key unknown, then 401 unauthorized', async () => {
    for (const auth of [
      basic(emu().masterKeyId, 'wrong'),
      basic('nosuchkey', emu().masterKey),
      'Basic !!!',
      'Bearer x',
    ]) {
      const res = await http(`${emu().url}/b2api/v2/b2_authorize_account`, {
        headers: { Authorization: auth },
      });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ status: 401, code: 'unauthorized' });
      expect(res.headers.get('date')).toBeTruthy();
    }
    const none = await http(`${emu().url}/b2api/v2/b2_authorize_account`);
    expect(none.body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('when a bucket-restricted key authorizes, then allowed names its bucket and prefix in every version', async () => {
    const master = await authorize(emu());
    const bucketId = await makeBucket(master, 'restricted-one');
    const key = await makeKey(master, {
      capabilities: ['listBuckets', 'readFiles'],
      bucketId,
      namePrefix: 'logs/',
    });
    const v2 = await http(`${emu().url}/b2api/v2/b2_authorize_account`, {
      headers: { Authorization: basic(key.applicationKeyId, key.applicationKey) },
    });
    expect(v2.body.allowed).toEqual({
      bucketId,
      bucketName: 'restricted-one',
      capabilities: ['listBuckets', 'readFiles'],
      namePrefix: 'logs/',
    });
    const v3 = await http<{ apiInfo: { storageApi: Record<string, unknown> } }>(
      `${emu().url}/b2api/v3/b2_authorize_account`,
      {
        headers: { Authorization: basic(key.applicationKeyId, key.applicationKey) },
      },
    );
    expect(v3.body.apiInfo.storageApi).toMatchObject({
      bucketId,
      bucketName: 'restricted-one',
      namePrefix: 'logs/',
    });
    const v4 = await http<{ apiInfo: { storageApi: { allowed: unknown } } }>(
      `${emu().url}/b2api/v4/b2_authorize_account`,
      {
        headers: { Authorization: basic(key.applicationKeyId, key.applicationKey) },
      },
    );
    expect(v4.body.apiInfo.storageApi.allowed).toEqual({
      buckets: [{ id: bucketId, name: 'restricted-one' }],
      capabilities: ['listBuckets', 'readFiles'],
      namePrefix: 'logs/',
    });
  });

  it('when the bucket of a restricted key was deleted, then the key still authorizes with bucketName null', async () => {
    const master = await authorize(emu());
    const bucketId = await makeBucket(master, 'soon-gone');
    const key = await makeKey(master, { capabilities: ['listFiles'], bucketId });
    await master.call('b2_delete_bucket', { accountId: master.accountId, bucketId });
    const res = await http(`${emu().url}/b2api/v2/b2_authorize_account`, {
      headers: { Authorization: basic(key.applicationKeyId, key.applicationKey) },
    });
    expect(res.status).toBe(200);
    expect(res.body.allowed).toMatchObject({ bucketId, bucketName: null });
  });

  it('when a call has no Authorization header, then 401 bad_auth_token "missing auth token"', async () => {
    const res = await callB2(emu().url, undefined, 'b2_list_buckets', {
      accountId: DEMO_ACCOUNT_ID,
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      status: 401,
      code: 'bad_auth_token',
      message: 'missing auth token',
    });
  });

  it('when a call carries a made-up token, then 401 bad_auth_token', async () => {
    const res = await callB2(emu().url, '4_notatoken', 'b2_list_buckets', {
      accountId: DEMO_ACCOUNT_ID,
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('bad_auth_token');
  });

  it('when 24 hours pass, then the token answers 401 expired_auth_token and re-authorizing works', async () => {
    const s = await authorize(emu());
    emu().advanceTime(TOKEN_LIFETIME_MS - 1000);
    expect((await s.call('b2_list_buckets', { accountId: s.accountId })).status).toBe(200);
    emu().advanceTime(2000);
    const res = await s.call('b2_list_buckets', { accountId: s.accountId });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 401, code: 'expired_auth_token' });
    const again = await authorize(emu());
    expect((await again.call('b2_list_buckets', { accountId: s.accountId })).status).toBe(200);
  });

  it('when the admin route expires one token, then only that token fails', async () => {
    const a = await authorize(emu());
    const b = await authorize(emu());
    const res = await http(`${emu().url}/__emulator/expire-tokens`, {
      method: 'POST',
      body: JSON.stringify({ token: a.token }),
    });
    expect(res.body).toEqual({ expired: 1 });
    expect((await a.call('b2_list_buckets', { accountId: a.accountId })).body.code).toBe(
      'expired_auth_token',
    );
    expect((await b.call('b2_list_buckets', { accountId: b.accountId })).status).toBe(200);
    const unknown = await http(`${emu().url}/__emulator/expire-tokens`, {
      method: 'POST',
      body: JSON.stringify({ token: 'nope' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('when the admin route expires all tokens, then every token fails at once', async () => {
    const a = await authorize(emu());
    const b = await authorize(emu());
    const res = await http(`${emu().url}/__emulator/expire-tokens`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.body.expired).toBeGreaterThanOrEqual(2);
    for (const s of [a, b])
      expect((await s.call('b2_list_buckets', { accountId: s.accountId })).body.code).toBe(
        'expired_auth_token',
      );
  });

  it('when a key with validDurationInSeconds expires, then it no longer authorizes and its tokens expire', async () => {
    const master = await authorize(emu());
    const key = await makeKey(master, {
      capabilities: ['listBuckets'],
      validDurationInSeconds: 60,
    });
    const s = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    emu().advanceTime(61_000);
    expect((await s.call('b2_list_buckets', { accountId: s.accountId })).body.code).toBe(
      'expired_auth_token',
    );
    const res = await http(`${emu().url}/b2api/v2/b2_authorize_account`, {
      headers: { Authorization: basic(key.applicationKeyId, key.applicationKey) },
    });
    expect(res.body.code).toBe('unauthorized');
  });

  it('when a v1 path is used, then it answers as v2 (rclone 1.60 calls v1); an unknown call is 501, an unknown version 404', async () => {
    const v1 = await http(`${emu().url}/b2api/v1/b2_authorize_account`, {
      headers: { Authorization: basic(emu().masterKeyId, emu().masterKey) },
    });
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ accountId: emu().accountId, allowed: { bucketId: null } });
    const v5 = await http(`${emu().url}/b2api/v5/b2_authorize_account`, {
      headers: { Authorization: basic(emu().masterKeyId, emu().masterKey) },
    });
    expect(v5.body).toMatchObject({ status: 404, code: 'not_found' });
    const s = await authorize(emu());
    expect((await s.call('b2_no_such_call')).status).toBe(501);
    expect((await s.call('b2_list_buckets', { accountId: s.accountId }, 1)).status).toBe(200);
  });
});

describe('createEmulator options', () => {
  it('when a new-style master key id, region and s3Url are given, then the account id and URLs follow them', async () => {
    const emu = await createEmulator({
      masterKeyId: '005aabbccddeeff0000000000',
      masterKey: 'K005secret',
      region: 'eu-central-003',
      s3Url: 'http://s3.example.test',
    });
    try {
      expect(emu.accountId).toBe('aabbccddeeff');
      expect(emu.region).toBe('eu-central-003');
      const byKeyId = await authorize(emu, '005aabbccddeeff0000000000', 'K005secret');
      expect(byKeyId.accountId).toBe('aabbccddeeff');
      // The account id may stand in for the master key id.
      const byAccountId = await http(`${emu.url}/b2api/v2/b2_authorize_account`, {
        headers: { Authorization: basic('aabbccddeeff', 'K005secret') },
      });
      expect(byAccountId.status).toBe(200);
      expect(byAccountId.body.s3ApiUrl).toBe('http://s3.example.test');
      const key = await makeKey(byKeyId, { capabilities: ['listFiles'] });
      expect(key.applicationKeyId).toMatch(/^003aabbccddeeff\d{10}$/);
      expect(key.applicationKey).toMatch(/^K003[A-Za-z0-9+/]{27}$/);
    } finally {
      await emu.close();
    }
  });

  it('when B2_EMULATOR_MASTER_KEY_ID and B2_EMULATOR_MASTER_KEY are set, then they become the master key', async () => {
    const saved = { ...process.env };
    process.env.B2_EMULATOR_MASTER_KEY_ID = 'abcdefabcdef';
    process.env.B2_EMULATOR_MASTER_KEY = 'K004fromTheEnvironment';
    try {
      const emu = await createEmulator();
      try {
        expect(emu.masterKeyId).toBe('abcdefabcdef');
        expect((await authorize(emu, 'abcdefabcdef', 'K004fromTheEnvironment')).accountId).toBe(
          'abcdefabcdef',
        );
      } finally {
        await emu.close();
      }
    } finally {
      process.env.B2_EMULATOR_MASTER_KEY_ID = saved.B2_EMULATOR_MASTER_KEY_ID;
      process.env.B2_EMULATOR_MASTER_KEY = saved.B2_EMULATOR_MASTER_KEY;
      if (saved.B2_EMULATOR_MASTER_KEY_ID === undefined)
        delete process.env.B2_EMULATOR_MASTER_KEY_ID;
      if (saved.B2_EMULATOR_MASTER_KEY === undefined) delete process.env.B2_EMULATOR_MASTER_KEY;
    }
  });
});
