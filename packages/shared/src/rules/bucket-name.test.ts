import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUCKET_NAME_MAX,
  bucketNameProblem,
  sameBucketName,
  suggestBucketName,
} from './bucket-name';

describe('bucketNameProblem', () => {
  it.each([
    ['a'.repeat(6), 6],
    ['a'.repeat(63), 63],
  ])('accepts a name of %s (%i characters)', (name) => {
    expect(bucketNameProblem(name)).toBeNull();
  });

  it('accepts letters of both cases, digits and dashes', () => {
    expect(bucketNameProblem('Acme-Backups-2024')).toBeNull();
    expect(bucketNameProblem('myBucket')).toBeNull();
  });

  it('asks for a name when it is empty', () => {
    expect(bucketNameProblem('')).toBe('Enter a bucket name.');
  });

  it('says how many characters to add to a 5-character name', () => {
    expect(bucketNameProblem('abcde')).toBe('Bucket names need at least 6 characters. Add 1 more.');
  });

  it('says how many characters to remove from a 64-character name', () => {
    expect(bucketNameProblem('a'.repeat(64))).toBe(
      'Bucket names can have at most 63 characters. Remove 1.',
    );
  });

  it("refuses '_' and names the fix", () => {
    expect(bucketNameProblem('my_bucket')).toBe("Bucket names can't contain '_'. Use '-' instead.");
  });

  it("refuses '.'", () => {
    expect(bucketNameProblem('my.bucket')).toBe("Bucket names can't contain '.'. Use '-' instead.");
  });

  it('refuses spaces, tabs included', () => {
    const message = "Bucket names can't contain spaces. Use '-' instead.";
    expect(bucketNameProblem('my bucket')).toBe(message);
    expect(bucketNameProblem('my\tbucket')).toBe(message);
  });

  it.each(['b2-x', 'B2-x', 'b2-backups', 'B2-Backups'])(
    "refuses the reserved start 'b2-' in %s, before any length problem",
    (name) => {
      expect(bucketNameProblem(name)).toBe(
        "Bucket names can't start with 'b2-': Backblaze keeps those. Choose another start.",
      );
    },
  );

  it("allows 'b2' without the dash, and 'b2-' later in the name", () => {
    expect(bucketNameProblem('b2backups')).toBeNull();
    expect(bucketNameProblem('acme-b2-backups')).toBeNull();
  });

  it('names a non-ASCII letter to remove', () => {
    expect(bucketNameProblem('café-bucket')).toBe(
      "Bucket names can only use letters a-z, digits and '-'. Remove 'é'.",
    );
  });

  it('names an emoji whole, not half of it', () => {
    expect(bucketNameProblem('bucket-😀')).toBe(
      "Bucket names can only use letters a-z, digits and '-'. Remove '😀'.",
    );
  });

  it('agrees with the rule in docs/b2-behaviour.md for any string', () => {
    const valid = (name: string) =>
      /^[A-Za-z0-9-]{6,63}$/.test(name) && !name.toLowerCase().startsWith('b2-');
    const chars = fc.constantFrom(...'abB2-_. é'.split(''), 'x', 'Z', '9');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 70 }), (name) => {
        expect(bucketNameProblem(name) === null).toBe(valid(name));
      }),
    );
  });
});

describe('sameBucketName', () => {
  it('ignores case, as B2 does', () => {
    expect(sameBucketName('MYPhotos', 'myphotos')).toBe(true);
  });

  it('tells different names apart', () => {
    expect(sameBucketName('myphotos', 'myphotos2')).toBe(false);
  });
});

describe('suggestBucketName', () => {
  it('adds a cleaned suffix', () => {
    expect(suggestBucketName('acme-backups', 'X7_q!')).toBe('acme-backups-x7q');
  });

  it('falls back to 1 when the suffix has nothing usable', () => {
    expect(suggestBucketName('acme-backups', '!!')).toBe('acme-backups-1');
  });

  it('stays within 63 characters for a 63-character name', () => {
    const suggestion = suggestBucketName('a'.repeat(63), 'abcdefghijk');
    expect(suggestion).toBe(`${'a'.repeat(54)}-abcdefgh`);
    expect(suggestion).toHaveLength(BUCKET_NAME_MAX);
  });

  it('keeps the minimum length when the name is mostly dashes', () => {
    expect(suggestBucketName('ab----', '1')).toBe('ab-100');
    expect(suggestBucketName('------', 'x')).toBe('bucket-x');
  });

  it('never suggests the taken name itself', () => {
    const taken = `${'a'.repeat(60)}-x1`;
    expect(suggestBucketName(taken, 'x1')).toBe(`${'a'.repeat(59)}-x1`);
  });

  it('always gives a valid name that differs from the taken one', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 'B', '9', '-'), maxLength: 40 });
    const validName = fc
      .tuple(part, fc.constantFrom('', '-', '----'), part, fc.constantFrom('', '-x1', '-abc'))
      .map((parts) => parts.join('').slice(0, BUCKET_NAME_MAX))
      .filter((name) => bucketNameProblem(name) === null);
    fc.assert(
      fc.property(
        validName,
        fc.oneof(fc.string(), fc.constantFrom('x1', 'abc')),
        (taken, suffix) => {
          const suggestion = suggestBucketName(taken, suffix);
          expect(bucketNameProblem(suggestion)).toBeNull();
          expect(sameBucketName(suggestion, taken)).toBe(false);
        },
      ),
    );
  });
});
