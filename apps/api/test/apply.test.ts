import {
  corsRulesFor,
  errorEnvelopeSchema,
  keyCapabilities,
  lifecycleRulesFor,
  setupResultSchema,
  TARGET_PRESETS,
  TARGETS,
  type SetupRequestInput,
} from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  b2Native,
  createKeyOnEmulator,
  idempotencyKey,
  setupRequest,
  totalCalls,
  uniqueName,
  useEmulatorApp,
} from './helpers';

const ctx = useEmulatorApp();

const apply = (body: SetupRequestInput, key = idempotencyKey(), confirm?: string[]) =>
  ctx.agent.post('/api/setup/apply').send({ ...body, idempotencyKey: key, confirm });
/** The existing buckets below keep files for good today; the user agrees to delete old ones. */
const DELETES = ['deletes_old_versions'];

/** restic on an existing bucket, its user agreeing to delete old versions. */
const applyResticTo = (bucketId: string) =>
  apply(
    setupRequest('restic', 'x', { bucket: { mode: 'existing', bucketId } }),
    idempotencyKey(),
    DELETES,
  );

const bucketNamed = (name: string) =>
  ctx.emulator.state().buckets.find((b) => b.bucketName === name);
const keysOf = (bucketId: string) =>
  ctx.emulator.state().keys.filter((k) => k.bucketId === bucketId);

