/** Which API version made a key decides where it authorizes (bucket keys made on v4: v4 only). */
import { describe, expect, it } from 'vitest';
import { authorize, basic, http, makeBucket, makeKey, useEmulator } from './helpers';

describe('API versions of application keys', () => {
  const emu = useEmulator();

  const authorizeOn = (version: number, id: string, secret: string) =>
    http<Record<string, unknown>>(`${emu().url}/b2api/v${version}/b2_authorize_account`, {
      headers: { Authorization: basic(id, secret) },
    });

  it('when a key made on v4 has one bucketId, then v1, v2 and v3 refuse it with 400 bad_request; v4 accepts it', async () => {
    const master = await authorize(emu());
    const bucketId = await makeBucket(master, 'v4-one-bucket');
    const key = await makeKey(master, { capabilities: ['listFiles'], bucketIds: [bucketId] }, 4);
    for (const version of [1, 2, 3]) {
      const res = await authorizeOn(version, key.applicationKeyId, key.applicationKey);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        status: 400,
        code: 'bad_request',
        message: `This request is not currently supported on API version number ${version}`,
      });
    }
    const v4 = await authorizeOn(4, key.applicationKeyId, key.applicationKey);
    expect(v4.status).toBe(200);
    expect(v4.body.apiInfo).toMatchObject({
      storageApi: {
        allowed: {
          buckets: [{ id: bucketId, name: 'v4-one-bucket' }],
          capabilities: ['listFiles'],
          namePrefix: null,
        },
      },
    });
  });

  it('when a key made on v4 has two buckets, then v3 refuses it and v4 lists both', async () => {
    const master = await authorize(emu());
    const a = await makeBucket(master, 'multi-a-bucket');
    const b = await makeBucket(master, 'multi-b-bucket');
    const key = await makeKey(master, { capabilities: ['listFiles'], bucketIds: [a, b] }, 4);
    const v3 = await authorizeOn(3, key.applicationKeyId, key.applicationKey);
    expect(v3.body).toEqual({
      status: 400,
      code: 'bad_request',
      message: 'This request is not currently supported on API version number 3',
    });
    const v4 = await authorizeOn(4, key.applicationKeyId, key.applicationKey);
    expect(v4.body.apiInfo).toMatchObject({
      storageApi: {
        allowed: {
          buckets: [
            { id: a, name: 'multi-a-bucket' },
            { id: b, name: 'multi-b-bucket' },
          ],
        },
      },
    });
  });

  it.each([2, 3])(
    'when a single-bucket key is made on v%i with bucketId, then it authorizes on v1, v2, v3 and v4',
    async (made) => {
      const master = await authorize(emu());
      const bucketId = await makeBucket(master, 'old-style-bucket');
      const key = await makeKey(master, { capabilities: ['listFiles'], bucketId }, made);
      for (const version of [1, 2, 3, 4]) {
        const res = await authorizeOn(version, key.applicationKeyId, key.applicationKey);
        expect(res.status, `v${version}`).toBe(200);
      }
      expect(emu().state().keys).toMatchObject([
        { bucketIds: [bucketId], createdWithApiVersion: made },
      ]);
    },
  );

  it('when an unrestricted key is made on v4, then it authorizes on every version', async () => {
    const master = await authorize(emu());
    const key = await makeKey(master, { capabilities: ['listBuckets'], bucketIds: null }, 4);
    for (const version of [1, 2, 3, 4]) {
      const res = await authorizeOn(version, key.applicationKeyId, key.applicationKey);
      expect(res.status, `v${version}`).toBe(200);
    }
    expect(emu().state().keys).toMatchObject([{ bucketIds: null, createdWithApiVersion: 4 }]);
  });

  it('when a key is made on v1 with bucketId, then v1 authorize answers the flat shape naming the bucket', async () => {
    const master = await authorize(emu());
    const bucketId = await makeBucket(master, 'v1-made-bucket');
    const key = await makeKey(master, { capabilities: ['listFiles'], bucketId }, 1);
    const res = await authorizeOn(1, key.applicationKeyId, key.applicationKey);
    expect(res.status).toBe(200);
    expect(res.body.allowed).toEqual({
      bucketId,
      bucketName: 'v1-made-bucket',
      capabilities: ['listFiles'],
      namePrefix: null,
    });
    expect(emu().state().keys).toMatchObject([{ createdWithApiVersion: 1 }]);
  });

  it('when a key holds capability names the wizard does not know, then create_key and every authorize echo them', async () => {
    const master = await authorize(emu());
    const capabilities = [
      'listBuckets',
      'readBucketNotifications',
      'writeBucketNotifications',
      'readBucketLogging',
      'writeBucketLogging',
      'readBucketReplications',
      'writeBucketReplications',
    ];
    const made = await master.call<{ capabilities: string[] }>(
      'b2_create_key',
      { accountId: master.accountId, keyName: 'future-caps', capabilities },
      4,
    );
    expect(made.status).toBe(200);
    expect(made.body.capabilities).toEqual(capabilities);
    const { applicationKeyId: id, applicationKey: secret } = made.body as unknown as {
      applicationKeyId: string;
      applicationKey: string;
    };
    const v2 = await authorizeOn(2, id, secret);
    expect((v2.body.allowed as { capabilities: string[] }).capabilities).toEqual(capabilities);
    const v3 = await authorizeOn(3, id, secret);
    expect(v3.body.apiInfo).toMatchObject({ storageApi: { capabilities } });
    const v4 = await authorizeOn(4, id, secret);
    expect(v4.body.apiInfo).toMatchObject({ storageApi: { allowed: { capabilities } } });
  });
});
