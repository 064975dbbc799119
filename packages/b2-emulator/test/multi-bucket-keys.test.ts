// Keys for several buckets (docs/b2-behaviour.md "API versions" and "Keys for several buckets"):
// only v4 takes them; v1-v3 refuse them at sign-in and on delete with B2's documented shape
// (400 bad_request "This request is not currently supported on API version number N"), and a
// token from a v2 sign-in works on the v4 key calls.
import { describe, expect, it } from 'vitest';
import { authorize, basic, http, makeBucket, makeKey, useEmulator } from './helpers';

describe('keys for several buckets', () => {
  const emu = useEmulator();

  const authorizeOn = (version: number, id: string, secret: string) =>
    http<Record<string, unknown>>(`${emu().url}/b2api/v${version}/b2_authorize_account`, {
      headers: { Authorization: basic(id, secret) },
    });

  async function multiKey() {
    const master = await authorize(emu());
    const a = await makeBucket(master, 'multi-first-bucket');
    const b = await makeBucket(master, 'multi-second-bucket');
    const key = await makeKey(master, { capabilities: ['listFiles'], bucketIds: [a, b] }, 4);
    return { master, a, b, key };
  }

  it.each([1, 2, 3])(
    'when a key for two buckets signs in on v%i, then 400 bad_request "not currently supported on API version number %i"',
    async (version) => {
      const { key } = await multiKey();
      const res = await authorizeOn(version, key.applicationKeyId, key.applicationKey);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        status: 400,
        code: 'bad_request',
        message: `This request is not currently supported on API version number ${version}`,
      });
    },
  );

  it.each([1, 2, 3])(
    'when a key for two buckets is deleted on v%i, then it is refused with the same shape and stays',
    async (version) => {
      const { master, key } = await multiKey();
      const res = await master.call(
        'b2_delete_key',
        { applicationKeyId: key.applicationKeyId },
        version,
      );
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        status: 400,
        code: 'bad_request',
        message: `This request is not currently supported on API version number ${version}`,
      });
      expect(
        emu()
          .state()
          .keys.map((k) => k.applicationKeyId),
      ).toContain(key.applicationKeyId);
      expect((await authorizeOn(4, key.applicationKeyId, key.applicationKey)).status).toBe(200);
    },
  );

  it('when the token of a v2 sign-in makes, lists and deletes a key for two buckets on v4, then each works', async () => {
    const master = await authorize(emu(), undefined, undefined, 2);
    const a = await makeBucket(master, 'token-first-bucket');
    const b = await makeBucket(master, 'token-second-bucket');
    const made = await master.call<{ applicationKeyId: string; bucketIds: string[] }>(
      'b2_create_key',
      {
        accountId: master.accountId,
        keyName: 'two',
        capabilities: ['listFiles'],
        bucketIds: [a, b],
      },
      4,
    );
    expect(made.status).toBe(200);
    expect(made.body.bucketIds).toEqual([a, b]);
    const listed = await master.call<{ keys: { applicationKeyId: string; bucketIds: string[] }[] }>(
      'b2_list_keys',
      { accountId: master.accountId },
      4,
    );
    expect(listed.body.keys).toEqual([
      expect.objectContaining({ applicationKeyId: made.body.applicationKeyId, bucketIds: [a, b] }),
    ]);
    const deleted = await master.call(
      'b2_delete_key',
      { applicationKeyId: made.body.applicationKeyId },
      4,
    );
    expect(deleted.status).toBe(200);
    expect(emu().state().keys).toEqual([]);
  });

  it('when a key for one bucket made on v2 is listed and deleted on v4, then both work', async () => {
    const master = await authorize(emu());
    const a = await makeBucket(master, 'single-v2-bucket');
    const key = await makeKey(master, { capabilities: ['listFiles'], bucketId: a }, 2);
    const listed = await master.call<{ keys: { bucketIds: string[] }[] }>(
      'b2_list_keys',
      { accountId: master.accountId },
      4,
    );
    expect(listed.body.keys.map((k) => k.bucketIds)).toEqual([[a]]);
    const deleted = await master.call(
      'b2_delete_key',
      { applicationKeyId: key.applicationKeyId },
      4,
    );
    expect(deleted.status).toBe(200);
    expect(emu().state().keys).toEqual([]);
  });
});
