// key.extraBucketIds in the contract: checked in the request, left out of recipes.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issuesFromZodError } from './api';
import { readRecipe, recipeFromRequest } from './recipe';
import { applyRequestSchema, setupRequestSchema, type SetupRequestInput } from './setup-request';

const request = (
  key: Partial<SetupRequestInput['key']> = {},
  over: Partial<SetupRequestInput> = {},
) =>
  ({
    target: 'aws-cli',
    bucket: { mode: 'create', name: 'acme-s3-files' },
    lifecycle: { preset: 'keepAll' },
    cors: { preset: 'none' },
    key: { name: 'acme-key', ...key },
    ...over,
  }) as SetupRequestInput;

function issues(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return issuesFromZodError(result.error);
}

describe('key.extraBucketIds', () => {
  it('is kept as sent, and is optional', () => {
    const ids = ['4a48fe8875c6214145260818', 'e73ede9c9c8412db49f60715'];
    expect(setupRequestSchema.parse(request({ extraBucketIds: ids })).key.extraBucketIds).toEqual(
      ids,
    );
    expect(setupRequestSchema.parse(request()).key).not.toHaveProperty('extraBucketIds');
  });

  it('refuses a list that is not one, naming the field and the form', () => {
    expect(issues(setupRequestSchema, request({ extraBucketIds: 'abc' as never }))).toEqual([
      {
        field: 'key.extraBucketIds',
        message:
          'key.extraBucketIds must be a list of bucket IDs, like ["4a48fe8875c6214145260818"].',
      },
    ]);
    expect(issues(setupRequestSchema, request({ extraBucketIds: [42 as never] }))).toEqual([
      {
        field: 'key.extraBucketIds.0',
        message: 'Each of key.extraBucketIds must be a bucket ID, like "4a48fe8875c6214145260818".',
      },
    ]);
  });

  it('refuses a bucket name and a repeated ID, each at its place', () => {
    expect(
      issues(setupRequestSchema, request({ extraBucketIds: ['aaa111', 'acme-photos', 'aaa111'] })),
    ).toEqual([
      {
        field: 'key.extraBucketIds.1',
        message:
          'key.extraBucketIds: “acme-photos” is not a bucket ID. A bucket ID has only letters and digits, like 4a48fe8875c6214145260818: copy it from the bucket list, not the bucket’s name.',
      },
      {
        field: 'key.extraBucketIds.2',
        message: 'key.extraBucketIds lists the bucket ID “aaa111” twice. List each bucket once.',
      },
    ]);
  });

  it('needs a key limited to buckets', () => {
    expect(
      issues(setupRequestSchema, request({ restrictToBucket: false, extraBucketIds: ['aaa111'] })),
    ).toEqual([
      {
        field: 'key.extraBucketIds',
        message:
          'key.extraBucketIds is only for a key limited to buckets: turn key.restrictToBucket back on, or leave key.extraBucketIds out.',
      },
    ]);
  });

  it('never names the existing bucket the setup is for, in the apply request too', () => {
    const own = request(
      { extraBucketIds: ['bbb222', 'aaa111'] },
      { bucket: { mode: 'existing', bucketId: 'aaa111' }, lifecycle: { preset: 'keepCurrent' } },
    );
    const expected = [
      {
        field: 'key.extraBucketIds.1',
        message:
          'key.extraBucketIds lists the setup’s own bucket, which the key always reaches. Remove it from key.extraBucketIds.',
      },
    ];
    expect(issues(setupRequestSchema, own)).toEqual(expected);
    expect(issues(applyRequestSchema, { ...own, idempotencyKey: 'apply-12345678' })).toEqual(
      expected,
    );
  });
});

describe('recipes and key.extraBucketIds', () => {
  it('a saved recipe leaves the other buckets out: bucket IDs belong to one account', () => {
    const parsed = setupRequestSchema.parse(request({ extraBucketIds: ['aaa111', 'bbb222'] }));
    const recipe = recipeFromRequest(parsed);
    expect(recipe.key).toEqual({ access: 'readWrite', restrictToBucket: true });
    expect(JSON.stringify(recipe)).not.toContain('aaa111');
  });

  it('a recipe file that holds them is refused, saying why and what to do', () => {
    const recipe = recipeFromRequest(setupRequestSchema.parse(request()));
    const text = JSON.stringify({ ...recipe, key: { ...recipe.key, extraBucketIds: ['aaa111'] } });
    expect(readRecipe(text)).toEqual({
      ok: false,
      message:
        'A recipe holds no other buckets for the key (key.extraBucketIds): bucket IDs belong to one account. Remove key.extraBucketIds from the file, and choose the other buckets on the key step.',
    });
  });
});
