// Object Lock default retention over real HTTP against the emulator: set with b2_update_bucket
// after the key check, so the check's marker is deleted first (docs/b2-behaviour.md "Object Lock
// retention"). Expected values are B2's own shape, written out.
import { describe, expect, it } from 'vitest';
import {
  b2Native,
  createKeyOnEmulator,
  idempotencyKey,
  requestBodies,
  setupRequest,
  uniqueName,
  useEmulatorApp,
} from './helpers';

const ctx = useEmulatorApp();
const GOVERNANCE_30_DAYS = { mode: 'governance', period: { duration: 30, unit: 'days' } };

const lockedRequest = (target: 'rclone' | 'jetbackup', name: string) => {
  const base = setupRequest(target, name);
  return {
    ...base,
    bucket: { mode: 'create', name, objectLock: true, retention: GOVERNANCE_30_DAYS },
    confirm: ['object_lock_permanent'],
  };
};

/** The bucket as b2_list_buckets answers it to the master key. */
async function listed(name: string) {
  const { buckets } = (await b2Native(ctx.emulator, 'b2_list_buckets', { bucketName: name })) as {
    buckets: { fileLockConfiguration: { value: Record<string, unknown> } }[];
  };
  return buckets[0];
}

describe('Object Lock retention on a new bucket', () => {
  for (const target of ['rclone', 'jetbackup'] as const) {
    it(`${target}: the bucket reads back 30 days governance, the key check passed and left no marker`, async () => {
      const name = uniqueName('locked');
      const res = await ctx.agent
        .post('/api/setup/apply')
        .send({ ...lockedRequest(target, name), idempotencyKey: idempotencyKey() })
        .expect(200);

      expect((await listed(name))?.fileLockConfiguration.value).toEqual({
        isFileLockEnabled: true,
        defaultRetention: { mode: 'governance', period: { duration: 30, unit: 'days' } },
      });
      expect(res.body.bucket.defaultRetention).toEqual({
        mode: 'governance',
        period: { duration: 30, unit: 'days' },
      });
      expect(res.body.verification.ok).toBe(true);
      const statusOf = (n: string) =>
        res.body.verification.checks.find((c: { name: string }) => c.name === n)?.status;
      expect(statusOf(target === 'rclone' ? 'S3: delete' : 'delete')).toBe('passed');
      expect(statusOf('retention')).toBe('passed');
      expect(ctx.emulator.state().files).toEqual([]);
      const updates = await requestBodies(ctx.emulator, 'b2_update_bucket');
      expect(updates.map((b) => b.defaultRetention)).toEqual([GOVERNANCE_30_DAYS]);
    });
  }

  it('the plan says the retention, what each mode means and what it costs, with object_lock_permanent', async () => {
    const name = uniqueName('plan-locked');
    const { confirm: _c, ...body } = lockedRequest('rclone', name);
    const plan = await ctx.agent.post('/api/setup/plan').send(body).expect(200);
    const step = plan.body.steps.find((s: { kind: string }) => s.kind === 'setRetention');
    expect(step.title).toBe('Set Object Lock retention on the bucket: Governance, 30 days');
    expect(step.details).toEqual([
      'Governance: People with a special permission (bypassGovernance) can still delete a locked file.',
      'A locked file cannot be deleted, so it is billed until its retention period ends.',
      'Set after the key check, so the check’s test file can still be deleted; files uploaded from then on are locked.',
    ]);
    expect(step.call).toBe('b2_update_bucket');
    const kinds = plan.body.steps.map((s: { kind: string }) => s.kind);
    expect(kinds.indexOf('setRetention')).toBe(kinds.indexOf('checkKey') + 1);
    expect(plan.body.warnings.map((w: { code: string }) => w.code)).toContain(
      'object_lock_permanent',
    );
    expect(ctx.emulator.state().buckets.some((b) => b.bucketName === name)).toBe(false);
  });

  it('a connected key without writeBucketRetentions gets a plain error before anything is made', async () => {
    const key = await createKeyOnEmulator(ctx.emulator, [
      'listBuckets',
      'writeBuckets',
      'writeKeys',
      'listKeys',
      'deleteKeys',
      'deleteFiles',
    ]);
    const browser = ctx.t.agent();
    await browser.post('/api/session').send(key).expect(200);
    const name = uniqueName('no-retention-cap');
    const keysBefore = ctx.emulator.state().keys.length;
    const res = await browser
      .post('/api/setup/apply')
      .send({ ...lockedRequest('rclone', name), idempotencyKey: idempotencyKey() })
      .expect(403);
    expect(res.body.error.code).toBe('missing_capability');
    expect(res.body.error.message).toBe(
      'The connected key lacks the capability “writeBucketRetentions” (needed to turn on Object Lock and set its retention). Connect with the master application key, or a key that has it.',
    );
    expect(ctx.emulator.state().buckets.some((b) => b.bucketName === name)).toBe(false);
    expect(ctx.emulator.state().keys).toHaveLength(keysBefore);
    expect(ctx.emulator.state().files).toEqual([]);
  });

  it('after b2_update_bucket failed, the same request again ends with the retention set once', async () => {
    const name = uniqueName('retry-locked');
    const body = { ...lockedRequest('jetbackup', name), idempotencyKey: idempotencyKey() };
    // B2 sets the retention and still answers 503, on every try of this apply.
    ctx.emulator.addFault({ call: 'b2_update_bucket', status: 503, afterEffect: true });
    const failed = await ctx.agent.post('/api/setup/apply').send(body);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.body.error.created.bucket.bucketName).toBe(name);
    ctx.emulator.clearFaults();
    const uploadsBefore = ctx.emulator.callCounts()['b2_upload_file'] ?? 0;
    const updatesBefore = ctx.emulator.callCounts()['b2_update_bucket'] ?? 0;

    const res = await ctx.agent.post('/api/setup/apply').send(body).expect(200);
    expect(res.body.verification.ok).toBe(true);
    expect(ctx.emulator.callCounts()['b2_update_bucket'] ?? 0).toBe(updatesBefore);
    expect(ctx.emulator.callCounts()['b2_upload_file'] ?? 0).toBe(uploadsBefore);
    expect((await listed(name))?.fileLockConfiguration.value.defaultRetention).toEqual({
      mode: 'governance',
      period: { duration: 30, unit: 'days' },
    });
    const bucketId = ctx.emulator.state().buckets.find((b) => b.bucketName === name)!.bucketId;
    expect(ctx.emulator.state().keys.filter((k) => k.bucketId === bucketId)).toHaveLength(1);
    expect(ctx.emulator.state().files).toEqual([]);
  });

  it('after b2_update_bucket was refused once, the same request again sets it with one more call', async () => {
    const name = uniqueName('refused-locked');
    const body = { ...lockedRequest('rclone', name), idempotencyKey: idempotencyKey() };
    ctx.emulator.addFault({ call: 'b2_update_bucket', status: 400, times: 1 });
    await ctx.agent.post('/api/setup/apply').send(body).expect(400);
    expect((await listed(name))?.fileLockConfiguration.value.defaultRetention).toEqual({
      mode: null,
      period: null,
    });
    await ctx.agent.post('/api/setup/apply').send(body).expect(200);
    expect((await listed(name))?.fileLockConfiguration.value.defaultRetention).toEqual({
      mode: 'governance',
      period: { duration: 30, unit: 'days' },
    });
    const updates = await requestBodies(ctx.emulator, 'b2_update_bucket');
    expect(updates.map((b) => b.defaultRetention)).toEqual([
      GOVERNANCE_30_DAYS,
      GOVERNANCE_30_DAYS,
    ]);
    expect(ctx.emulator.state().files).toEqual([]);
  });
});
