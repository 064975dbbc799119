import { describe, expect, it } from 'vitest';
import { ALL_CAPABILITIES, BUCKET_KEY_CAPABILITIES, createEmulator } from '../src/index';
import { authorize, http, makeBucket, makeKey, useEmulator } from './helpers';

interface KeyBody {
  applicationKeyId: string;
  applicationKey?: string;
  [k: string]: unknown;
}

describe('b2_create_key', () => {
  const emu = useEmulator();

  it("when a bucket-restricted key is made on v2, then the secret comes back this once with B2's fields", async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'key-bucket-1');
    const res = await s.call<KeyBody>('b2_create_key', {
      accountId: s.accountId,
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'],
      keyName: 'wizard-key-01',
      validDurationInSeconds: 86400,
      bucketId,
      namePrefix: 'uploads/',
    });
    expect(res.status).toBe(200);
    const before = Date.now();
    expect(res.body).toEqual({
      accountId: s.accountId,
      applicationKeyId: expect.stringMatching(new RegExp(`^004${s.accountId}\\d{10}$`)),
      applicationKey: expect.stringMatching(/^K004[A-Za-z0-9+/]{27}$/),
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'],
      expirationTimestamp: expect.any(Number),
      keyName: 'wizard-key-01',
      bucketId,
      namePrefix: 'uploads/',
      options: ['s3'],
    });
    expect(res.body.applicationKey).toHaveLength(31);
    expect(Math.abs((res.body.expirationTimestamp as number) - (before + 86400_000))).toBeLessThan(
      5000,
    );
  });

  it('when a key is made on v4 with bucketIds, then the answer carries bucketIds', async () => {
    const s = await authorize(emu(), undefined, undefined, 4);
    const a = await makeBucket(s, 'key-bucket-a');
    const b = await makeBucket(s, 'key-bucket-b');
    const res = await s.call<KeyBody>(
      'b2_create_key',
      {
        accountId: s.accountId,
        capabilities: ['listFiles'],
        keyName: 'multi',
        bucketIds: [a, b],
        validDurationInSeconds: null,
        namePrefix: null,
      },
      4,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      bucketIds: [a, b],
      namePrefix: null,
      expirationTimestamp: null,
    });
    expect(res.body).not.toHaveProperty('bucketId');
  });

  it('when v4 is sent the old single bucketId, then it is an unknown field and the key is unrestricted', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'key-bucket-v4');
    const res = await s.call<KeyBody>(
      'b2_create_key',
      { accountId: s.accountId, capabilities: ['listFiles'], keyName: 'oops', bucketId },
      4,
    );
    expect(res.body.bucketIds).toBeNull();
  });

  it('when a capability name is unknown, then 400 bad_request', async () => {
    const s = await authorize(emu());
    for (const capabilities of [
      ['readFiles', 'readAllTheThings'],
      ['writeBucketLifecycleRules'],
      [],
      'readFiles',
    ]) {
      const res = await s.call('b2_create_key', {
        accountId: s.accountId,
        capabilities,
        keyName: 'bad-caps',
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('bad_request');
    }
  });

  it('when an unrestricted key asks for every capability, then it gets them', async () => {
    const s = await authorize(emu());
    const res = await s.call<KeyBody>('b2_create_key', {
      accountId: s.accountId,
      capabilities: [...ALL_CAPABILITIES],
      keyName: 'everything',
    });
    expect(res.status).toBe(200);
    expect(res.body.capabilities).toEqual([...ALL_CAPABILITIES]);
  });

  it('when a bucket-restricted key asks for only what B2 allows, then it is made', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'key-bucket-ok');
    const res = await s.call<KeyBody>('b2_create_key', {
      accountId: s.accountId,
      capabilities: [...BUCKET_KEY_CAPABILITIES],
      keyName: 'all-allowed',
      bucketId,
    });
    expect(res.status).toBe(200);
  });

  it.each([
    'writeBuckets',
    'deleteBuckets',
    'listKeys',
    'writeKeys',
    'deleteKeys',
    'readBucketLogging',
  ])('when a bucket-restricted key asks for %s, then 400 bad_request', async (capability) => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'key-bucket-no');
    const res = await s.call('b2_create_key', {
      accountId: s.accountId,
      capabilities: ['listFiles', capability],
      keyName: 'too-much',
      bucketId,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_request');
    expect(res.body.message).toContain(capability);
  });

  it.each([
    ['', 'empty'],
    ['a'.repeat(101), '101 characters'],
    ['has space', 'space'],
    ['under_score', 'underscore'],
    ['ключ', 'non-ASCII'],
  ])('when keyName is %j (%s), then 400 bad_request', async (keyName) => {
    const s = await authorize(emu());
    const res = await s.call('b2_create_key', {
      accountId: s.accountId,
      capabilities: ['listFiles'],
      keyName,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_request');
  });

  it('when keyName is 100 characters or reused, then it is accepted (names need not be unique)', async () => {
    const s = await authorize(emu());
    const long = await makeKey(s, { capabilities: ['listFiles'], keyName: 'a'.repeat(100) });
    const first = await makeKey(s, { capabilities: ['listFiles'], keyName: 'same-name' });
    const second = await makeKey(s, { capabilities: ['listFiles'], keyName: 'same-name' });
    expect(second.applicationKeyId).not.toBe(first.applicationKeyId);
    const names = emu()
      .state()
      .keys.filter((k) =>
        [long, first, second].some((m) => m.applicationKeyId === k.applicationKeyId),
      )
      .map((k) => k.keyName)
      .sort();
    expect(names).toEqual(['a'.repeat(100), 'same-name', 'same-name']);
  });

  it.each([0, -5, 86_400_001, 1.5, '60'])(
    'when validDurationInSeconds is %j, then 400 bad_request',
    async (validDurationInSeconds) => {
      const s = await authorize(emu());
      const res = await s.call('b2_create_key', {
        accountId: s.accountId,
        capabilities: ['listFiles'],
        keyName: 'dur',
        validDurationInSeconds,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/1000 days/);
    },
  );

  it.each([1, 86_400_000])(
    'when validDurationInSeconds is %d, then it is accepted',
    async (validDurationInSeconds) => {
      const s = await authorize(emu());
      await makeKey(s, { capabilities: ['listFiles'], validDurationInSeconds });
    },
  );

  it("when the bucket id is not one of the account's, then 400 bad_bucket_id", async () => {
    const s = await authorize(emu());
    const other = emu()
      .state()
      .buckets.find((b) => b.accountId !== s.accountId)!;
    const res = await s.call('b2_create_key', {
      accountId: s.accountId,
      capabilities: ['listFiles'],
      keyName: 'x-key',
      bucketId: other.bucketId,
    });
    expect(res.body.code).toBe('bad_bucket_id');
  });

  it('when the caller lacks writeKeys, then 401 unauthorized', async () => {
    const s = await authorize(emu());
    const key = await makeKey(s, { capabilities: ['listKeys'] });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    const res = await k.call('b2_create_key', {
      accountId: s.accountId,
      capabilities: ['listFiles'],
      keyName: 'nope',
    });
    expect(res.body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('when the new key authorizes, then it has exactly its capabilities', async () => {
    const s = await authorize(emu());
    const key = await makeKey(s, { capabilities: ['listBuckets', 'readFiles'] });
    const res = await http(`${emu().url}/b2api/v2/b2_authorize_account`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${key.applicationKeyId}:${key.applicationKey}`).toString('base64')}`,
      },
    });
    expect(res.body.allowed).toEqual({
      bucketId: null,
      bucketName: null,
      capabilities: ['listBuckets', 'readFiles'],
      namePrefix: null,
    });
  });
});

describe('secret styles', () => {
  it('when secretStyle is with-special, then every secret holds "/" and "+"; alphanumeric never', async () => {
    for (const [secretStyle, pattern] of [
      ['with-special', /^(?=.*\/)(?=.*\+)K004[A-Za-z0-9+/]{27}$/],
      ['alphanumeric', /^K004[A-Za-z0-9]{27}$/],
    ] as const) {
      const emu = await createEmulator({ secretStyle });
      try {
        const s = await authorize(emu);
        for (let i = 0; i < 5; i++)
          expect((await makeKey(s, { capabilities: ['listFiles'] })).applicationKey).toMatch(
            pattern,
          );
      } finally {
        await emu.close();
      }
    }
  });
});

describe('b2_list_keys', () => {
  const emu = useEmulator();

  it('when there are more keys than maxKeyCount, then it pages with nextApplicationKeyId and never shows a secret', async () => {
    const s = await authorize(emu());
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push(await makeKey(s, { capabilities: ['listFiles'], keyName: `key-${i}` }));
    const ids: string[] = [];
    let start: string | null = null;
    let pages = 0;
    do {
      const res: {
        status: number;
        body: { keys: KeyBody[]; nextApplicationKeyId: string | null };
      } = await s.call('b2_list_keys', {
        accountId: s.accountId,
        maxKeyCount: 2,
        startApplicationKeyId: start,
      });
      expect(res.status).toBe(200);
      for (const k of res.body.keys) {
        expect(k).not.toHaveProperty('applicationKey');
        expect(Object.keys(k).sort()).toEqual([
          'accountId',
          'applicationKeyId',
          'bucketId',
          'capabilities',
          'expirationTimestamp',
          'keyName',
          'namePrefix',
          'options',
        ]);
        ids.push(k.applicationKeyId);
      }
      start = res.body.nextApplicationKeyId;
      pages += 1;
    } while (start !== null);
    expect(pages).toBe(3);
    expect(ids).toEqual(made.map((k) => k.applicationKeyId).sort());
    // The master key is never listed.
    expect(ids).not.toContain(emu().masterKeyId);
  });

  it('when listing on v3, then multi-bucket keys are skipped; v4 lists them with bucketIds', async () => {
    const s = await authorize(emu());
    const a = await makeBucket(s, 'list-bucket-a');
    const b = await makeBucket(s, 'list-bucket-b');
    const single = await makeKey(s, { capabilities: ['listFiles'], bucketId: a });
    const multi = await makeKey(s, { capabilities: ['listFiles'], bucketIds: [a, b] }, 4);
    const v3 = await s.call<{ keys: KeyBody[] }>('b2_list_keys', { accountId: s.accountId }, 3);
    expect(v3.body.keys.map((k) => k.applicationKeyId)).toEqual([single.applicationKeyId]);
    expect(v3.body.keys[0]?.bucketId).toBe(a);
    const v4 = await s.call<{ keys: KeyBody[] }>('b2_list_keys', { accountId: s.accountId }, 4);
    expect(v4.body.keys.map((k) => k.bucketIds)).toEqual([[a], [a, b]]);
    expect(v4.body.keys.map((k) => k.applicationKeyId)).toContain(multi.applicationKeyId);
  });

  it.each([0, 10001])('when maxKeyCount is %d, then 400 bad_request', async (maxKeyCount) => {
    const s = await authorize(emu());
    expect((await s.call('b2_list_keys', { accountId: s.accountId, maxKeyCount })).status).toBe(
      400,
    );
  });

  it('when the caller lacks listKeys, then 401 unauthorized', async () => {
    const s = await authorize(emu());
    const key = await makeKey(s, { capabilities: ['writeKeys'] });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    expect((await k.call('b2_list_keys', { accountId: s.accountId })).status).toBe(401);
  });
});

describe('b2_delete_key', () => {
  const emu = useEmulator();

  it('when a key is deleted, then its object comes back without the secret and its tokens stop working', async () => {
    const s = await authorize(emu());
    const key = await makeKey(s, { capabilities: ['listBuckets'], keyName: 'doomed' });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    const res = await s.call<KeyBody>('b2_delete_key', { applicationKeyId: key.applicationKeyId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ applicationKeyId: key.applicationKeyId, keyName: 'doomed' });
    expect(res.body).not.toHaveProperty('applicationKey');
    expect((await k.call('b2_list_buckets', { accountId: s.accountId })).body.code).toBe(
      'bad_auth_token',
    );
    const auth = await http(`${emu().url}/b2api/v2/b2_authorize_account`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${key.applicationKeyId}:${key.applicationKey}`).toString('base64')}`,
      },
    });
    expect(auth.body.code).toBe('unauthorized');
  });

  it('when the key id is unknown, already deleted or the master key, then 400 bad_request', async () => {
    const s = await authorize(emu());
    const key = await makeKey(s, { capabilities: ['listBuckets'] });
    await s.call('b2_delete_key', { applicationKeyId: key.applicationKeyId });
    for (const applicationKeyId of ['004nosuchkey', key.applicationKeyId, emu().masterKeyId]) {
      const res = await s.call('b2_delete_key', { applicationKeyId });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('bad_request');
    }
  });

  it('when a multi-bucket key is deleted on v3, then it is refused; on v4 it works', async () => {
    const s = await authorize(emu());
    const a = await makeBucket(s, 'del-bucket-a');
    const b = await makeBucket(s, 'del-bucket-b');
    const multi = await makeKey(s, { capabilities: ['listFiles'], bucketIds: [a, b] }, 4);
    expect(
      (await s.call('b2_delete_key', { applicationKeyId: multi.applicationKeyId }, 3)).status,
    ).toBe(400);
    expect(
      (await s.call('b2_delete_key', { applicationKeyId: multi.applicationKeyId }, 4)).status,
    ).toBe(200);
  });

  it('when the caller lacks deleteKeys, then 401 unauthorized', async () => {
    const s = await authorize(emu());
    const victim = await makeKey(s, { capabilities: ['listFiles'] });
    const key = await makeKey(s, { capabilities: ['writeKeys', 'listKeys'] });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    expect(
      (await k.call('b2_delete_key', { applicationKeyId: victim.applicationKeyId })).status,
    ).toBe(401);
  });
});
