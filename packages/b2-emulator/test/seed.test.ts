/** POST /__emulator/buckets and emulator.seedBucket: buckets B2's API can no longer make. */
import { describe, expect, it } from 'vitest';
import { B2Error } from '../src/errors';
import { OTHER_ACCOUNT_ID } from '../src/index';
import { authorize, http, useEmulator } from './helpers';

describe('seeding buckets', () => {
  const emu = useEmulator();

  const seed = (body: unknown) =>
    http<Record<string, unknown>>(`${emu().url}/__emulator/buckets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('when nothing is seeded, then the demo account has no buckets', async () => {
    const s = await authorize(emu());
    const res = await s.call<{ buckets: unknown[] }>('b2_list_buckets', { accountId: s.accountId });
    expect(res.body.buckets).toEqual([]);
  });

  it('when a bucket is seeded with every field, then the answer is the bucket as the state dump shows it', async () => {
    const lifecycleRules = [
      { fileNamePrefix: '', daysFromHidingToDeleting: 1, daysFromUploadingToHiding: null },
    ];
    const corsRules = [
      {
        corsRuleName: 'downloadFromAnyOrigin',
        allowedOrigins: ['https'],
        allowedOperations: ['b2_download_file_by_name'],
        allowedHeaders: null,
        exposeHeaders: null,
        maxAgeSeconds: 3600,
      },
    ];
    const res = await seed({
      bucketName: 'Seeded-Legacy-1',
      bucketType: 'allPublic',
      legacyEncryption: true,
      lifecycleRules,
      corsRules,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accountId: 'e2b1d3f4a5c6',
      bucketId: expect.stringMatching(/^[0-9a-f]{24}$/),
      bucketName: 'Seeded-Legacy-1',
      bucketType: 'allPublic',
      lifecycleRules,
      corsRules,
      defaultServerSideEncryption: { mode: 'none' },
      fileLockEnabled: false,
      revision: 1,
      bucketInfo: {},
    });
    expect(emu().state().buckets).toContainEqual(res.body);
  });

  it('when only a name is given, then the bucket is private, SSE-B2 and in the demo account', async () => {
    const res = await seed({ bucketName: 'seeded-plain' });
    expect(res.body).toMatchObject({
      accountId: 'e2b1d3f4a5c6',
      bucketType: 'allPrivate',
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
      lifecycleRules: [],
      corsRules: [],
    });
  });

  it('when accountId names the other customer, then the bucket is theirs', async () => {
    const res = await seed({ bucketName: 'theirs-seeded', accountId: OTHER_ACCOUNT_ID });
    expect(res.status).toBe(200);
    expect(res.body.accountId).toBe(OTHER_ACCOUNT_ID);
  });

  it.each([
    [{}, 'bucketName is required and must be a string'],
    [
      { bucketName: 'b2-reserved' },
      'bucket names starting with "b2-" are reserved by Backblaze: b2-reserved',
    ],
    [
      { bucketName: 'seed-bad-type', bucketType: 'snapshot' },
      'bucketType must be allPrivate or allPublic, not "snapshot"',
    ],
    [
      { bucketName: 'seed-bad-legacy', legacyEncryption: 'yes' },
      'legacyEncryption must be true or false',
    ],
    [
      { bucketName: 'seed-bad-account', accountId: 'abcdefabcdef' },
      'accountId: no such account: "abcdefabcdef"',
    ],
    [
      { bucketName: 'seed-bad-field', legacyEncription: true },
      'seed bucket: unknown field legacyEncription',
    ],
    [
      {
        bucketName: 'seed-bad-rules',
        lifecycleRules: [{ fileNamePrefix: '', daysFromHidingToDeleting: 0 }],
      },
      'lifecycleRules[0]: daysFromHidingToDeleting must be null or a positive integer, not 0',
    ],
    [
      { bucketName: 'seed-bad-cors', corsRules: [{ corsRuleName: 'short' }] },
      'corsRules[0]: corsRuleName must be 6 to 50 characters: short',
    ],
  ])(
    'when the input is %j, then 400 bad_request "%s" and nothing is added',
    async (body, message) => {
      const before = emu().state().buckets.length;
      const res = await seed(body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ status: 400, code: 'bad_request', message });
      expect(emu().state().buckets.length).toBe(before);
    },
  );

  it('when the name is taken in any case, then 400 duplicate_bucket_name', async () => {
    const res = await seed({ bucketName: 'TAKEN-bucket-name' });
    expect(res.body).toEqual({
      status: 400,
      code: 'duplicate_bucket_name',
      message: 'Bucket name is already in use: TAKEN-bucket-name',
    });
  });

  it('when seeded in process, then the same bucket comes back and bad input throws a B2Error', () => {
    const bucket = emu().seedBucket({ bucketName: 'in-process-seed', legacyEncryption: true });
    expect(bucket).toMatchObject({
      bucketName: 'in-process-seed',
      defaultServerSideEncryption: { mode: 'none' },
    });
    expect(emu().state().buckets).toContainEqual(bucket);
    expect(() => emu().seedBucket({ bucketName: 'x' })).toThrow(B2Error);
    expect(() => emu().seedBucket({ bucketName: 'x' })).toThrow(
      'bucket name must be 6 to 63 characters long: x',
    );
  });

  it("when an admin route does not exist, then 404 in B2's error shape (the seed route is POST only)", async () => {
    const res = await http(`${emu().url}/__emulator/buckets`);
    expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('when the emulator is reset, then seeded buckets are gone', async () => {
    await seed({ bucketName: 'gone-after-reset' });
    emu().reset();
    expect(
      emu()
        .state()
        .buckets.map((b) => b.bucketName),
    ).not.toContain('gone-after-reset');
  });
});