describe('POST /api/setup/apply', () => {
  it('when a new bucket is set up, then one create_bucket carries every setting and one key is made for it', async () => {
    const name = uniqueName('laravel');
    const request = setupRequest('laravel', name, {
      cors: { preset: 'oneOrigin', origin: 'https://app.example.com', apis: 'both', uploads: true },
      options: { laravel: { appUrl: 'https://app.example.com', diskName: 'b2' } },
    });
    const res = await apply(request).expect(200);
    const result = setupResultSchema.parse(res.body);

    expect(ctx.emulator.callCounts().b2_create_bucket).toBe(1);
    expect(ctx.emulator.callCounts().b2_update_bucket ?? 0).toBe(0);
    expect(ctx.emulator.callCounts().b2_create_key).toBe(1);
    const bucket = bucketNamed(name)!;
    expect(bucket.corsRules).toEqual(
      corsRulesFor({
        preset: 'oneOrigin',
        origin: 'https://app.example.com',
        apis: 'both',
        uploads: true,
      }),
    );
    expect(bucket.lifecycleRules).toEqual([]);
    expect(bucket.revision).toBe(1);
    const [key] = keysOf(bucket.bucketId);
    expect(key).toMatchObject({
      applicationKeyId: result.key.applicationKeyId,
      keyName: 'laravel-key',
      bucketId: bucket.bucketId,
    });
    expect([...key!.capabilities].sort()).toEqual(keyCapabilities('readWrite', true).sort());

    expect(result.bucket).toMatchObject({
      bucketId: bucket.bucketId,
      bucketName: name,
      bucketType: 'allPrivate',
    });
    expect(result.key.applicationKey).toMatch(/^K/);
    // The emulator serves S3 at its own URL; the region is the configured fallback.
    expect(result.endpoint).toEqual({ s3Endpoint: ctx.emulator.url, s3Region: 'us-west-004' });
    expect(result.files.map((f) => f.filename)).toEqual([
      'laravel.env',
      'filesystems-disk.php',
      'SETUP-SUMMARY.md',
    ]);
    expect(result.files[0]!.content).toContain(result.key.applicationKeyId);
  });

  it('when the key may write, then the check signs in, uploads a marker inside its prefix and deletes it', async () => {
    const name = uniqueName('prefixed');
    // A native tool's: its marker goes over B2's native API.
    const base = setupRequest('jetbackup', name);
    const res = await apply({ ...base, key: { ...base.key, namePrefix: 'server-1/' } }).expect(200);
    expect(res.body.verification.ok).toBe(true);
    expect(res.body.verification.checks.map((c: { name: string }) => c.name)).toEqual([
      'authorize',
      'restrictedToBucket',
      'capabilities',
      'upload',
      'delete',
    ]);
    const upload = res.body.verification.checks.find((c: { name: string }) => c.name === 'upload');
    expect(upload.detail).toMatch(/“server-1\/b2-setup-wizard-check-[0-9a-f]+\.txt”/);
    expect(ctx.emulator.callCounts().b2_upload_file).toBe(1);
    expect(ctx.emulator.callCounts().b2_delete_file_version).toBe(1);
    expect(Object.keys(ctx.emulator.callCounts()).filter((c) => c.startsWith('s3_'))).toEqual([]);
    expect(ctx.emulator.state().files).toEqual([]);
    expect(keysOf(bucketNamed(name)!.bucketId)[0]!.namePrefix).toBe('server-1/');
  });

  it('when the key may write but not delete, then the marker is removed with the connected key', async () => {
    const base = setupRequest('other', uniqueName('nodelete'));
    const res = await apply({ ...base, key: { ...base.key, access: 'noDelete' } }).expect(200);
    const checks = res.body.verification.checks as { name: string; ok: boolean; detail: string }[];
    // The key never deleted anything itself: not checked, and never shown as passed.
    expect(checks.find((c) => c.name === 'delete')).toMatchObject({
      ok: false,
      status: 'notChecked',
      label: 'Can delete a file',
    });
    expect(checks.find((c) => c.name === 'delete')!.detail).toContain('connected key');
    // "Something else" works with a key that only hides files: the setup still counts as working.
    expect(res.body.verification.ok).toBe(true);
    expect(ctx.emulator.state().files).toEqual([]);
  });

  it('when the key is read only, then no file is written', async () => {
    const base = setupRequest('other', uniqueName('readonly'));
    const res = await apply({
      ...base,
      key: { ...base.key, access: 'readOnly', validDays: 7 },
    }).expect(200);
    // Uploading was not proven, and the tool needs it: the key is not reported as working.
    expect(res.body.verification.ok).toBe(false);
    expect(
      res.body.verification.checks.find((c: { name: string }) => c.name === 'upload'),
    ).toMatchObject({ ok: false, status: 'notChecked', label: 'Can upload a file' });
    expect(ctx.emulator.callCounts().b2_upload_file ?? 0).toBe(0);
    const key = keysOf(res.body.bucket.bucketId)[0]!;
    expect(key.capabilities).toEqual(keyCapabilities('readOnly', false));
    expect(res.body.key.expirationTimestamp).toBe(key.expirationTimestamp);
    const days = (key.expirationTimestamp! - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('when an existing bucket is set up, then update_bucket replaces its rules with ifRevisionIs', async () => {
    const bucket = await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: uniqueName('existing'),
      bucketType: 'allPrivate',
      lifecycleRules: [
        { fileNamePrefix: 'tmp/', daysFromUploadingToHiding: 1, daysFromHidingToDeleting: 1 },
      ],
    });
    const res = await applyResticTo(String(bucket.bucketId)).expect(200);
    const after = ctx.emulator.state().buckets.find((b) => b.bucketId === bucket.bucketId)!;
    expect(after.revision).toBe(Number(bucket.revision) + 1);
    expect(after.lifecycleRules).toEqual([
      { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
    ]);
    expect(ctx.emulator.callCounts().b2_create_bucket).toBe(1); // the test's own
    expect(ctx.emulator.callCounts().b2_update_bucket).toBe(1);
    expect(res.body.bucket.lifecycleRules).toEqual(after.lifecycleRules);
  });

  it('when someone else changes the bucket between read and write, then 409 conflict and nothing more', async () => {
    const bucket = await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: uniqueName('raced'),
      bucketType: 'allPrivate',
    });
    ctx.emulator.addFault({ call: 'b2_update_bucket', status: 409, code: 'conflict', times: 1 });
    const res = await applyResticTo(String(bucket.bucketId)).expect(409);
    expect(res.body.error.code).toBe('conflict');
    expect(ctx.emulator.callCounts().b2_create_key ?? 0).toBe(0);
  });

  it('when the name belongs to another customer, then duplicate_bucket_name lands on bucket.name with a suggestion', async () => {
    const res = await apply(setupRequest('rclone', 'taken-bucket-name')).expect(409);
    const { error } = errorEnvelopeSchema.parse(res.body);
    expect(error).toMatchObject({ code: 'duplicate_bucket_name', field: 'bucket.name' });
    expect(error.message).toContain('already taken');
    expect(error.suggestion).toMatch(/^taken-bucket-name-[a-z0-9]+$/);
    expect(error.created).toBeUndefined();
    expect(ctx.emulator.state().keys).toEqual([]);
  });

  it('when a key lacks writeBuckets, then apply refuses before any B2 write and names the capability', async () => {
    const key = await createKeyOnEmulator(ctx.emulator, ['listBuckets', 'writeKeys', 'listKeys']);
    const limited = ctx.t.agent();
    await limited.post('/api/session').send(key).expect(200);
    const before = ctx.emulator.callCounts().b2_create_bucket ?? 0;
    const res = await limited
      .post('/api/setup/apply')
      .send({ ...setupRequest('rclone', uniqueName('nocaps')), idempotencyKey: idempotencyKey() })
      .expect(403);
    expect(res.body.error.code).toBe('missing_capability');
    expect(res.body.error.message).toContain('“writeBuckets”');
    expect(ctx.emulator.callCounts().b2_create_bucket ?? 0).toBe(before);
  });

  it('when idempotencyKey is missing, then 400 names it', async () => {
    const res = await ctx.agent
      .post('/api/setup/apply')
      .send(setupRequest('rclone', uniqueName()))
      .expect(400);
    expect(res.body.error.field).toBe('idempotencyKey');
  });
});

