// The S3 part of the key check: for targets that speak S3, the new key reaches the bucket at the S3
// endpoint, puts a marker and deletes that version, each step skipped where the key may not take
// it; a failing probe marks the check failed in plain words but never fails apply.
import { setupResultSchema, type SetupRequestInput, type SetupResult } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  connectMaster,
  idempotencyKey,
  notPlainWords,
  setupRequest,
  startApp,
  startEmulator,
  totalCalls,
  uniqueName,
  useEmulatorApp,
} from './helpers';

// Secrets with '/' and '+', which SigV4 must carry as they are.
const ctx = useEmulatorApp({
  emulator: { secretStyle: 'with-special' },
});

const apply = async (body: SetupRequestInput, browser = ctx.agent) => {
  const res = await browser
    .post('/api/setup/apply')
    .send({ ...body, idempotencyKey: idempotencyKey() })
    .expect(200);
  return setupResultSchema.parse(res.body);
};
const s3Checks = (result: SetupResult) =>
  result.verification.checks.filter((c) => c.name.startsWith('S3: '));
const withAccess = (target: 'aws-cli' | 'litestream', access: string) => {
  const base = setupRequest(target, uniqueName('s3'));
  return { ...base, key: { ...base.key, access } } as SetupRequestInput;
};

describe('the S3 key check', () => {
  it('when an S3 tool’s key may read and write, then it reaches the bucket, puts a marker and deletes it over S3', async () => {
    const base = setupRequest('aws-cli', uniqueName('s3'));
    const result = await apply({ ...base, key: { ...base.key, namePrefix: 'team-a/' } });
    expect(result.verification.ok).toBe(true);
    expect(s3Checks(result)).toEqual([
      expect.objectContaining({ name: 'S3: bucket reachable', ok: true }),
      expect.objectContaining({ name: 'S3: upload', ok: true }),
      expect.objectContaining({ name: 'S3: delete', ok: true }),
    ]);
    expect(s3Checks(result)[1]!.detail).toMatch(
      /“team-a\/b2-setup-wizard-s3-check-[0-9a-f]+\.txt”/,
    );
    expect(s3Checks(result)[0]!.detail).toContain(ctx.emulator.url);
    const counts = ctx.emulator.callCounts();
    expect([counts.s3_head_bucket, counts.s3_put_object, counts.s3_delete_object]).toEqual([
      1, 1, 1,
    ]);
    // The S3 marker is the only one: none over the native API as well.
    expect(result.verification.checks.map((c) => c.name)).not.toContain('upload');
    expect(counts.b2_get_upload_url ?? 0).toBe(0);
    expect(counts.b2_upload_file ?? 0).toBe(0);
    expect(counts.b2_delete_file_version ?? 0).toBe(0);
    expect(ctx.emulator.state().files).toEqual([]);
  });

  it('when the key may not delete, then the S3 marker is removed with the connected key', async () => {
    const result = await apply(withAccess('litestream', 'noDelete'));
    // Litestream deletes old data: a key that cannot delete is not "working" for it.
    expect(result.verification.ok).toBe(false);
    const del = s3Checks(result).find((c) => c.name === 'S3: delete')!;
    expect(del).toMatchObject({
      ok: false,
      status: 'notChecked',
      label: 'Can delete a file over S3',
    });
    expect(del.detail).toMatch(/connected key/);
    expect(ctx.emulator.callCounts().s3_delete_object ?? 0).toBe(0);
    expect(ctx.emulator.state().files).toEqual([]);
  });

  it('when the key only reads, then nothing is written over S3', async () => {
    const result = await apply(withAccess('aws-cli', 'readOnly'));
    expect(result.verification.ok).toBe(false);
    expect(s3Checks(result).map((c) => [c.name, c.status])).toEqual([
      ['S3: bucket reachable', 'passed'],
      ['S3: upload', 'notChecked'],
    ]);
    expect(s3Checks(result)[1]!.detail).toMatch(/^This key cannot upload/);
    expect(ctx.emulator.callCounts().s3_put_object ?? 0).toBe(0);
  });

  it('when the target does not speak S3, then no S3 call is made', async () => {
    const result = await apply(setupRequest('jetbackup', uniqueName('native')));
    expect(s3Checks(result)).toEqual([]);
    expect(Object.keys(ctx.emulator.callCounts()).filter((c) => c.startsWith('s3_'))).toEqual([]);
  });

  it('when S3 refuses the key, then the check fails in plain words, apply still hands over the key, and a replay does not probe again', async () => {
    ctx.emulator.addFault({ call: 's3_head_bucket', status: 403, code: 'AccessDenied' });
    const body = { ...setupRequest('aws-cli', uniqueName('s3')), idempotencyKey: idempotencyKey() };
    const res = await ctx.agent.post('/api/setup/apply').send(body).expect(200);
    const result = setupResultSchema.parse(res.body);
    expect(result.key.applicationKey).toMatch(/^K/);
    expect(result.verification.ok).toBe(false);
    const reach = s3Checks(result)[0]!;
    expect(reach).toMatchObject({ name: 'S3: bucket reachable', ok: false });
    expect(reach.detail).toContain('refused this key access');
    expect(notPlainWords(reach.detail)).toBeNull();
    expect(ctx.emulator.callCounts().s3_put_object ?? 0).toBe(0);
    // A refusal is an answer, not a passing failure: the result stands.
    const calls = totalCalls(ctx.emulator);
    const again = await ctx.agent.post('/api/setup/apply').send(body).expect(200);
    expect(again.body).toEqual(res.body);
    expect(totalCalls(ctx.emulator)).toBe(calls);
  });

  it('when the S3 endpoint cannot be reached, then the check says so and a Retry checks again', async () => {
    const offline = await startEmulator({ s3Url: 'http://127.0.0.1:9' });
    const app = await startApp({ b2ApiUrl: offline.url });
    try {
      const browser = app.agent();
      await connectMaster(browser, offline).expect(200);
      const body = {
        ...setupRequest('restic', uniqueName('s3')),
        idempotencyKey: idempotencyKey(),
      };
      const res = await browser.post('/api/setup/apply').send(body).expect(200);
      const reach = s3Checks(setupResultSchema.parse(res.body))[0]!;
      expect(reach).toMatchObject({ name: 'S3: bucket reachable', ok: false });
      expect(reach.detail).toContain('http://127.0.0.1:9');
      expect(reach.detail).toContain('try again');
      expect(notPlainWords(reach.detail)).toBeNull();
      const before = offline.callCounts().b2_authorize_account!;
      await browser.post('/api/setup/apply').send(body).expect(200);
      expect(offline.callCounts().b2_authorize_account).toBe(before + 1); // checked again
      expect(offline.callCounts().b2_create_key).toBe(1); // but nothing made again
    } finally {
      await app.close();
      await offline.close();
    }
  });

  it('when the region reported is not the endpoint’s, then the check names the region', async () => {
    const elsewhere = await startApp({
      b2ApiUrl: ctx.emulator.url,
      config: { fallbackS3Region: 'eu-central-003' },
    });
    try {
      const browser = elsewhere.agent();
      await connectMaster(browser, ctx.emulator).expect(200);
      const result = await apply(setupRequest('aws-cli', uniqueName('s3')), browser);
      const reach = s3Checks(result)[0]!;
      expect(reach.ok).toBe(false);
      expect(reach.detail).toContain('“eu-central-003”');
    } finally {
      await elsewhere.close();
    }
  });
});
