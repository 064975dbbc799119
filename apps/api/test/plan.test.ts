import { bucketNameProblem, planSchema, type SetupRequestInput } from '@b2wiz/shared';
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { b2Native, setupRequest, uniqueName, writeCalls, useEmulatorApp } from './helpers';

const ctx = useEmulatorApp();

const plan = (body: unknown) => ctx.agent.post('/api/setup/plan').send(body as object);

function fieldsOf(res: Response): string[] {
  return (res.body.error.issues as { field: string }[]).map((i) => i.field);
}

describe('POST /api/setup/plan', () => {
  it('when a new Litestream bucket is planned, then every B2 change is listed and nothing is written', async () => {
    const name = uniqueName('litestream');
    const res = await plan(setupRequest('litestream', name)).expect(200);
    const body = planSchema.parse(res.body);
    expect(body.steps.map((s) => s.kind)).toEqual([
      'createBucket',
      'createKey',
      'checkKey',
      'generateFiles',
    ]);
    expect(body.steps[0]).toMatchObject({
      call: 'b2_create_bucket',
      title: `Create the private bucket “${name}”`,
      proposed: {
        lifecycleRules: [
          { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
        ],
        corsRules: [],
      },
    });
    expect(body.steps[0]!.details).toContain(
      'Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).',
    );
    expect(body.steps[1]!.details.join(' ')).toContain('listAllBucketNames');
    expect(body.steps[3]!.title).toBe('Prepare litestream.yml, SETUP-SUMMARY.md');
    // The master key cannot be used with S3: the plan says the new key is what Litestream uses.
    expect(body.warnings.map((w) => w.code)).toContain('master_key_not_for_s3');

    expect(writeCalls(ctx.emulator)).toBe(0);
    expect(ctx.emulator.state().buckets.some((b) => b.bucketName === name)).toBe(false);
  });

  it('when the name is one of your own buckets, then 409 bucket_exists on bucket.name with a free suggestion', async () => {
    const name = uniqueName('mine');
    await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: name,
      bucketType: 'allPrivate',
    });
    const writesBefore = writeCalls(ctx.emulator);
    const res = await plan(setupRequest('rclone', name.toUpperCase())).expect(409);
    expect(res.body.error).toMatchObject({ code: 'bucket_exists', field: 'bucket.name' });
    const suggestion = res.body.error.suggestion as string;
    expect(suggestion).not.toBe(name);
    expect(suggestion.toLowerCase().startsWith(name)).toBe(true);
    expect(bucketNameProblem(suggestion)).toBeNull();
    expect(writeCalls(ctx.emulator)).toBe(writesBefore);
  });

  it('when the name belongs to another customer, then plan cannot know and lists the create (apply will tell)', async () => {
    const res = await plan(setupRequest('rclone', 'taken-bucket-name')).expect(200);
    expect(res.body.steps[0].kind).toBe('createBucket');
  });

  it('when an existing bucket has other rules, then today’s rules stand beside the new ones with warnings', async () => {
    const current = {
      lifecycleRules: [
        { fileNamePrefix: 'logs/', daysFromUploadingToHiding: 7, daysFromHidingToDeleting: 1 },
      ],
      corsRules: [
        {
          corsRuleName: 'oldRuleForSite',
          allowedOrigins: ['https://old.example.com'],
          allowedOperations: ['b2_download_file_by_name'],
          maxAgeSeconds: 60,
        },
      ],
    };
    const bucket = await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: uniqueName('existing'),
      bucketType: 'allPrivate',
      ...current,
    });
    const writesBefore = writeCalls(ctx.emulator);
    const res = await plan(
      setupRequest('rclone', 'unused-name', {
        bucket: { mode: 'existing', bucketId: String(bucket.bucketId) },
      }),
    ).expect(200);
    const step = res.body.steps[0];
    expect(step.kind).toBe('updateBucket');
    expect(step.call).toBe('b2_update_bucket');
    expect(step.current.lifecycleRules[0]).toMatchObject(current.lifecycleRules[0]!);
    expect(step.current.corsRules[0].corsRuleName).toBe('oldRuleForSite');
    expect(step.proposed).toEqual({
      lifecycleRules: [
        { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
      ],
      corsRules: [],
    });
    const codes = res.body.warnings.map((w: { code: string }) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining(['replaces_lifecycle_rules', 'replaces_cors_rules']),
    );
    const after = ctx.emulator.state().buckets.find((b) => b.bucketId === bucket.bucketId)!;
    expect(after.revision).toBe(bucket.revision);
    expect(writeCalls(ctx.emulator)).toBe(writesBefore);
  });

  it('when an existing bucket already has the chosen rules, then the plan uses it as it is', async () => {
    const bucket = await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: uniqueName('same'),
      bucketType: 'allPrivate',
    });
    const res = await plan(
      setupRequest('aws-cli', 'unused-name', {
        bucket: { mode: 'existing', bucketId: String(bucket.bucketId) },
      }),
    ).expect(200);
    expect(res.body.steps[0]).toMatchObject({ kind: 'useBucket', call: null });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).not.toContain(
      'replaces_lifecycle_rules',
    );
  });

  it('when the existing bucket is unknown, then 404 bucket_not_found on bucket.bucketId', async () => {
    const res = await plan(
      setupRequest('rclone', 'x', {
        bucket: { mode: 'existing', bucketId: 'ffffffffffffffffffffffff' },
      }),
    ).expect(404);
    expect(res.body.error).toMatchObject({ code: 'bucket_not_found', field: 'bucket.bucketId' });
  });

  it('when a public bucket with Object Lock and an expiring, unrestricted key are planned, then each gets a warning', async () => {
    const base = setupRequest('other', uniqueName('public'));
    const res = await plan({
      ...base,
      bucket: {
        mode: 'create',
        name: uniqueName('public'),
        type: 'allPublic',
        encryption: false,
        objectLock: true,
      },
      key: { ...base.key, restrictToBucket: false, validDays: 30 },
    }).expect(200);
    const warnings = res.body.warnings as { code: string; field?: string }[];
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'public_bucket', field: 'bucket.type' }),
        expect.objectContaining({ code: 'object_lock_permanent', field: 'bucket.objectLock' }),
        expect.objectContaining({ code: 'key_not_restricted', field: 'key.restrictToBucket' }),
        expect.objectContaining({ code: 'key_expires', field: 'key.validDays' }),
        // An old request asking for encryption off is told, in plain words, that it stays on.
        expect.objectContaining({
          code: 'encryption_always_on',
          field: 'bucket.encryption',
          message:
            'You asked for encryption off. Backblaze encrypts every bucket now, so it stays on; nothing else changes.',
        }),
      ]),
    );
  });
});

