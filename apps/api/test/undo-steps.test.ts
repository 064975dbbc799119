// Undo's B2 work, part by part: the key goes (or was gone already), the bucket goes only while it
// holds no file, and the answer says in one paragraph what was removed and what was kept, and why.
import { describe, expect, it } from 'vitest';
import type { B2Connection } from '../src/b2/b2-types';
import { B2CallError } from '../src/b2/b2-call-error';
import { removeBucketIfEmpty, removeKey, undoMessage } from '../src/services/setup/undo-steps';
import { failureOf } from './helpers';

const KEY = { applicationKeyId: '004aaa000000000000000001', keyName: 'rclone-key' } as Parameters<
  typeof removeKey
>[1];
const BUCKET = { bucketId: 'b-1', bucketName: 'acme-backups' } as Parameters<
  typeof removeBucketIfEmpty
>[1];

function conn(options: {
  capabilities?: string[];
  deleteKey?: () => Promise<void>;
  keys?: string[];
  buckets?: string[];
  versions?: number;
}) {
  const calls: string[] = [];
  const c = {
    authorization: { capabilities: options.capabilities ?? ['listKeys', 'deleteKeys'] },
    deleteKey: async (id: string) => {
      calls.push(`deleteKey ${id}`);
      await options.deleteKey?.();
    },
    listKeys: async () => (options.keys ?? []).map((applicationKeyId) => ({ applicationKeyId })),
    listBuckets: async ({ bucketId }: { bucketId: string }) =>
      (options.buckets ?? []).filter((id) => id === bucketId).map((id) => ({ bucketId: id })),
    listFileVersions: async () =>
      Array.from({ length: options.versions ?? 0 }, (_, i) => ({ fileName: `f${i}` })),
    deleteBucket: async (id: string) => {
      calls.push(`deleteBucket ${id}`);
    },
  } as unknown as B2Connection;
  return { c, calls };
}

const notFound = () => new B2CallError(400, 'bad_request', 'no such key');

describe('removing the key', () => {
  it('deletes it', async () => {
    const { c, calls } = conn({});
    expect(await removeKey(c, KEY)).toEqual({
      thing: 'key',
      what: 'the application key “rclone-key” (ID 004aaa000000000000000001)',
    });
    expect(calls).toEqual(['deleteKey 004aaa000000000000000001']);
  });

  it('when B2 refuses and the key is not listed any more, then it was already gone', async () => {
    const { c } = conn({ deleteKey: async () => Promise.reject(notFound()), keys: ['other'] });
    expect(await removeKey(c, KEY)).toMatchObject({ why: 'it was already gone' });
  });

  it('when B2 refuses and the key is still listed, or cannot be listed, then the refusal stands', async () => {
    const still = conn({
      deleteKey: async () => Promise.reject(notFound()),
      keys: ['004aaa000000000000000001'],
    });
    expect(await failureOf(removeKey(still.c, KEY))).toMatchObject({ code: 'bad_request' });
    const blind = conn({
      capabilities: ['deleteKeys'],
      deleteKey: async () => Promise.reject(notFound()),
    });
    expect(await failureOf(removeKey(blind.c, KEY))).toMatchObject({ code: 'bad_request' });
    const bug = conn({ deleteKey: async () => Promise.reject(new TypeError('broken')) });
    await expect(removeKey(bug.c, KEY)).rejects.toThrow('broken');
  });
});

describe('removing the bucket', () => {
  it('deletes an empty bucket', async () => {
    const { c, calls } = conn({ buckets: ['b-1'] });
    expect(await removeBucketIfEmpty(c, BUCKET)).toEqual({
      removed: true,
      part: { thing: 'bucket', what: 'the bucket “acme-backups”' },
    });
    expect(calls).toEqual(['deleteBucket b-1']);
  });

  it('when it is gone already, then it counts as removed, saying so', async () => {
    const { c, calls } = conn({ buckets: ['other'] });
    expect(await removeBucketIfEmpty(c, BUCKET)).toEqual({
      removed: true,
      part: { thing: 'bucket', what: 'the bucket “acme-backups”', why: 'it was already gone' },
    });
    expect(calls).toEqual([]);
  });

  it.each([
    [1, 'the bucket holds 1 file; delete them first or keep it'],
    [3, 'the bucket holds 3 files; delete them first or keep it'],
    [999, 'the bucket holds 999 files; delete them first or keep it'],
    [1000, 'the bucket holds at least 1000 files; delete them first or keep it'],
  ])('when it holds %i file versions, then it is kept: %s', async (versions, why) => {
    const { c, calls } = conn({ buckets: ['b-1'], versions });
    expect(await removeBucketIfEmpty(c, BUCKET)).toEqual({
      removed: false,
      part: { thing: 'bucket', what: 'the bucket “acme-backups”', why },
    });
    expect(calls).toEqual([]);
  });
});

describe('the undo answer in words', () => {
  const key = { thing: 'key' as const, what: 'the key “k”' };
  const bucket = { thing: 'bucket' as const, what: 'the bucket “b”' };
  const rules = { thing: 'bucket' as const, what: 'the rules of “c”' };

  it.each([
    [[key], [], 'Removed the key “k”.'],
    [
      [key, { ...bucket, why: 'it was already gone' }],
      [],
      'Removed the key “k” and the bucket “b” (it was already gone).',
    ],
    [[key, bucket, rules], [], 'Removed the key “k”, the bucket “b” and the rules of “c”.'],
    [
      [key],
      [{ ...bucket, why: 'it holds 2 files' }],
      'Removed the key “k”. Kept the bucket “b”: it holds 2 files.',
    ],
    [[], [bucket], 'Kept the bucket “b”: undo leaves it as it is.'],
    [[], [], 'This setup made nothing that undo could remove.'],
  ])('%j, kept %j → %s', (removed, kept, words) => {
    expect(undoMessage(removed, kept)).toBe(words);
  });
});
