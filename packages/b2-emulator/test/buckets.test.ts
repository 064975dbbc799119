import { describe, expect, it } from 'vitest';
import { OTHER_ACCOUNT_BUCKET_NAMES } from '../src/index';
import {
  authorize,
  type BucketBody,
  createBucket,
  http,
  listBuckets,
  makeBucket,
  makeKey,
  type Session,
  upload,
  useEmulator,
} from './helpers';

describe('b2_create_bucket', () => {
  const emu = useEmulator();

  it('when every field is given, then the bucket object carries every field B2 returns', async () => {
    const s = await authorize(emu());
    const lifecycleRules = [
      { daysFromHidingToDeleting: 1, daysFromUploadingToHiding: null, fileNamePrefix: '' },
    ];
    const corsRules = [
      {
        corsRuleName: 'downloadFromAnyOrigin',
        allowedOrigins: ['https'],
        allowedOperations: ['b2_download_file_by_name'],
        allowedHeaders: ['range'],
        exposeHeaders: ['x-bz-content-sha1'],
        maxAgeSeconds: 3600,
      },
    ];
    const res = await s.call<BucketBody>('b2_create_bucket', {
      accountId: s.accountId,
      bucketName: 'my-bucket-123',
      bucketType: 'allPrivate',
      bucketInfo: { 'Cache-Control': 'max-age=3600' },
      corsRules,
      lifecycleRules,
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
      fileLockEnabled: true,
      someFutureField: 'ignored',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accountId: s.accountId,
      bucketId: expect.stringMatching(/^[0-9a-f]{24}$/),
      bucketName: 'my-bucket-123',
      bucketType: 'allPrivate',
      bucketInfo: { 'Cache-Control': 'max-age=3600' },
      corsRules,
      lifecycleRules,
      options: ['s3'],
      revision: 1,
      defaultServerSideEncryption: {
        isClientAuthorizedToRead: true,
        value: { mode: 'SSE-B2', algorithm: 'AES256' },
      },
      fileLockConfiguration: {
        isClientAuthorizedToRead: true,
        value: { defaultRetention: { mode: null, period: null }, isFileLockEnabled: true },
      },
      replicationConfiguration: { isClientAuthorizedToRead: true, value: null },
    });
  });

  it('when only the required fields are sent with explicit nulls, then defaults apply (no rules, SSE-B2, no lock)', async () => {
    const s = await authorize(emu());
    const res = await s.call<BucketBody>('b2_create_bucket', {
      accountId: s.accountId,
      bucketName: 'plain-bucket',
      bucketType: 'allPublic',
      bucketInfo: null,
      corsRules: null,
      lifecycleRules: null,
      defaultServerSideEncryption: null,
      fileLockEnabled: null,
      replicationConfiguration: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      bucketType: 'allPublic',
      bucketInfo: {},
      corsRules: [],
      lifecycleRules: [],
      defaultServerSideEncryption: { value: { mode: 'SSE-B2', algorithm: 'AES256' } },
      fileLockConfiguration: { value: { isFileLockEnabled: false } },
    });
  });

  it.each([
    ['short', 'too short (5 characters)'],
    ['a'.repeat(64), '64 characters'],
    ['has_underscore', 'underscore'],
    ['has.dot.name', 'period'],
    ['ünïcode-bucket', 'non-ASCII'],
    ['b2-reserved', 'b2- prefix'],
    ['B2-Reserved', 'B2- prefix in upper case'],
  ])(
    'when the bucket name is %s (%s), then 400 bad_request naming the rule',
    async (bucketName) => {
      const s = await authorize(emu());
      const res = await createBucket(s, bucketName);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, code: 'bad_request' });
      expect(res.body.message).toMatch(/6 to 63|letters, digits|b2-/);
    },
  );

  it.each(['sixsix', 'a'.repeat(63), 'MyBucket-2024', '123456'])(
    'when the bucket name is %s, then it is accepted',
    async (bucketName) => {
      const s = await authorize(emu());
      expect((await createBucket(s, bucketName)).status).toBe(200);
    },
  );

  it('when a name is taken by the same account in another case, then 400 duplicate_bucket_name', async () => {
    const s = await authorize(emu());
    await makeBucket(s, 'myphotos');
    const res = await createBucket(s, 'MYPhotos');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('duplicate_bucket_name');
  });

  it('when a name is owned by another customer, then 400 duplicate_bucket_name whatever the case', async () => {
    expect(OTHER_ACCOUNT_BUCKET_NAMES).toEqual([
      'taken-bucket-name',
      'acme-backups',
      'photos-archive',
    ]);
    const s = await authorize(emu());
    for (const bucketName of ['Taken-Bucket-Name', 'acme-backups', 'PHOTOS-ARCHIVE']) {
      const res = await createBucket(s, bucketName);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, code: 'duplicate_bucket_name' });
    }
    // The other customer's buckets never show in this account's list.
    const list = await listBuckets(s, { bucketTypes: ['all'] });
    expect(list.body.buckets).toEqual([]);
  });

  it('when the account already has 100 buckets, then 400 too_many_buckets', async () => {
    const s = await authorize(emu());
    for (let i = 0; i < 100; i++) await makeBucket(s, `bucket-${String(i).padStart(3, '0')}`);
    const res = await createBucket(s, 'bucket-100');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('too_many_buckets');
  });

  it.each([
    [{ bucketType: 'snapshot' }, 'bad bucketType'],
    [{ bucketType: undefined }, 'missing bucketType'],
    [{ bucketName: undefined }, 'missing bucketName'],
    [{ accountId: undefined }, 'missing accountId'],
    [{ bucketInfo: { a: 1 } }, 'non-string bucketInfo value'],
    [
      { bucketInfo: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) },
      '11 bucketInfo entries',
    ],
    [{ fileLockEnabled: 'yes' }, 'non-boolean fileLockEnabled'],
  ])('when the request has %j (%s), then 400 bad_request', async (patch, _why) => {
    const s = await authorize(emu());
    const res = await createBucket(s, 'valid-name', patch);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_request');
  });

  it('when the body is not JSON, then 400 bad_json', async () => {
    const s = await authorize(emu());
    const res = await http(`${emu().url}/b2api/v2/b2_create_bucket`, {
      method: 'POST',
      headers: { Authorization: s.token },
      body: '{nope',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_json');
  });

  it("when the accountId is not the caller's, then 401 unauthorized", async () => {
    const s = await authorize(emu());
    const res = await s.call('b2_create_bucket', {
      accountId: '0f0e0d0c0b0a',
      bucketName: 'valid-name',
      bucketType: 'allPrivate',
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('when the key lacks writeBuckets, writeBucketEncryption or writeBucketRetentions, then 401 unauthorized', async () => {
    const master = await authorize(emu());
    const noWrite = await makeKey(master, { capabilities: ['listBuckets'] });
    const writeOnly = await makeKey(master, { capabilities: ['writeBuckets'] });
    const a = await authorize(emu(), noWrite.applicationKeyId, noWrite.applicationKey);
    const b = await authorize(emu(), writeOnly.applicationKeyId, writeOnly.applicationKey);
    const base = { accountId: master.accountId, bucketType: 'allPrivate' };
    expect(
      (await a.call('b2_create_bucket', { ...base, bucketName: 'no-write-caps' })).body.code,
    ).toBe('unauthorized');
    const sse = await b.call('b2_create_bucket', {
      ...base,
      bucketName: 'sse-needs-cap',
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
    expect(sse.status).toBe(401);
    const lock = await b.call('b2_create_bucket', {
      ...base,
      bucketName: 'lock-needs-cap',
      fileLockEnabled: true,
    });
    expect(lock.status).toBe(401);
    const plain = await b.call<BucketBody>('b2_create_bucket', {
      ...base,
      bucketName: 'plain-is-fine',
    });
    expect(plain.status).toBe(200);
    // Without readBucketEncryption / readBucketRetentions the answer hides those values.
    expect(plain.body.defaultServerSideEncryption).toEqual({ isClientAuthorizedToRead: false });
    expect(plain.body.fileLockConfiguration).toEqual({
      isClientAuthorizedToRead: false,
      value: null,
    });
  });
});

describe('b2_update_bucket', () => {
  const emu = useEmulator();

  async function setup(): Promise<{ s: Session; bucketId: string }> {
    const s = await authorize(emu());
    return { s, bucketId: await makeBucket(s, 'update-me') };
  }

  it('when ifRevisionIs matches, then the lists are replaced wholesale and the revision goes up', async () => {
    const { s, bucketId } = await setup();
    const rules = [
      { fileNamePrefix: 'logs/', daysFromUploadingToHiding: 7, daysFromHidingToDeleting: 1 },
    ];
    const res = await s.call<BucketBody>('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      lifecycleRules: rules,
      ifRevisionIs: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(2);
    expect(res.body.lifecycleRules).toEqual(rules);
    const again = await s.call<BucketBody>('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      lifecycleRules: [],
      bucketType: 'allPublic',
    });
    expect(again.body).toMatchObject({ revision: 3, lifecycleRules: [], bucketType: 'allPublic' });
  });

  it('when ifRevisionIs does not match, then 409 conflict and nothing changes', async () => {
    const { s, bucketId } = await setup();
    const res = await s.call('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      bucketType: 'allPublic',
      ifRevisionIs: 7,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: 409, code: 'conflict' });
    const list = await listBuckets(s, { bucketId });
    expect(list.body.buckets[0]).toMatchObject({ bucketType: 'allPrivate', revision: 1 });
  });

  it('when Object Lock is enabled later, then it cannot be turned off (400 file_lock_conflict)', async () => {
    const { s, bucketId } = await setup();
    const on = await s.call<BucketBody>('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      fileLockEnabled: true,
    });
    expect(on.body.fileLockConfiguration).toMatchObject({ value: { isFileLockEnabled: true } });
    const off = await s.call('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      fileLockEnabled: false,
    });
    expect(off.status).toBe(400);
    expect(off.body.code).toBe('file_lock_conflict');
  });

  it('when defaultRetention is set, then it needs Object Lock on', async () => {
    const { s, bucketId } = await setup();
    const retention = { mode: 'governance', period: { duration: 2, unit: 'days' } };
    const refused = await s.call('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      defaultRetention: retention,
    });
    expect(refused.status).toBe(400);
    const ok = await s.call<BucketBody>('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      fileLockEnabled: true,
      defaultRetention: retention,
    });
    expect(ok.body.fileLockConfiguration).toEqual({
      isClientAuthorizedToRead: true,
      value: { defaultRetention: retention, isFileLockEnabled: true },
    });
  });

  it('when the bucket is a replication source, then Object Lock cannot be enabled', async () => {
    const { s, bucketId } = await setup();
    const replicationConfiguration = {
      asReplicationSource: { replicationRules: [], sourceApplicationKeyId: 'x' },
      asReplicationDestination: null,
    };
    await s.call('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      replicationConfiguration,
    });
    const res = await s.call('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      fileLockEnabled: true,
    });
    expect(res.body.code).toBe('source_replication_conflict');
  });

  it("when the bucket id is unknown or another account's, then 400 bad_bucket_id", async () => {
    const { s } = await setup();
    const other = emu()
      .state()
      .buckets.find((b) => b.bucketName === 'acme-backups')!;
    for (const bucketId of ['000000000000000000000000', other.bucketId]) {
      const res = await s.call('b2_update_bucket', {
        accountId: s.accountId,
        bucketId,
        bucketType: 'allPublic',
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('bad_bucket_id');
    }
  });

  it('when the rules are invalid on update, then 400 bad_request and the old rules stay', async () => {
    const { s, bucketId } = await setup();
    const res = await s.call('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      lifecycleRules: [{ fileNamePrefix: '' }],
    });
    expect(res.status).toBe(400);
    expect(
      emu()
        .state()
        .buckets.find((b) => b.bucketId === bucketId)?.revision,
    ).toBe(1);
  });
});