describe('the key check’s round trips', () => {
  it('when each target is set up with its defaults, then the key check signs in and writes one marker, over the API its tool uses: four calls', async () => {
    const origin = 'https://app.example.com';
    for (const target of TARGETS) {
      ctx.emulator.resetCallCounts();
      const request = setupRequest(
        target,
        uniqueName(`trips-${target}`),
        target === 'laravel'
          ? {
              cors: { preset: 'oneOrigin', origin, apis: 'both', uploads: true },
              options: { laravel: { appUrl: origin, diskName: 'b2' } },
            }
          : {},
      );
      const res = await apply(request).expect(200);
      expect(res.body.verification.ok, target).toBe(true);
      const { b2_create_bucket, b2_create_key, ...keyCheck } = ctx.emulator.callCounts();
      expect([b2_create_bucket, b2_create_key], target).toEqual([1, 1]);
      expect(keyCheck, target).toEqual(
        TARGET_PRESETS[target].usesS3
          ? { b2_authorize_account: 1, s3_head_bucket: 1, s3_put_object: 1, s3_delete_object: 1 }
          : {
              b2_authorize_account: 1,
              b2_get_upload_url: 1,
              b2_upload_file: 1,
              b2_delete_file_version: 1,
            },
      );
      expect(ctx.emulator.state().files, target).toEqual([]);
    }
  });
});

