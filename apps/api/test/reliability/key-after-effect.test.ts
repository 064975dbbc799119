// b2_create_key that B2 performs and then answers 5xx: the apply removes that key (its secret
// never reached anyone) and makes one more, so exactly one key of the name exists and the user
// holds its secret. Older twins of the same name and rights are spared.
import { keyCapabilities, type SetupRequestInput } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  b2Native,
  createKeyOnEmulator,
  idempotencyKey,
  setupRequest,
  signsIn,
  uniqueName,
  useEmulatorApp,
} from '../helpers';

const ctx = useEmulatorApp();

const apply = (body: SetupRequestInput, confirm?: string[]) =>
  ctx.agent.post('/api/setup/apply').send({ ...body, idempotencyKey: idempotencyKey(), confirm });
const keysNamed = (keyName: string) =>
  ctx.emulator.state().keys.filter((k) => k.keyName === keyName);

describe('create_key answered 5xx after B2 made the key', () => {
  for (const status of [500, 503]) {
    it(`when B2 answers ${status} after making it, then the apply removes it and ends with one key, whose secret signs in`, async () => {
      ctx.emulator.addFault({ call: 'b2_create_key', status, afterEffect: true, times: 1 });
      const res = await apply(setupRequest('rclone', uniqueName(`key${status}`)));
      expect(res.status).toBe(200);
      const keys = keysNamed('rclone-key').filter((k) => k.bucketId === res.body.bucket.bucketId);
      expect(keys.map((k) => k.applicationKeyId)).toEqual([res.body.key.applicationKeyId]);
      expect(ctx.emulator.callCounts().b2_create_key).toBe(2);
      expect(ctx.emulator.callCounts().b2_delete_key).toBe(1);
      expect(
        await signsIn(ctx.emulator, res.body.key.applicationKeyId, res.body.key.applicationKey),
      ).toBe(true);
      expect(res.body.verification.ok).toBe(true);
    });
  }

  it('when the bucket exists and an older key has the same name and rights, then only the orphan goes', async () => {
    const bucket = await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: uniqueName('twin5xx'),
      bucketType: 'allPrivate',
    });
    const bucketId = String(bucket.bucketId);
    const earlier = await b2Native(ctx.emulator, 'b2_create_key', {
      keyName: 'rclone-key',
      capabilities: keyCapabilities('readWrite', false),
      bucketId,
    });
    ctx.emulator.addFault({ call: 'b2_create_key', status: 500, afterEffect: true, times: 1 });
    const request = setupRequest('rclone', 'x', { bucket: { mode: 'existing', bucketId } });
    const res = await apply(request, ['deletes_old_versions']);
    expect(res.status).toBe(200);
    const ids = keysNamed('rclone-key')
      .filter((k) => k.bucketId === bucketId)
      .map((k) => k.applicationKeyId)
      .sort();
    expect(ids).toEqual([String(earlier.applicationKeyId), res.body.key.applicationKeyId].sort());
  });

  it('when the connected key may not list or delete keys, then no second key is made and the error says one may exist', async () => {
    const narrow = await createKeyOnEmulator(ctx.emulator, [
      'listBuckets',
      'writeBuckets',
      'writeKeys',
      'listFiles',
      'writeFiles',
      'deleteFiles',
      'readFiles',
    ]);
    const agent = ctx.t.agent();
    await agent.post('/api/session').send(narrow).expect(200);
    ctx.emulator.resetCallCounts();
    ctx.emulator.addFault({ call: 'b2_create_key', status: 500, afterEffect: true, times: 1 });
    const name = uniqueName('narrow5xx');
    const res = await agent
      .post('/api/setup/apply')
      .send({ ...setupRequest('rclone', name), idempotencyKey: idempotencyKey() });
    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain(
      'Backblaze may have made the key “rclone-key” all the same, and the connected key may not list or delete keys: look under App Keys in the Backblaze dashboard and delete any “rclone-key” you do not use.',
    );
    expect(res.body.error.created.bucket.bucketName).toBe(name);
    expect(ctx.emulator.callCounts().b2_create_key).toBe(1);
    expect(
      keysNamed('rclone-key').filter((k) => k.bucketId === res.body.error.created.bucket.bucketId),
    ).toHaveLength(1);
  });
});
