/** SSE-B2 is always on since 2026: defaults, the refusal of "none", resets and legacy buckets. */
import { describe, expect, it } from 'vitest';
import {
  type Answer,
  authorize,
  type BucketBody,
  bucketNamed,
  bucketWithId,
  createBucket,
  http,
  listBuckets,
  makeBucket,
  makeKey,
  type Session,
  upload,
  useEmulator,
} from './helpers';
import { s3, s3Path } from './s3-helpers';

const NONE_REFUSED =
  'defaultServerSideEncryption mode none is no longer supported: B2 encrypts every bucket with SSE-B2. Omit defaultServerSideEncryption to use the default.';

/** B2's answer to {"mode": "none"}: 400 bad_request, saying that SSE-B2 is always on. */
function expectNoneRefused(res: Answer): void {
  expect(res.status).toBe(400);
  expect(res.body).toEqual({ status: 400, code: 'bad_request', message: NONE_REFUSED });
}

describe('default server-side encryption', () => {
  const emu = useEmulator();

  /** A session whose key holds writeBuckets and readBucketEncryption, plus `extra`. */
  async function keySession(master: Session, extra: string[] = []): Promise<Session> {
    const key = await makeKey(master, {
      capabilities: ['listBuckets', 'writeBuckets', 'readBucketEncryption', ...extra],
    });
    return authorize(emu(), key.applicationKeyId, key.applicationKey);
  }

  const sseOf = async (s: Session, bucketName: string): Promise<unknown> => {
    const res = await listBuckets(s, { bucketName });
    return res.body.buckets[0]?.defaultServerSideEncryption;
  };

  it('when a bucket is created without the field, then it reads back SSE-B2/AES256 and no writeBucketEncryption is needed', async () => {
    const s = await keySession(await authorize(emu()));
    const res = await s.call<BucketBody>('b2_create_bucket', {
      accountId: s.accountId,
      bucketName: 'default-sse-bucket',
      bucketType: 'allPrivate',
    });
    expect(res.status).toBe(200);
    expect(res.body.defaultServerSideEncryption).toEqual({
      isClientAuthorizedToRead: true,
      value: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
    expect(await sseOf(s, 'default-sse-bucket')).toEqual({
      isClientAuthorizedToRead: true,
      value: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
  });

  it('when a key lacks readBucketEncryption, then the default is still hidden', async () => {
    const master = await authorize(emu());
    const key = await makeKey(master, { capabilities: ['listBuckets', 'writeBuckets'] });
    const s = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    const res = await s.call<BucketBody>('b2_create_bucket', {
      accountId: s.accountId,
      bucketName: 'hidden-sse-bucket',
      bucketType: 'allPrivate',
    });
    expect(res.body.defaultServerSideEncryption).toEqual({ isClientAuthorizedToRead: false });
  });

  it('when create sends mode none, then 400 bad_request and no bucket is made', async () => {
    const s = await authorize(emu());
    const res = await createBucket(s, 'none-refused-bucket', {
      defaultServerSideEncryption: { mode: 'none' },
    });
    expectNoneRefused(res);
    expect(bucketNamed(emu(), 'none-refused-bucket')).toBeUndefined();
  });

  it('when update sends mode none, then 400 bad_request and nothing changes (not even other fields)', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'update-none-bucket');
    const res = await s.call('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      bucketType: 'allPublic',
      defaultServerSideEncryption: { mode: 'none' },
    });
    expectNoneRefused(res);
    expect(bucketWithId(emu(), bucketId)).toMatchObject({
      bucketType: 'allPrivate',
      revision: 1,
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
  });

  it.each([
    [
      { mode: 'SSE-C', algorithm: 'AES256' },
      'defaultServerSideEncryption: SSE-C cannot be a bucket default',
    ],
    [{ mode: 'SSE-B2' }, 'defaultServerSideEncryption: algorithm must be AES256'],
    [{ mode: 'sse-b2', algorithm: 'AES256' }, 'defaultServerSideEncryption: unknown mode "sse-b2"'],
    ['SSE-B2', 'defaultServerSideEncryption must be an object'],
  ])('when create sends %j, then 400 bad_request "%s"', async (sse, message) => {
    const s = await authorize(emu());
    const res = await createBucket(s, 'bad-sse-bucket', {
      defaultServerSideEncryption: sse,
    });
    expect(res.body).toEqual({ status: 400, code: 'bad_request', message });
  });

  it('when SSE-B2 is sent explicitly, then it needs writeBucketEncryption', async () => {
    const master = await authorize(emu());
    const without = await keySession(master);
    const withCap = await keySession(master, ['writeBucketEncryption']);
    const body = {
      accountId: master.accountId,
      bucketType: 'allPrivate',
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
    };
    const denied = await without.call('b2_create_bucket', {
      ...body,
      bucketName: 'explicit-no-cap',
    });
    expect(denied.status).toBe(401);
    expect(denied.body).toMatchObject({ status: 401, code: 'unauthorized' });
    const made = await withCap.call<BucketBody>('b2_create_bucket', {
      ...body,
      bucketName: 'explicit-with-cap',
    });
    expect(made.status).toBe(200);
    expect(made.body.defaultServerSideEncryption).toEqual({
      isClientAuthorizedToRead: true,
      value: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
    const update = await without.call('b2_update_bucket', {
      accountId: master.accountId,
      bucketId: made.body.bucketId,
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
    expect(update.status).toBe(401);
  });

  it('when update sends mode null on a legacy bucket, then it is reset to SSE-B2 (and needs writeBucketEncryption)', async () => {
    const master = await authorize(emu());
    const legacy = emu().seedBucket({ bucketName: 'legacy-reset-bucket', legacyEncryption: true });
    const without = await keySession(master);
    const denied = await without.call('b2_update_bucket', {
      accountId: master.accountId,
      bucketId: legacy.bucketId,
      defaultServerSideEncryption: { mode: null },
    });
    expect(denied.status).toBe(401);
    expect(await sseOf(without, 'legacy-reset-bucket')).toEqual({
      isClientAuthorizedToRead: true,
      value: { mode: 'none' },
    });
    const res = await master.call<BucketBody>('b2_update_bucket', {
      accountId: master.accountId,
      bucketId: legacy.bucketId,
      defaultServerSideEncryption: { mode: null },
    });
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(2);
    expect(res.body.defaultServerSideEncryption).toEqual({
      isClientAuthorizedToRead: true,
      value: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
  });

  it('when update leaves the field out on a legacy bucket, then it keeps mode none', async () => {
    const s = await authorize(emu());
    const legacy = emu().seedBucket({ bucketName: 'legacy-keep-bucket', legacyEncryption: true });
    const res = await s.call<BucketBody>('b2_update_bucket', {
      accountId: s.accountId,
      bucketId: legacy.bucketId,
      bucketInfo: { note: 'x' },
      defaultServerSideEncryption: null,
    });
    expect(res.status).toBe(200);
    expect(res.body.defaultServerSideEncryption).toEqual({
      isClientAuthorizedToRead: true,
      value: { mode: 'none' },
    });
  });

  it('when a legacy bucket is seeded, then B2 calls read mode none and uploads get no SSE', async () => {
    const s = await authorize(emu());
    const seeded = await http(`${emu().url}/__emulator/buckets`, {
      method: 'POST',
      body: JSON.stringify({ bucketName: 'legacy-seeded-bucket', legacyEncryption: true }),
    });
    expect(seeded.status).toBe(200);
    expect(await sseOf(s, 'legacy-seeded-bucket')).toEqual({
      isClientAuthorizedToRead: true,
      value: { mode: 'none' },
    });
    const up = await upload(s, seeded.body.bucketId as string, 'plain.txt', 'not encrypted');
    expect(up.body.serverSideEncryption).toEqual({ algorithm: null, mode: null });
    const asked = await upload(s, seeded.body.bucketId as string, 'asked.txt', 'encrypted', {
      'X-Bz-Server-Side-Encryption': 'AES256',
    });
    expect(asked.body.serverSideEncryption).toEqual({ algorithm: 'AES256', mode: 'SSE-B2' });
  });

  it('when a bucket is made by S3 CreateBucket, then it reads back SSE-B2/AES256', async () => {
    const master = await authorize(emu());
    const key = await makeKey(master, { capabilities: ['listBuckets', 'writeBuckets'] });
    const creds = { accessKeyId: key.applicationKeyId, secretAccessKey: key.applicationKey };
    expect((await s3(emu(), creds, 'PUT', s3Path('made-by-s3-sse'))).status).toBe(200);
    expect(await sseOf(master, 'made-by-s3-sse')).toEqual({
      isClientAuthorizedToRead: true,
      value: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
  });
});
