// The Keys panel over real HTTP against the emulator: the list is B2's own v4 b2_list_keys
// without secrets, the wizard's keys are marked (this session's history, or only the name), and
// a delete removes exactly one key and never the master key or the connected one.
import { describe, expect, it } from 'vitest';
import {
  b2Native,
  connectMaster,
  createKeyOnEmulator,
  newApply,
  requestBodies,
  signsIn,
  uniqueName,
  useEmulatorApp,
} from './helpers';

const ctx = useEmulatorApp();

const keyIds = () => ctx.emulator.state().keys.map((k) => k.applicationKeyId);

async function bucket(prefix: string): Promise<{ bucketId: string; bucketName: string }> {
  const made = await b2Native(ctx.emulator, 'b2_create_bucket', {
    bucketName: uniqueName(prefix),
    bucketType: 'allPrivate',
  });
  return { bucketId: String(made.bucketId), bucketName: String(made.bucketName) };
}

/** Three keys: one from this session's apply, one named like the wizard's, one of someone else. */
async function threeKeys() {
  const apply = newApply('rclone', 'acme');
  const applied = await ctx.agent.post('/api/setup/apply').send(apply).expect(200);
  const shopA = await bucket('shop-a');
  const shopB = await bucket('shop-b');
  // Made through v4 for two buckets, as today's dashboard makes keys.
  const lookalike = await b2Native(
    ctx.emulator,
    'b2_create_key',
    {
      keyName: 'restic-shop-files',
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'],
      bucketIds: [shopA.bucketId, shopB.bucketId],
      namePrefix: 'servers/',
    },
    'v4',
  );
  const other = await createKeyOnEmulator(ctx.emulator, ['listBuckets', 'readFiles'], {
    keyName: 'backup-server',
    validDurationInSeconds: 86_400,
  });
  return {
    applied: {
      id: applied.body.key.applicationKeyId as string,
      secret: applied.body.key.applicationKey as string,
      bucketId: applied.body.bucket.bucketId as string,
      bucketName: applied.body.bucket.bucketName as string,
    },
    lookalike: { id: String(lookalike.applicationKeyId), shopA, shopB },
    other,
  };
}