describe('idempotent replay', () => {
  it('when the same idempotencyKey is sent again, then the same result comes back and B2 sees no call', async () => {
    const key = idempotencyKey();
    const request = setupRequest('litestream', uniqueName('replay'));
    const first = await apply(request, key).expect(200);
    const callsAfterFirst = totalCalls(ctx.emulator);
    const second = await apply(request, key).expect(200);
    expect(second.body).toEqual(first.body);
    expect(totalCalls(ctx.emulator)).toBe(callsAfterFirst);
    expect(ctx.emulator.state().keys).toHaveLength(1);
  });

  it('when duplicates arrive at the same time, then they wait for the first and share its result', async () => {
    ctx.emulator.setLatency(40);
    try {
      const key = idempotencyKey();
      const request = setupRequest('rclone', uniqueName('concurrent'));
      const [a, b, c] = await Promise.all([
        apply(request, key),
        apply(request, key),
        apply(request, key),
      ]);
      expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
      expect(b.body).toEqual(a.body);
      expect(c.body).toEqual(a.body);
      expect(ctx.emulator.callCounts().b2_create_bucket).toBe(1);
      expect(ctx.emulator.callCounts().b2_create_key).toBe(1);
      expect(ctx.emulator.state().keys).toHaveLength(1);
    } finally {
      ctx.emulator.setLatency(0);
    }
  });

  it('when another request comes with the same idempotencyKey while the first runs, then 422 at once, not the first one’s key', async () => {
    ctx.emulator.setLatency(40);
    try {
      const key = idempotencyKey();
      const [first, other] = await Promise.all([
        apply(setupRequest('rclone', uniqueName('first')), key),
        apply(setupRequest('rclone', uniqueName('other')), key),
      ]);
      expect(first.status).toBe(200);
      expect(other.status).toBe(422);
      expect(other.body.error).toMatchObject({
        code: 'idempotency_key_reused',
        field: 'idempotencyKey',
      });
      expect(JSON.stringify(other.body)).not.toContain(first.body.key.applicationKey);
      expect(ctx.emulator.callCounts().b2_create_bucket).toBe(1);
    } finally {
      ctx.emulator.setLatency(0);
    }
  });

  it('when the same idempotencyKey comes with another request, then 422 and nothing is made', async () => {
    const key = idempotencyKey();
    await apply(setupRequest('rclone', uniqueName('one')), key).expect(200);
    const res = await apply(setupRequest('rclone', uniqueName('two')), key).expect(422);
    expect(res.body.error).toMatchObject({
      code: 'idempotency_key_reused',
      field: 'idempotencyKey',
    });
    expect(
      ctx.emulator.state().buckets.filter((b) => b.accountId === ctx.emulator.accountId),
    ).toHaveLength(1);
  });
});

