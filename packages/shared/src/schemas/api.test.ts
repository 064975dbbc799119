import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configValues } from '../../test/config-values-fixture';
import {
  accountSummarySchema,
  bucketListSchema,
  connectRequestSchema,
  errorEnvelopeSchema,
  generatedFileSchema,
  issuesFromZodError,
  planSchema,
  setupResultSchema,
} from './api';

function issues(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return issuesFromZodError(result.error);
}

describe('connectRequestSchema', () => {
  it('accepts the sandbox', () => {
    expect(connectRequestSchema.parse({ sandbox: true })).toEqual({ sandbox: true });
  });

  it('trims pasted spaces around the key ID and key', () => {
    expect(
      connectRequestSchema.parse({
        applicationKeyId: ' 004a1b2c3d4e ',
        applicationKey: '\tK004abc/def+ghi\n',
      }),
    ).toEqual({ applicationKeyId: '004a1b2c3d4e', applicationKey: 'K004abc/def+ghi' });
  });

  it('asks once for an empty key ID', () => {
    expect(
      issues(connectRequestSchema, { applicationKeyId: '', applicationKey: 'K004abc' }),
    ).toEqual([{ field: 'applicationKeyId', message: 'Enter the application key ID.' }]);
  });

  it('asks once for an empty key', () => {
    expect(
      issues(connectRequestSchema, { applicationKeyId: '004abc', applicationKey: '  ' }),
    ).toEqual([{ field: 'applicationKey', message: 'Enter the application key.' }]);
  });

  it('catches a key ID that is not one', () => {
    expect(
      issues(connectRequestSchema, { applicationKeyId: 'my-key-name', applicationKey: 'K004abc' }),
    ).toEqual([
      {
        field: 'applicationKeyId',
        message: 'An application key ID has only letters and digits. Check what you pasted.',
      },
    ]);
  });

  it('catches a hidden character inside the key', () => {
    expect(
      issues(connectRequestSchema, { applicationKeyId: '004abc', applicationKey: 'K004\u200babc' }),
    ).toEqual([
      {
        field: 'applicationKey',
        message: 'The application key has a space or hidden character in it. Paste it again.',
      },
    ]);
  });

  it('explains what to send when the body is neither form', () => {
    expect(issues(connectRequestSchema, {})).toEqual([
      { field: '', message: 'Send an application key ID and key, or {"sandbox": true}.' },
    ]);
    expect(issues(connectRequestSchema, { sandbox: false })).toEqual([
      { field: '', message: 'Send an application key ID and key, or {"sandbox": true}.' },
    ]);
  });
});

/** A bucket as B2 answers it (the one the config generators' tests use). */
const { bucket } = configValues();

describe('response schemas', () => {
  it('accountSummarySchema reads a session answer', () => {
    const summary = {
      accountId: 'a1b2c3',
      isMasterKey: true,
      capabilities: ['listBuckets'],
      missingCapabilities: ['writeKeys'],
      restrictedBucket: null,
      namePrefix: null,
      s3Endpoint: 'https://s3.us-west-004.backblazeb2.com',
      s3Region: 'us-west-004',
      sandbox: false,
    };
    expect(accountSummarySchema.parse(summary)).toEqual(summary);
  });

  it('bucketListSchema needs the revision, for ifRevisionIs', () => {
    expect(
      bucketListSchema.parse({ buckets: [{ ...bucket, revision: 3 }] }).buckets[0]?.revision,
    ).toBe(3);
    expect(issues(bucketListSchema, { buckets: [bucket] }).map((i) => i.field)).toEqual([
      'buckets.0.revision',
    ]);
  });

  it('lifecycle rules read from B2 get null day fields filled in', () => {
    const parsed = bucketListSchema.parse({
      buckets: [
        {
          ...bucket,
          revision: 1,
          lifecycleRules: [{ fileNamePrefix: 'a/', daysFromHidingToDeleting: 2 }],
        },
      ],
    });
    expect(parsed.buckets[0]?.lifecycleRules).toEqual([
      { fileNamePrefix: 'a/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 2 },
    ]);
  });

  it('planSchema refuses an unknown step kind', () => {
    expect(
      issues(planSchema, {
        steps: [{ kind: 'dropBucket', title: 'x', details: [], call: null }],
        warnings: [],
      }).map((i) => i.field),
    ).toEqual(['steps.0.kind']);
  });

  it('setupResultSchema reads a full result', () => {
    const result = {
      bucket,
      key: {
        applicationKeyId: '004a1b2c3d4e5f60000000001',
        applicationKey: 'K004abc/def+ghi',
        keyName: 'litestream-acme',
        capabilities: ['listFiles'],
        bucketId: bucket.bucketId,
        bucketIds: [bucket.bucketId],
        namePrefix: null,
        expirationTimestamp: null,
      },
      endpoint: { s3Endpoint: 'https://s3.us-west-004.backblazeb2.com', s3Region: 'us-west-004' },
      verification: {
        ok: true,
        checks: [
          {
            name: 'authorize',
            label: 'Signs in',
            ok: true,
            status: 'passed',
            detail: 'The key works.',
          },
        ],
      },
      files: [
        {
          target: 'all',
          filename: 'SETUP-SUMMARY.md',
          mediaType: 'text/markdown',
          content: '# x\n',
        },
      ],
    };
    expect(setupResultSchema.parse(result)).toEqual(result);
  });

  it('generatedFileSchema takes a target or all', () => {
    const file = { filename: 'f', mediaType: 'text/plain', content: '' };
    expect(generatedFileSchema.safeParse({ ...file, target: 'rclone' }).success).toBe(true);
    expect(generatedFileSchema.safeParse({ ...file, target: 'all' }).success).toBe(true);
    expect(generatedFileSchema.safeParse({ ...file, target: 'ftp' }).success).toBe(false);
  });

  it('errorEnvelopeSchema reads an error with field issues', () => {
    const envelope = {
      error: {
        code: 'validation_failed',
        message: 'Some settings need a change.',
        field: 'bucket.name',
        issues: [
          { field: 'bucket.name', message: "Bucket names can't contain '_'. Use '-' instead." },
        ],
        retryable: false,
      },
    };
    expect(errorEnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(issues(errorEnvelopeSchema, { error: { code: 'x' } }).map((i) => i.field)).toEqual([
      'error.message',
    ]);
  });
});

describe('issuesFromZodError', () => {
  it('joins paths with dots, array indexes included', () => {
    const schema = z.object({ a: z.array(z.object({ b: z.string().min(2, 'Too short.') })) });
    expect(issues(schema, { a: [{ b: 'ok' }, { b: 'x' }] })).toEqual([
      { field: 'a.1.b', message: 'Too short.' },
    ]);
  });

  it('gives an empty field for a problem with the whole value', () => {
    expect(issues(z.string({ error: 'Send a string.' }), 1)).toEqual([
      { field: '', message: 'Send a string.' },
    ]);
  });

  it('keeps one issue per problem', () => {
    const schema = z.object({ a: z.string('A.'), b: z.string('B.') });
    expect(issues(schema, {})).toEqual([
      { field: 'a', message: 'A.' },
      { field: 'b', message: 'B.' },
    ]);
  });
});