describe('GET /api/keys', () => {
  it('lists what v4 b2_list_keys lists, with bucket names and marks, and no secret', async () => {
    const { applied, lookalike, other } = await threeKeys();

    const b2 = (await b2Native(ctx.emulator, 'b2_list_keys', { maxKeyCount: 1000 }, 'v4')) as {
      keys: Record<string, unknown>[];
    };
    const res = await ctx.agent.get('/api/keys').expect(200);

    // B2's own listing, field by field, beside the panel's.
    const fromB2 = b2.keys.map((k) => ({
      applicationKeyId: k.applicationKeyId,
      keyName: k.keyName,
      capabilities: k.capabilities,
      bucketIds: k.bucketIds,
      namePrefix: k.namePrefix,
      expirationTimestamp: k.expirationTimestamp,
    }));
    const fromPanel = (res.body.keys as Record<string, unknown>[]).map((k) => ({
      applicationKeyId: k.applicationKeyId,
      keyName: k.keyName,
      capabilities: k.capabilities,
      bucketIds: (k.buckets as { bucketId: string }[] | null)?.map((b) => b.bucketId) ?? null,
      namePrefix: k.namePrefix,
      expirationTimestamp: k.expirationTimestamp,
    }));
    expect(fromPanel).toEqual(fromB2);
    expect(fromB2).toHaveLength(3);

    const expires = b2.keys.find((k) => k.applicationKeyId === other.applicationKeyId)!
      .expirationTimestamp as number;
    const byId = Object.fromEntries(
      (res.body.keys as { applicationKeyId: string }[]).map((k) => [k.applicationKeyId, k]),
    );
    expect(res.body.accountId).toBe(ctx.emulator.accountId);
    expect(byId[applied.id]).toEqual({
      applicationKeyId: applied.id,
      keyName: 'rclone-key',
      capabilities: [
        'listAllBucketNames',
        'listBuckets',
        'readBuckets',
        'listFiles',
        'readFiles',
        'writeFiles',
        'deleteFiles',
      ],
      buckets: [{ bucketId: applied.bucketId, bucketName: applied.bucketName }],
      namePrefix: null,
      expirationTimestamp: null,
      madeByWizard: 'history',
      cannotDelete: null,
      cannotReplace: null,
    });
    expect(byId[lookalike.id]).toEqual({
      applicationKeyId: lookalike.id,
      keyName: 'restic-shop-files',
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'],
      buckets: [
        { bucketId: lookalike.shopA.bucketId, bucketName: lookalike.shopA.bucketName },
        { bucketId: lookalike.shopB.bucketId, bucketName: lookalike.shopB.bucketName },
      ],
      namePrefix: 'servers/',
      expirationTimestamp: null,
      madeByWizard: 'name',
      cannotDelete: null,
      cannotReplace: null,
    });
    expect(byId[other.applicationKeyId]).toEqual({
      applicationKeyId: other.applicationKeyId,
      keyName: 'backup-server',
      capabilities: ['listBuckets', 'readFiles'],
      buckets: null,
      namePrefix: null,
      expirationTimestamp: expires,
      madeByWizard: null,
      cannotDelete: null,
      cannotReplace:
        'The key “backup-server” reaches every bucket, so the wizard can’t make a like-for-like key kept to buckets. Make its replacement in the Backblaze dashboard (App Keys), or set a bucket up with the wizard to get a key for just that bucket.',
    });
    expect(res.text).not.toContain(applied.secret);
    expect(res.text).not.toContain(other.applicationKey);
    expect(res.text).not.toContain(ctx.emulator.masterKey);
  });

  it('marks by history only this session’s keys: another connection sees the name alone', async () => {
    const { applied } = await threeKeys();
    const other = ctx.t.agent();
    await connectMaster(other, ctx.emulator).expect(200);
    const res = await other.get('/api/keys').expect(200);
    const mine = (res.body.keys as { applicationKeyId: string; madeByWizard: string }[]).find(
      (k) => k.applicationKeyId === applied.id,
    );
    expect(mine?.madeByWizard).toBe('name');
  });

  it('shows the connected key as one it cannot delete, and why', async () => {
    const support = await createKeyOnEmulator(ctx.emulator, [
      'listBuckets',
      'listKeys',
      'writeKeys',
      'deleteKeys',
    ]);
    const browser = ctx.t.agent();
    await browser.post('/api/session').send(support).expect(200);
    const res = await browser.get('/api/keys').expect(200);
    const message =
      'The wizard is connected with this key, so it can’t delete or replace it. Press “Use a different key” on the Connect step and connect with another key first, or delete it in the Backblaze dashboard (App Keys).';
    expect(res.body.keys).toEqual([
      {
        applicationKeyId: support.applicationKeyId,
        keyName: 'made-by-test',
        capabilities: ['listBuckets', 'listKeys', 'writeKeys', 'deleteKeys'],
        buckets: null,
        namePrefix: null,
        expirationTimestamp: null,
        madeByWizard: null,
        cannotDelete: { reason: 'connectedKey', message },
        cannotReplace: message,
      },
    ]);
  });

  it('says which capability the connected key lacks to list keys', async () => {
    const narrow = await createKeyOnEmulator(ctx.emulator, ['listBuckets', 'writeKeys']);
    const browser = ctx.t.agent();
    await browser.post('/api/session').send(narrow).expect(200);
    const res = await browser.get('/api/keys').expect(403);
    expect(res.body.error).toEqual({
      code: 'missing_capability',
      message:
        'The connected key lacks the capability “listKeys” (needed to list the account’s keys). Connect with the master application key, or a key that has it.',
    });
  });

  it('needs a connection', async () => {
    const res = await ctx.t.agent().get('/api/keys').expect(401);
    expect(res.body.error.code).toBe('not_connected');
  });
});

