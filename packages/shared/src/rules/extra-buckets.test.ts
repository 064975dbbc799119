import { describe, expect, it } from 'vitest';
import { bucketIdProblem, extraBucketIdsProblems } from './extra-buckets';

describe('bucketIdProblem', () => {
  it.each(['4a48fe8875c6214145260818', 'e73ede9c9c8412db49f60715', 'a1'])(
    'accepts the bucket ID %s',
    (id) => {
      expect(bucketIdProblem(id)).toBeNull();
    },
  );

  it('refuses a bucket name in place of an ID, saying where the ID is', () => {
    expect(bucketIdProblem('acme-db-backups')).toBe(
      'key.extraBucketIds: “acme-db-backups” is not a bucket ID. A bucket ID has only letters and digits, like 4a48fe8875c6214145260818: copy it from the bucket list, not the bucket’s name.',
    );
  });

  it.each(['', ' 4a48fe8875c6214145260818', 'a'.repeat(65)])('refuses “%s”', (id) => {
    expect(bucketIdProblem(id)).toContain('is not a bucket ID');
  });
});

describe('extraBucketIdsProblems', () => {
  it('finds nothing wrong with distinct IDs', () => {
    expect(extraBucketIdsProblems(['aaa111', 'bbb222'])).toEqual([]);
  });

  it('names the second of two equal IDs', () => {
    expect(extraBucketIdsProblems(['aaa111', 'bbb222', 'aaa111'])).toEqual([
      {
        path: [2],
        message: 'key.extraBucketIds lists the bucket ID “aaa111” twice. List each bucket once.',
      },
    ]);
  });

  it('allows 20 other buckets and refuses 21, saying how many to remove', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `bucket${i}`);
    expect(extraBucketIdsProblems(ids(20))).toEqual([]);
    expect(extraBucketIdsProblems(ids(21))).toEqual([
      {
        path: [],
        message:
          'key.extraBucketIds can list at most 20 other buckets. Remove 1, or make another key for the rest.',
      },
    ]);
  });
});
