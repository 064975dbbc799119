// Existing buckets keep what they have unless the user changes it, a destructive change needs
// an explicit confirm, and a key too narrow for its tool is said so (docs/b2-behaviour.md).
import type { CorsRule, LifecycleRule, SetupRequestInput } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  idempotencyKey,
  requestBodies,
  seedLegacyBucket,
  setupRequest,
  uniqueName,
  writeCalls,
  useEmulatorApp,
} from './helpers';

const ctx = useEmulatorApp();

// B2's JSON for the console's choices.
const KEEP_ALL: LifecycleRule[] = [];
const KEEP_LATEST: LifecycleRule[] = [
  { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
];
const keepPrior = (days: number): LifecycleRule[] => [
  { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: days },
];
const SHOP_UPLOADS: CorsRule = {
  corsRuleName: 'shopUploads',
  allowedOrigins: ['https://shop.example.com'],
  allowedOperations: ['b2_download_file_by_name', 'b2_upload_file'],
  allowedHeaders: ['authorization', 'content-type'],
  exposeHeaders: null,
  maxAgeSeconds: 3600,
};

/** The shop's Laravel bucket: all versions kept, browsers upload to it. */
async function shopBucket(
  lifecycleRules: LifecycleRule[] = KEEP_ALL,
  corsRules: CorsRule[] = [SHOP_UPLOADS],
): Promise<string> {
  const { bucketId } = await seedLegacyBucket(ctx.emulator, uniqueName('shop'), {
    lifecycleRules,
    corsRules,
  });
  return bucketId;
}

function onExisting(
  bucketId: string,
  lifecycle: SetupRequestInput['lifecycle'],
  cors: SetupRequestInput['cors'],
): SetupRequestInput {
  return {
    ...setupRequest('rclone', 'unused'),
    bucket: { mode: 'existing', bucketId },
    lifecycle,
    cors,
  };
}

const codes = (body: { warnings: { code: string }[] }) => body.warnings.map((w) => w.code);
const bucketById = (id: string) => ctx.emulator.state().buckets.find((b) => b.bucketId === id)!;

describe('keepCurrent', () => {
  it('apply leaves an existing bucket’s lifecycle and CORS exactly as they were, with no update call', async () => {
    const bucketId = await shopBucket(keepPrior(30));
    const before = structuredClone(bucketById(bucketId));
    const request = onExisting(bucketId, { preset: 'keepCurrent' }, { preset: 'keepCurrent' });
    const plan = await ctx.agent.post('/api/setup/plan').send(request).expect(200);
    expect(plan.body.steps[0]).toMatchObject({ kind: 'useBucket', call: null });
    expect(codes(plan.body)).not.toContain('deletes_old_versions');
    const res = await ctx.agent
      .post('/api/setup/apply')
      .send({ ...request, idempotencyKey: idempotencyKey() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = bucketById(bucketId);
    expect(after.lifecycleRules).toEqual([
      { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 30 },
    ]);
    expect(after.corsRules).toEqual(before.corsRules);
    expect(after.revision).toBe(before.revision);
    expect(await requestBodies(ctx.emulator, 'b2_update_bucket')).toEqual([]);
  });

  it('is refused for a new bucket, naming the step and the fix', async () => {
    const request = setupRequest('rclone', uniqueName('new'), {
      lifecycle: { preset: 'keepCurrent' },
    });
    const res = await ctx.agent.post('/api/setup/plan').send(request).expect(400);
    expect(res.body.error.issues).toContainEqual({
      field: 'lifecycle.preset',
      message:
        '“Keep the rules it has now” is only for a bucket you already have. Choose a rule for the new bucket.',
    });
  });
});

describe('the worked cases: what the new lifecycle keeps less of', () => {
  it.each([
    ['keepAll', KEEP_ALL, { preset: 'keepLatest' }, true],
    ['keepAll', KEEP_ALL, { preset: 'keepPriorDays', days: 14 }, true],
    ['keepPriorDays 30', keepPrior(30), { preset: 'keepPriorDays', days: 7 }, true],
    ['keepPriorDays 7', keepPrior(7), { preset: 'keepPriorDays', days: 30 }, false],
    ['keepPriorDays 7', keepPrior(7), { preset: 'keepAll' }, false],
    ['keepLatest', KEEP_LATEST, { preset: 'keepAll' }, false],
    ['keepLatest', KEEP_LATEST, { preset: 'keepCurrent' }, false],
  ] as const)('%s → %j: deletes_old_versions %s', async (_today, today, lifecycle, warns) => {
    const bucketId = await shopBucket(today, []);
    const res = await ctx.agent
      .post('/api/setup/plan')
      .send(onExisting(bucketId, lifecycle, { preset: 'keepCurrent' }))
      .expect(200);
    expect(codes(res.body).includes('deletes_old_versions')).toBe(warns);
  });

  it('says what will happen, in B2’s numbers', async () => {
    const bucketId = await shopBucket(keepPrior(30), []);
    const res = await ctx.agent
      .post('/api/setup/plan')
      .send(onExisting(bucketId, { preset: 'keepPriorDays', days: 7 }, { preset: 'keepCurrent' }))
      .expect(200);
    expect(res.body.warnings).toContainEqual({
      code: 'deletes_old_versions',
      field: 'lifecycle',
      message:
        'Older versions of files will be deleted 7 days after they are replaced or hidden (today: after 30 days).',
    });
    expect(res.body.warnings).toContainEqual({
      code: 'replaces_lifecycle_rules',
      field: 'lifecycle',
      message: 'The bucket’s 1 lifecycle rule of today will be replaced by the ones shown.',
    });
  });
});

describe('CORS compared by content', () => {
  it('dropping the rules a shop’s browsers upload with carries removes_cors_rules', async () => {
    const bucketId = await shopBucket();
    const res = await ctx.agent
      .post('/api/setup/plan')
      .send(onExisting(bucketId, { preset: 'keepCurrent' }, { preset: 'none' }))
      .expect(200);
    expect(res.body.warnings).toContainEqual({
      code: 'removes_cors_rules',
      field: 'cors',
      message:
        'Web pages on https://shop.example.com will no longer be allowed to call b2_download_file_by_name, b2_upload_file on this bucket from a browser.',
    });
  });

  it('the same access under another rule name is no loss', async () => {
    const bucketId = await shopBucket();
    const renamed = { ...SHOP_UPLOADS, corsRuleName: 'sameAccessNewName' };
    const res = await ctx.agent
      .post('/api/setup/plan')
      .send(onExisting(bucketId, { preset: 'keepCurrent' }, { preset: 'custom', rules: [renamed] }))
      .expect(200);
    expect(codes(res.body)).toContain('replaces_cors_rules');
    expect(codes(res.body)).not.toContain('removes_cors_rules');
  });
});

describe('confirm', () => {
  const destructive = (bucketId: string) =>
    onExisting(bucketId, { preset: 'keepLatest' }, { preset: 'none' });

  it('apply without confirm answers 409 confirmation_needed and changes nothing', async () => {
    const bucketId = await shopBucket();
    const before = structuredClone(bucketById(bucketId));
    const writesBefore = writeCalls(ctx.emulator);
    const res = await ctx.agent
      .post('/api/setup/apply')
      .send({ ...destructive(bucketId), idempotencyKey: idempotencyKey() })
      .expect(409);
    expect(res.body.error.code).toBe('confirmation_needed');
    expect(res.body.error.confirmations.map((c: { code: string }) => c.code)).toEqual([
      'deletes_old_versions',
      'removes_cors_rules',
    ]);
    expect(res.body.error.confirmations[0].message).toBe(
      'Older versions of files will be deleted 1 day after they are replaced or hidden (today: kept for good).',
    );
    expect(bucketById(bucketId)).toEqual(before);
    expect(writeCalls(ctx.emulator)).toBe(writesBefore);
    expect(ctx.emulator.state().keys.filter((k) => k.bucketId === bucketId)).toEqual([]);
  });

  it('confirming only one of two consequences is still refused, naming the other', async () => {
    const bucketId = await shopBucket();
    const res = await ctx.agent
      .post('/api/setup/apply')
      .send({
        ...destructive(bucketId),
        idempotencyKey: idempotencyKey(),
        confirm: ['deletes_old_versions'],
      })
      .expect(409);
    expect(res.body.error.confirmations.map((c: { code: string }) => c.code)).toEqual([
      'removes_cors_rules',
    ]);
  });

  it('the same idempotencyKey sent again with confirm goes through and applies', async () => {
    const bucketId = await shopBucket();
    const key = idempotencyKey();
    await ctx.agent
      .post('/api/setup/apply')
      .send({ ...destructive(bucketId), idempotencyKey: key })
      .expect(409);
    const res = await ctx.agent.post('/api/setup/apply').send({
      ...destructive(bucketId),
      idempotencyKey: key,
      confirm: ['deletes_old_versions', 'removes_cors_rules'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(bucketById(bucketId).lifecycleRules).toEqual(KEEP_LATEST);
    expect(bucketById(bucketId).corsRules).toEqual([]);
  });

  it('Object Lock on a new bucket needs object_lock_permanent', async () => {
    const base = setupRequest('restic', uniqueName('locked'));
    const request = {
      ...base,
      bucket: { mode: 'create', name: uniqueName('locked'), objectLock: true },
    };
    const refused = await ctx.agent
      .post('/api/setup/apply')
      .send({ ...request, idempotencyKey: idempotencyKey() })
      .expect(409);
    expect(refused.body.error.confirmations).toEqual([
      {
        code: 'object_lock_permanent',
        message: 'Object Lock cannot be turned off once the bucket exists.',
      },
    ]);
    expect(ctx.emulator.callCounts().b2_create_bucket ?? 0).toBe(0);
    const res = await ctx.agent
      .post('/api/setup/apply')
      .send({ ...request, idempotencyKey: idempotencyKey(), confirm: ['object_lock_permanent'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.bucket.fileLockEnabled).toBe(true);
  });
});

describe('a key too narrow for its tool', () => {
  it('a read-only Litestream key gets access_too_narrow, and verification.ok false with a notChecked check', async () => {
    const base = setupRequest('litestream', uniqueName('litestream'));
    const request = { ...base, key: { ...base.key, access: 'readOnly' as const } };
    const plan = await ctx.agent.post('/api/setup/plan').send(request).expect(200);
    expect(plan.body.warnings).toContainEqual({
      code: 'access_too_narrow',
      field: 'key.access',
      message:
        'Litestream cannot back up with a read-only key: it needs to upload files and delete old files.',
    });
    const res = await ctx.agent
      .post('/api/setup/apply')
      .send({ ...request, idempotencyKey: idempotencyKey() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.verification.ok).toBe(false);
    expect(res.body.verification.checks).toContainEqual(
      expect.objectContaining({ name: 'S3: upload', status: 'notChecked', ok: false }),
    );
    for (const check of res.body.verification.checks) {
      expect(check.ok).toBe(check.status === 'passed');
    }
  });

  it('the tool’s least access gets no warning, and every needed check passes', async () => {
    const base = setupRequest('laravel', uniqueName('laravel'), {
      cors: {
        preset: 'oneOrigin',
        origin: 'https://shop.example.com',
        apis: 'both',
        uploads: true,
      },
      options: { laravel: { appUrl: 'https://shop.example.com', diskName: 'b2' } },
    });
    const request = { ...base, key: { ...base.key, access: 'noDelete' as const } };
    const plan = await ctx.agent.post('/api/setup/plan').send(request).expect(200);
    expect(codes(plan.body)).not.toContain('access_too_narrow');
    const res = await ctx.agent
      .post('/api/setup/apply')
      .send({ ...request, idempotencyKey: idempotencyKey() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.verification.ok).toBe(true);
  });
});