describe('DELETE /api/keys/:applicationKeyId', () => {
  it('deletes exactly that key', async () => {
    const { applied, lookalike, other } = await threeKeys();
    const res = await ctx.agent.delete(`/api/keys/${other.applicationKeyId}`).expect(200);
    expect(res.body).toEqual({
      applicationKeyId: other.applicationKeyId,
      keyName: 'backup-server',
      message: `Deleted the application key “backup-server” (ID ${other.applicationKeyId}). Anything that still uses it can no longer reach Backblaze.`,
    });
    // The emulator's state, like b2_list_keys, holds every key but the master key.
    expect(keyIds().sort()).toEqual([applied.id, lookalike.id].sort());
    const deletes = await requestBodies(ctx.emulator, 'b2_delete_key');
    expect(deletes.map((body) => body.applicationKeyId)).toEqual([other.applicationKeyId]);
    // The panel's list follows.
    const list = await ctx.agent.get('/api/keys').expect(200);
    expect(
      (list.body.keys as { applicationKeyId: string }[]).map((k) => k.applicationKeyId).sort(),
    ).toEqual([applied.id, lookalike.id].sort());
  });

  it('deletes a key for several buckets', async () => {
    const { lookalike } = await threeKeys();
    await ctx.agent.delete(`/api/keys/${lookalike.id}`).expect(200);
    expect(keyIds()).not.toContain(lookalike.id);
  });

  it('refuses the master key, saying where it can be changed', async () => {
    const res = await ctx.agent.delete(`/api/keys/${ctx.emulator.masterKeyId}`).expect(409);
    expect(res.body.error).toEqual({
      code: 'key_protected',
      message:
        'This is the account’s master application key. It can’t be deleted; to change it, generate a new master key in the Backblaze dashboard (App Keys).',
    });
    expect(await signsIn(ctx.emulator, ctx.emulator.masterKeyId, ctx.emulator.masterKey)).toBe(
      true,
    );
    expect(await requestBodies(ctx.emulator, 'b2_delete_key')).toEqual([]);
  });

  it('refuses the key the session is connected with', async () => {
    const support = await createKeyOnEmulator(ctx.emulator, [
      'listBuckets',
      'listKeys',
      'writeKeys',
      'deleteKeys',
    ]);
    const browser = ctx.t.agent();
    await browser.post('/api/session').send(support).expect(200);
    const res = await browser.delete(`/api/keys/${support.applicationKeyId}`).expect(409);
    expect(res.body.error.code).toBe('key_protected');
    expect(res.body.error.message).toContain('The wizard is connected with this key');
    expect(keyIds()).toContain(support.applicationKeyId);
    // The connection still works.
    await browser.get('/api/keys').expect(200);
  });

  it('answers a plain 404 for a key the account does not have, and deletes nothing', async () => {
    await threeKeys();
    const before = keyIds();
    const res = await ctx.agent.delete('/api/keys/0040000000000000000000099').expect(404);
    expect(res.body.error).toEqual({
      code: 'key_not_found',
      message:
        'This account has no application key with the ID 0040000000000000000000099. It may have been deleted already: reload the list of the account’s keys.',
      field: 'applicationKeyId',
    });
    expect(keyIds()).toEqual(before);
    expect(await requestBodies(ctx.emulator, 'b2_delete_key')).toEqual([]);
  });

  it('refuses an ID that is not one', async () => {
    const res = await ctx.agent.delete('/api/keys/not_an_id').expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'applicationKeyId' });
  });

  it('needs the session and a request from the wizard’s own page', async () => {
    const { other } = await threeKeys();
    await ctx.t.agent().delete(`/api/keys/${other.applicationKeyId}`).expect(401);
    const crossSite = await ctx.agent
      .delete(`/api/keys/${other.applicationKeyId}`)
      .set('Origin', 'https://evil.example')
      .expect(403);
    expect(crossSite.body.error.code).toBe('cross_site_request');
    await ctx.agent
      .delete(`/api/keys/${other.applicationKeyId}`)
      .set('Sec-Fetch-Site', 'cross-site')
      .expect(403);
    expect(keyIds()).toContain(other.applicationKeyId);
  });
});
