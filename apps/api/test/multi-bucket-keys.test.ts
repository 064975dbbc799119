// One key for several buckets (key.extraBucketIds) over real HTTP against the emulator: made once
// through v4 b2_create_key, read back on v4 sign-in, refused on v2 (docs/b2-behaviour.md "Keys for
// several buckets"); checked before any write; found by the orphan search after a lost answer;
// removed by undo.
import type { SetupRequestInput } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  applySetup,
  b2Native,
  idempotencyKey,
  setupRequest,
  signsIn,
  uniqueName,
  useEmulatorApp,
  writeCalls,
} from './helpers';

const ctx = useEmulatorApp();

async function otherBucket(prefix: string): Promise<{ bucketId: string; bucketName: string }> {
  const bucketName = uniqueName(prefix);
  const made = await b2Native(ctx.emulator, 'b2_create_bucket', {
    bucketName,
    bucketType: 'allPrivate',
  });
  return { bucketId: String(made.bucketId), bucketName };
}

function withOthers(request: SetupRequestInput, extraBucketIds: string[]): SetupRequestInput {
  return { ...request, key: { ...request.key, extraBucketIds } };
}

const authorizeOn = async (version: 'v2' | 'v4', id: string, secret: string) => {
  const res = await fetch(`${ctx.emulator.url}/b2api/${version}/b2_authorize_account`, {
    headers: { Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const paths = (call: string) =>
  ctx.emulator
    .requests()
    .filter((r) => r.call === call)
    .map((r) => r.path);

describe('a key for several buckets', () => {
  it('when apply is given two other buckets, then it makes ONE key, through v4, that reaches all three and is refused on v2', async () => {
    const photos = await otherBucket('photos');
    const logs = await otherBucket('logs');
    const name = uniqueName('multi');
    const res = await applySetup(
      ctx.agent,
      withOthers(setupRequest('aws-cli', name), [photos.bucketId, logs.bucketId]),
    );
    expect(res.status).toBe(200);
    const own = res.body.bucket.bucketId as string;
    expect(res.body.key.bucketIds).toEqual([own, photos.bucketId, logs.bucketId]);

    const keys = ctx.emulator.state().keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      applicationKeyId: res.body.key.applicationKeyId,
      keyName: 'aws-cli-key',
      bucketIds: [own, photos.bucketId, logs.bucketId],
      createdWithApiVersion: 4,
    });
    expect(paths('b2_create_key')).toEqual(['/b2api/v4/b2_create_key']);

    const { applicationKeyId, applicationKey } = res.body.key as Record<string, string>;
    const v4 = await authorizeOn('v4', applicationKeyId!, applicationKey!);
    expect(v4.status).toBe(200);
    expect(v4.body.apiInfo).toMatchObject({
      storageApi: {
        allowed: {
          buckets: [
            { id: own, name },
            { id: photos.bucketId, name: photos.bucketName },
            { id: logs.bucketId, name: logs.bucketName },
          ],
        },
      },
    });
    const v2 = await authorizeOn('v2', applicationKeyId!, applicationKey!);
    expect(v2).toEqual({
      status: 400,
      body: {
        status: 400,
        code: 'bad_request',
        message: 'This request is not currently supported on API version number 2',
      },
    });

    expect(res.body.verification.ok).toBe(true);
    expect(res.body.verification.checks).toContainEqual({
      name: 'restrictedToBucket',
      label: `Reaches only the bucket ${name} and the 2 other buckets chosen`,
      ok: true,
      status: 'passed',
      detail: `The key reaches only the bucket “${name}” and the 2 other buckets chosen.`,
    });
    const summary = (res.body.files as { filename: string; content: string }[]).find(
      (f) => f.filename === 'SETUP-SUMMARY.md',
    );
    expect(summary?.content).toContain(
      `- Buckets it may use: 3, this setup’s ${name} (ID ${own}) and the other buckets with the IDs ${photos.bucketId}, ${logs.bucketId}`,
    );
  });

  it('when a setup names no other bucket, then its key is made on v2 with bucketId and signs in on v2', async () => {
    await otherBucket('untouched');
    const res = await applySetup(ctx.agent, setupRequest('aws-cli', uniqueName('single')));
    expect(res.status).toBe(200);
    expect(res.body.key.bucketIds).toEqual([res.body.bucket.bucketId]);
    expect(ctx.emulator.state().keys).toMatchObject([
      { bucketIds: [res.body.bucket.bucketId], createdWithApiVersion: 2 },
    ]);
    expect(paths('b2_create_key')).toEqual(['/b2api/v2/b2_create_key']);
    expect(
      await signsIn(ctx.emulator, res.body.key.applicationKeyId, res.body.key.applicationKey, 'v2'),
    ).toBe(true);
  });

  it('when the plan is asked for, then it names every bucket the key reaches and warns who cannot use it', async () => {
    const photos = await otherBucket('photos');
    const writes = writeCalls(ctx.emulator);
    const name = uniqueName('planned');
    const res = await ctx.agent
      .post('/api/setup/plan')
      .send(withOthers(setupRequest('aws-cli', name), [photos.bucketId]))
      .expect(200);
    const keyStep = res.body.steps.find((s: { kind: string }) => s.kind === 'createKey');
    expect(keyStep.details[0]).toBe(
      `It can reach only the buckets “${name}” and “${photos.bucketName}”.`,
    );
    const warning = res.body.warnings.find(
      (w: { code: string }) => w.code === 'key_for_several_buckets',
    );
    expect(warning.field).toBe('key.extraBucketIds');
    expect(warning.message).toContain(
      'Tools still on B2’s old API cannot use a key for several buckets at all',
    );
    expect(writeCalls(ctx.emulator)).toBe(writes);
  });
});

describe('other buckets that cannot be given', () => {
  const unknown = '0a1b2c3d4e5f60718293a4b5';

  it('when an ID is not a bucket of the account, then plan and apply say so, naming the field, and nothing is written', async () => {
    const request = withOthers(setupRequest('aws-cli', uniqueName('badextra')), [unknown]);
    const before = ctx.emulator.state();
    const message = `key.extraBucketIds: the bucket ID “${unknown}” is not a bucket of this account that the connected key can see. Remove it from key.extraBucketIds, or pick the other buckets from the account’s list.`;

    const plan = await ctx.agent.post('/api/setup/plan').send(request).expect(404);
    expect(plan.body.error).toMatchObject({
      code: 'bucket_not_found',
      field: 'key.extraBucketIds',
      message,
    });
    const apply = await applySetup(ctx.agent, request);
    expect(apply.status).toBe(404);
    expect(apply.body.error).toMatchObject({ code: 'bucket_not_found', message });
    expect(writeCalls(ctx.emulator)).toBe(0);
    expect(ctx.emulator.state()).toEqual(before);
  });

  it('when the tool cannot use such a key, then the request is refused with the reason, before any write', async () => {
    const photos = await otherBucket('photos');
    const writes = writeCalls(ctx.emulator);
    const res = await applySetup(
      ctx.agent,
      withOthers(setupRequest('rclone', uniqueName('oldapi')), [photos.bucketId]),
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'invalid_request',
      field: 'key.extraBucketIds',
      message:
        'rclone cannot use a key for several buckets: the main remote in rclone.conf uses rclone’s b2 backend, which signs in on API version 1 before rclone 1.72 (Debian’s rclone 1.60 among them). Leave key.extraBucketIds out, or make a key for one bucket.',
    });
    expect(writeCalls(ctx.emulator)).toBe(writes);
  });

  it('when the existing bucket of the setup is also listed, then the request itself is refused', async () => {
    const own = await otherBucket('own');
    const writes = writeCalls(ctx.emulator);
    const request = setupRequest('aws-cli', 'x', {
      bucket: { mode: 'existing', bucketId: own.bucketId },
      lifecycle: { preset: 'keepCurrent' },
      cors: { preset: 'keepCurrent' },
    });
    const res = await applySetup(ctx.agent, withOthers(request, [own.bucketId]));
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      {
        field: 'key.extraBucketIds.0',
        message:
          'key.extraBucketIds lists the setup’s own bucket, which the key always reaches. Remove it from key.extraBucketIds.',
      },
    ]);
    expect(writeCalls(ctx.emulator)).toBe(writes);
  });
});