describe('b2_list_buckets', () => {
  const emu = useEmulator();

  it('when called, then buckets come sorted by name and filters apply', async () => {
    const s = await authorize(emu());
    const z = await makeBucket(s, 'zulu-bucket');
    await makeBucket(s, 'alpha-bucket');
    await s.call('b2_create_bucket', {
      accountId: s.accountId,
      bucketName: 'Mike-public',
      bucketType: 'allPublic',
    });
    const all = await listBuckets(s, { bucketId: null, bucketName: null, bucketTypes: ['all'] });
    expect(all.body.buckets.map((b) => b.bucketName)).toEqual([
      'Mike-public',
      'alpha-bucket',
      'zulu-bucket',
    ]);
    const byId = await listBuckets(s, { bucketId: z });
    expect(byId.body.buckets.map((b) => b.bucketName)).toEqual(['zulu-bucket']);
    const byName = await listBuckets(s, { bucketName: 'alpha-bucket' });
    expect(byName.body.buckets).toHaveLength(1);
    const none = await listBuckets(s, { bucketName: 'no-such-bucket' });
    expect(none.status).toBe(200);
    expect(none.body.buckets).toEqual([]);
    const publicOnly = await listBuckets(s, { bucketTypes: ['allPublic'] });
    expect(publicOnly.body.buckets.map((b) => b.bucketName)).toEqual(['Mike-public']);
  });

  it('when called with GET and query parameters, then it answers the same', async () => {
    const s = await authorize(emu());
    await makeBucket(s, 'get-listed');
    const res = await http<{ buckets: BucketBody[] }>(
      `${emu().url}/b2api/v3/b2_list_buckets?accountId=${s.accountId}&bucketTypes=allPrivate,allPublic`,
      {
        headers: { Authorization: s.token },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.buckets.map((b) => b.bucketName)).toEqual(['get-listed']);
  });

  it.each([[['all', 'allPrivate']], [[]], [['nope']]])(
    'when bucketTypes is %j, then 400 bad_request',
    async (bucketTypes) => {
      const s = await authorize(emu());
      const res = await listBuckets(s, { bucketTypes });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('bad_request');
    },
  );

  it('when a bucket-restricted key lists, then it must name its own bucket or gets 401', async () => {
    const master = await authorize(emu());
    const mine = await makeBucket(master, 'key-own-bucket');
    const other = await makeBucket(master, 'key-other-bucket');
    const key = await makeKey(master, { capabilities: ['listBuckets'], bucketId: mine });
    const s = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    expect((await listBuckets(s, {})).status).toBe(401);
    expect((await listBuckets(s, { bucketId: other })).status).toBe(401);
    expect((await listBuckets(s, { bucketName: 'key-other-bucket' })).body.code).toBe(
      'unauthorized',
    );
    const byId = await listBuckets(s, { bucketId: mine });
    expect(byId.body.buckets.map((b) => b.bucketName)).toEqual(['key-own-bucket']);
    const byName = await listBuckets(s, { bucketName: 'key-own-bucket' });
    expect(byName.status).toBe(200);
    // Without readBucketEncryption the SSE value is hidden.
    expect(byName.body.buckets[0]?.defaultServerSideEncryption).toEqual({
      isClientAuthorizedToRead: false,
    });
  });

  it('when the key lacks listBuckets, then 401 unauthorized', async () => {
    const master = await authorize(emu());
    const key = await makeKey(master, { capabilities: ['listFiles'] });
    const s = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    expect((await listBuckets(s, {})).body).toMatchObject({
      status: 401,
      code: 'unauthorized',
    });
  });
});

describe('b2_delete_bucket', () => {
  const emu = useEmulator();

  it('when the bucket is empty, then it is deleted and its object returned', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'delete-me-now');
    const res = await s.call<BucketBody>('b2_delete_bucket', { accountId: s.accountId, bucketId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ bucketId, bucketName: 'delete-me-now' });
    expect(
      emu()
        .state()
        .buckets.some((b) => b.bucketId === bucketId),
    ).toBe(false);
    // The name is free again.
    expect((await createBucket(s, 'delete-me-now')).status).toBe(200);
  });

  it('when the bucket holds a file version (even hidden), then 400 cannot_delete_non_empty_bucket', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'not-empty-yet');
    await upload(s, bucketId, 'a.txt', 'hello');
    await s.call('b2_hide_file', { bucketId, fileName: 'a.txt' });
    const res = await s.call('b2_delete_bucket', { accountId: s.accountId, bucketId });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('cannot_delete_non_empty_bucket');
  });

  it('when the bucket id is unknown, then 400 bad_bucket_id; without deleteBuckets, 401', async () => {
    const s = await authorize(emu());
    const res = await s.call('b2_delete_bucket', {
      accountId: s.accountId,
      bucketId: 'ffffffffffffffffffffffff',
    });
    expect(res.body).toMatchObject({ status: 400, code: 'bad_bucket_id' });
    const bucketId = await makeBucket(s, 'cannot-delete');
    const key = await makeKey(s, { capabilities: ['writeBuckets'] });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    expect((await k.call('b2_delete_bucket', { accountId: s.accountId, bucketId })).status).toBe(
      401,
    );
  });
});