describe('failures part way, and resuming', () => {
  it('when create_key keeps failing, then the error says the bucket exists; the retry finishes without a second bucket', async () => {
    const name = uniqueName('partway');
    const key = idempotencyKey();
    ctx.emulator.addFault({
      call: 'b2_create_key',
      status: 503,
      code: 'service_unavailable',
      times: 5,
    });
    const failed = await apply(setupRequest('rclone', name), key).expect(502);
    const { error } = errorEnvelopeSchema.parse(failed.body);
    expect(error.code).toBe('service_unavailable');
    expect(error.retryable).toBe(true);
    const bucket = bucketNamed(name)!;
    expect(error.created).toEqual({ bucket: { bucketId: bucket.bucketId, bucketName: name } });
    expect(error.message).toContain(`“${name}” was created`);
    expect(ctx.emulator.callCounts().b2_create_key).toBe(5); // tried 5 times, then gave up

    ctx.emulator.clearFaults();
    const done = await apply(setupRequest('rclone', name), key).expect(200);
    expect(done.body.bucket.bucketId).toBe(bucket.bucketId);
    expect(ctx.emulator.callCounts().b2_create_bucket).toBe(1);
    expect(keysOf(bucket.bucketId)).toHaveLength(1);
  });

  it('when the create_bucket answer is lost, then the retry finds the bucket by name and uses it', async () => {
    const name = uniqueName('lostbucket');
    const key = idempotencyKey();
    ctx.emulator.addFault({ call: 'b2_create_bucket', drop: 'after', times: 1 });
    const failed = await apply(setupRequest('restic', name), key).expect(502);
    expect(failed.body.error).toMatchObject({ code: 'network_error', retryable: true });
    expect(bucketNamed(name)).toBeDefined(); // it was made; we just did not hear back
    expect(ctx.emulator.callCounts().b2_create_bucket).toBe(1); // a lost write is not blindly repeated

    const done = await apply(setupRequest('restic', name), key).expect(200);
    expect(ctx.emulator.callCounts().b2_create_bucket).toBe(1);
    expect(done.body.bucket.bucketId).toBe(bucketNamed(name)!.bucketId);
    expect(keysOf(done.body.bucket.bucketId)).toHaveLength(1);
  });

  it('when the create_key answer is lost, then the retry deletes the orphan and exactly one key remains, the one returned', async () => {
    const name = uniqueName('lostkey');
    const key = idempotencyKey();
    ctx.emulator.addFault({ call: 'b2_create_key', drop: 'after', times: 1 });
    const failed = await apply(setupRequest('rclone', name), key).expect(502);
    expect(failed.body.error.created.bucket.bucketName).toBe(name);
    expect(failed.body.error.retryable).toBe(true);
    const bucketId = bucketNamed(name)!.bucketId;
    const orphan = keysOf(bucketId);
    expect(orphan).toHaveLength(1); // made, but its secret never reached anyone

    const done = await apply(setupRequest('rclone', name), key).expect(200);
    const keys = keysOf(bucketId);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.applicationKeyId).toBe(done.body.key.applicationKeyId);
    expect(keys[0]!.applicationKeyId).not.toBe(orphan[0]!.applicationKeyId);
    expect(ctx.emulator.callCounts().b2_list_keys).toBe(1);
    expect(ctx.emulator.callCounts().b2_delete_key).toBe(1);
    expect(done.body.verification.ok).toBe(true);
  });

  it('when a lost key answer is resumed on an existing bucket, then older keys of the same name are spared', async () => {
    const bucket = await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: uniqueName('spare'),
      bucketType: 'allPrivate',
    });
    const request = setupRequest('rclone', 'x', {
      bucket: { mode: 'existing', bucketId: String(bucket.bucketId) },
    });
    // A key the user made earlier, same name and rights: a tool may be using it.
    const earlier = await b2Native(ctx.emulator, 'b2_create_key', {
      keyName: 'rclone-key',
      capabilities: keyCapabilities('readWrite', false),
      bucketId: bucket.bucketId,
    });
    const key = idempotencyKey();
    ctx.emulator.addFault({ call: 'b2_create_key', drop: 'after', times: 1 });
    await apply(request, key, DELETES).expect(502);
    const done = await apply(request, key, DELETES).expect(200);
    const ids = keysOf(String(bucket.bucketId))
      .map((k) => k.applicationKeyId)
      .sort();
    expect(ids).toEqual([String(earlier.applicationKeyId), done.body.key.applicationKeyId].sort());
  });
});

describe('doubtful outcomes', () => {
  it('when create_bucket answers 500 after making the bucket, then the repeat’s duplicate_bucket_name finds it and uses it', async () => {
    const name = uniqueName('made500');
    const request = setupRequest('rclone', name);
    // As if the first attempt made the bucket (same settings) and then answered 500.
    await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: name,
      bucketType: 'allPrivate',
      lifecycleRules: lifecycleRulesFor({ preset: 'keepLatest' }),
    });
    ctx.emulator.addFault({ call: 'b2_create_bucket', status: 500, times: 1 });
    const res = await apply(request).expect(200);
    expect(res.body.bucket.bucketId).toBe(bucketNamed(name)!.bucketId);
    expect(ctx.emulator.callCounts().b2_create_bucket).toBe(3); // the test's own, the 500, the repeat
  });

  it('when an unrestricted key’s answer is lost, then the retry spares an older key of the same name and rights', async () => {
    const base = setupRequest('rclone', uniqueName('twin'));
    const request = { ...base, key: { ...base.key, restrictToBucket: false } };
    const twin = await b2Native(ctx.emulator, 'b2_create_key', {
      keyName: 'rclone-key',
      capabilities: keyCapabilities('readWrite', false),
    });
    const key = idempotencyKey();
    ctx.emulator.addFault({ call: 'b2_create_key', drop: 'after', times: 1 });
    await apply(request, key).expect(502);
    const done = await apply(request, key).expect(200);
    const ids = ctx.emulator
      .state()
      .keys.map((k) => k.applicationKeyId)
      .sort();
    expect(ids).toEqual([String(twin.applicationKeyId), done.body.key.applicationKeyId].sort());
  });
});