describe('recovery and undo', () => {
  it('when the create_key answer is lost, then the retry finds the orphan key for several buckets (v4 listing), removes it and makes one', async () => {
    const photos = await otherBucket('photos');
    const name = uniqueName('lostmulti');
    const request = withOthers(setupRequest('aws-cli', name), [photos.bucketId]);
    const key = idempotencyKey();
    ctx.emulator.addFault({ call: 'b2_create_key', drop: 'after', times: 1 });
    const failed = await applySetup(ctx.agent, request, key);
    expect(failed.status).toBe(502);
    const orphan = ctx.emulator.state().keys;
    expect(orphan).toHaveLength(1);
    expect(orphan[0]!.bucketIds).toHaveLength(2);

    const done = await applySetup(ctx.agent, request, key);
    expect(done.status).toBe(200);
    const keys = ctx.emulator.state().keys;
    expect(keys.map((k) => k.applicationKeyId)).toEqual([done.body.key.applicationKeyId]);
    expect(keys[0]!.applicationKeyId).not.toBe(orphan[0]!.applicationKeyId);
    expect(keys[0]!.bucketIds).toEqual([done.body.bucket.bucketId, photos.bucketId]);
    expect(paths('b2_list_keys')).toEqual(['/b2api/v4/b2_list_keys']);
    expect(paths('b2_delete_key')).toEqual(['/b2api/v4/b2_delete_key']);
    expect(done.body.verification.ok).toBe(true);
  });

  it('when a setup with a key for several buckets is undone, then its key is deleted on v4 and no longer signs in', async () => {
    const photos = await otherBucket('photos');
    const key = idempotencyKey();
    const made = await applySetup(
      ctx.agent,
      withOthers(setupRequest('aws-cli', uniqueName('undomulti')), [photos.bucketId]),
      key,
    );
    expect(made.status).toBe(200);
    const { applicationKeyId, applicationKey } = made.body.key as Record<string, string>;
    const res = await ctx.agent.delete(`/api/setups/${key}`).expect(200);
    expect(res.body.removed[0]).toEqual({
      thing: 'key',
      what: `the application key “aws-cli-key” (ID ${applicationKeyId})`,
    });
    expect(ctx.emulator.state().keys).toEqual([]);
    expect(paths('b2_delete_key')).toEqual(['/b2api/v4/b2_delete_key']);
    expect(await signsIn(ctx.emulator, applicationKeyId!, applicationKey!, 'v4')).toBe(false);
    // The other bucket was the account's before: undo leaves it.
    expect(ctx.emulator.state().buckets.map((b) => b.bucketId)).toContain(photos.bucketId);
  });
});