describe('POST /api/setup/plan with invalid input', () => {
  const valid = () =>
    setupRequest('laravel', uniqueName('laravel'), {
      cors: { preset: 'oneOrigin', origin: 'https://app.example.com', apis: 'both', uploads: true },
    });

  const cases: [string, (r: SetupRequestInput) => unknown, string][] = [
    ['target', (r) => ({ ...r, target: 'ftp' }), 'target'],
    [
      'bucket name too short',
      (r) => ({ ...r, bucket: { ...r.bucket, name: 'ab' } }),
      'bucket.name',
    ],
    [
      'bucket name with _',
      (r) => ({ ...r, bucket: { ...r.bucket, name: 'my_bucket' } }),
      'bucket.name',
    ],
    ['bucket mode', (r) => ({ ...r, bucket: { mode: 'rent' } }), 'bucket.mode'],
    [
      'lifecycle days',
      (r) => ({ ...r, lifecycle: { preset: 'keepPriorDays', days: 0 } }),
      'lifecycle.days',
    ],
    [
      'custom lifecycle rule',
      (r) => ({
        ...r,
        lifecycle: {
          preset: 'custom',
          rules: [
            { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: null },
          ],
        },
      }),
      'lifecycle.rules.0',
    ],
    [
      'CORS origin',
      (r) => ({ ...r, cors: { preset: 'oneOrigin', origin: 'not a url', apis: 'both' } }),
      'cors.origin',
    ],
    ['key name', (r) => ({ ...r, key: { ...r.key, name: 'has space' } }), 'key.name'],
    ['key access', (r) => ({ ...r, key: { ...r.key, access: 'everything' } }), 'key.access'],
    ['key days', (r) => ({ ...r, key: { ...r.key, validDays: 5000 } }), 'key.validDays'],
    ['key prefix', (r) => ({ ...r, key: { ...r.key, namePrefix: '/abs' } }), 'key.namePrefix'],
    [
      'Litestream path',
      (r) => ({ ...r, options: { litestream: { dbPath: 'relative.db', replicaPath: 'x' } } }),
      'options.litestream.dbPath',
    ],
  ];

  for (const [what, change, field] of cases) {
    it(`when the ${what} is wrong, then 400 invalid_request names ${field}`, async () => {
      const res = await plan(change(valid())).expect(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(fieldsOf(res).some((f) => f === field || f.startsWith(`${field}.`))).toBe(true);
      expect(res.body.error.field).toBe(res.body.error.issues[0].field);
      expect(typeof res.body.error.message).toBe('string');
    });
  }

  it('when several fields are wrong, then each has its own issue, not one joined string', async () => {
    const r = valid();
    const res = await plan({
      ...r,
      bucket: { ...r.bucket, name: 'x' },
      key: { ...r.key, name: 'bad name' },
    }).expect(400);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['bucket.name', 'key.name']));
    expect(res.body.error.message).toMatch(/and 1 more problem/);
  });

  it('when the body is not an object, then 400 invalid_request', async () => {
    const res = await plan([1, 2]).expect(400);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('when not connected, then 401 not_connected', async () => {
    const res = await ctx.t.agent().post('/api/setup/plan').send(valid()).expect(401);
    expect(res.body.error.code).toBe('not_connected');
  });
});