describe('B2 retries and re-authorization', () => {
  it('when B2 answers 503 twice, then the gateway retries and the setup succeeds', async () => {
    ctx.emulator.addFault({ call: 'b2_create_bucket', status: 503, times: 2 });
    await apply(setupRequest('rclone', uniqueName('busy'))).expect(200);
    expect(ctx.emulator.callCounts().b2_create_bucket).toBe(3);
    expect(
      ctx.emulator.state().buckets.filter((b) => b.accountId === ctx.emulator.accountId),
    ).toHaveLength(1);
  });

  it('when B2 answers 429 with Retry-After, then the gateway waits and tries again', async () => {
    ctx.emulator.addFault({ call: 'b2_create_key', status: 429, retryAfter: 1, times: 1 });
    const started = Date.now();
    await apply(setupRequest('rclone', uniqueName('slow'))).expect(200);
    expect(ctx.emulator.callCounts().b2_create_key).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15); // Retry-After, capped at 20 ms in tests
  });

  it('when B2 answers 400, then it is not repeated', async () => {
    ctx.emulator.addFault({
      call: 'b2_create_bucket',
      status: 400,
      code: 'bad_request',
      message: 'no thanks',
      times: 3,
    });
    const res = await apply(setupRequest('rclone', uniqueName('refused'))).expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toContain('no thanks');
    expect(ctx.emulator.callCounts().b2_create_bucket).toBe(1);
  });

  it('when B2 answers 401 unauthorized, then it is not repeated and no re-authorization happens', async () => {
    ctx.emulator.addFault({
      call: 'b2_create_bucket',
      status: 401,
      code: 'unauthorized',
      times: 3,
    });
    const authBefore = ctx.emulator.callCounts().b2_authorize_account!;
    const res = await apply(setupRequest('rclone', uniqueName('denied'))).expect(403);
    expect(res.body.error.code).toBe('unauthorized');
    expect(ctx.emulator.callCounts().b2_create_bucket).toBe(1);
    expect(ctx.emulator.callCounts().b2_authorize_account).toBe(authBefore);
  });

  it('when the session’s token expires, then the gateway re-authorizes once and carries on', async () => {
    const expired = await fetch(`${ctx.emulator.url}/__emulator/expire-tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(expired.ok).toBe(true);
    const authBefore = ctx.emulator.callCounts().b2_authorize_account!;
    await apply(setupRequest('rclone', uniqueName('reauth'))).expect(200);
    // One for the session's key, one for the new key's check.
    expect(ctx.emulator.callCounts().b2_authorize_account).toBe(authBefore + 2);
  });

  it('when the key is gone for good, then re-authorization fails once with 401 and no loop', async () => {
    const key = await createKeyOnEmulator(ctx.emulator, [
      'listBuckets',
      'writeBuckets',
      'writeKeys',
    ]);
    const doomed = ctx.t.agent();
    await doomed.post('/api/session').send(key).expect(200);
    await b2Native(ctx.emulator, 'b2_delete_key', { applicationKeyId: key.applicationKeyId });
    ctx.emulator.expireTokens();
    const authBefore = ctx.emulator.callCounts().b2_authorize_account!;
    const res = await doomed.get('/api/buckets').expect(401);
    expect(res.body.error.code).toBe('bad_credentials');
    expect(ctx.emulator.callCounts().b2_authorize_account).toBe(authBefore + 1);
  });
});
