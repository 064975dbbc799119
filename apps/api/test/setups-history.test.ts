// The history and undo over real HTTP against the emulator: two customers in one connection, a
// list without secrets, and undo that removes only what one setup made, and says why it kept the rest.
import { createHash } from 'node:crypto';
import type { Emulator } from '@b2wiz/b2-emulator';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applySetup,
  b2Native,
  connectMaster,
  idempotencyKey,
  seedLegacyBucket,
  setupRequest,
  uniqueName,
  useEmulatorApp,
  writeCalls,
} from './helpers';

const ctx = useEmulatorApp({ connect: false });
beforeEach(async () => {
  // A fixed time for the dates below, then the connection.
  ctx.t.clock.time = Date.UTC(2026, 2, 14, 9, 5, 42);
  await connectMaster(ctx.agent, ctx.emulator).expect(200);
});

/** Files put in a bucket with the master key, as a customer's tool would. */
async function uploadFiles(emulator: Emulator, bucketId: string, names: string[]): Promise<void> {
  for (const name of names) {
    const target = (await b2Native(emulator, 'b2_get_upload_url', { bucketId })) as {
      uploadUrl: string;
      authorizationToken: string;
    };
    const body = Buffer.from(`contents of ${name}\n`);
    const answer = await fetch(target.uploadUrl, {
      method: 'POST',
      headers: {
        Authorization: target.authorizationToken,
        'X-Bz-File-Name': encodeURIComponent(name),
        'Content-Type': 'text/plain',
        'X-Bz-Content-Sha1': createHash('sha1').update(body).digest('hex'),
      },
      body,
    });
    expect(answer.status).toBe(200);
  }
}

async function setUp(customer: string, prefix: string, key = idempotencyKey()) {
  const request = setupRequest('rclone', uniqueName(prefix), { customer });
  const res = await applySetup(ctx.agent, request, key);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return {
    idempotencyKey: key,
    bucketId: res.body.bucket.bucketId as string,
    bucketName: res.body.bucket.bucketName as string,
    keyId: res.body.key.applicationKeyId as string,
    secret: res.body.key.applicationKey as string,
    summary: (res.body.files as { filename: string; content: string }[]).find(
      (f) => f.filename === 'SETUP-SUMMARY.md',
    )!.content,
  };
}

const state = () => ctx.emulator.state();
const hasBucket = (id: string) => state().buckets.some((b) => b.bucketId === id);
const hasKey = (id: string) => state().keys.some((k) => k.applicationKeyId === id);

describe('GET /api/setups', () => {
  it('lists both customers’ setups of one connection, newest first, without a secret', async () => {
    const acme = await setUp('Acme GmbH', 'acme');
    ctx.t.clock.advance(90_000);
    const beta = await setUp('Beta Ltd #7', 'beta');

    const res = await ctx.agent.get('/api/setups').expect(200);
    expect(res.body).toEqual({
      setups: [
        {
          idempotencyKey: beta.idempotencyKey,
          customer: 'Beta Ltd #7',
          target: 'rclone',
          createdAt: Date.UTC(2026, 2, 14, 9, 7, 12),
          bucket: { bucketId: beta.bucketId, bucketName: beta.bucketName, made: true },
          key: { applicationKeyId: beta.keyId, keyName: 'rclone-key' },
          canUndo: true,
          undone: null,
        },
        {
          idempotencyKey: acme.idempotencyKey,
          customer: 'Acme GmbH',
          target: 'rclone',
          createdAt: Date.UTC(2026, 2, 14, 9, 5, 42),
          bucket: { bucketId: acme.bucketId, bucketName: acme.bucketName, made: true },
          key: { applicationKeyId: acme.keyId, keyName: 'rclone-key' },
          canUndo: true,
          undone: null,
        },
      ],
    });
    expect(res.text).not.toContain(acme.secret);
    expect(res.text).not.toContain(beta.secret);
    expect(res.text).not.toContain(ctx.emulator.masterKey);
  });

  it('puts the date, the account and the customer in the summary, and no secret', async () => {
    const acme = await setUp('Acme GmbH', 'acme');
    expect(acme.summary).toContain(
      `- Date: 2026-03-14 09:05 UTC\n- Account ID: ${ctx.emulator.accountId}\n- Customer or ticket: Acme GmbH\n- Set up for: rclone\n`,
    );
    expect(acme.summary).toContain(`- Key ID: ${acme.keyId}\n`);
    expect(acme.summary).not.toContain(acme.secret);
  });

  it('keeps each connection’s setups to itself', async () => {
    await setUp('Acme GmbH', 'acme');
    const other = ctx.t.agent();
    await other
      .post('/api/session')
      .send({ applicationKeyId: ctx.emulator.masterKeyId, applicationKey: ctx.emulator.masterKey })
      .expect(200);
    expect((await other.get('/api/setups').expect(200)).body).toEqual({ setups: [] });
  });

  it('needs a connection', async () => {
    const res = await ctx.t.agent().get('/api/setups').expect(401);
    expect(res.body.error.code).toBe('not_connected');
  });
});

describe('DELETE /api/setups/:idempotencyKey', () => {
  it('removes the key and the empty bucket of one setup and leaves the other untouched', async () => {
    const acme = await setUp('Acme GmbH', 'acme');
    const beta = await setUp('Beta Ltd #7', 'beta');

    const res = await ctx.agent.delete(`/api/setups/${acme.idempotencyKey}`).expect(200);
    expect(res.body).toEqual({
      idempotencyKey: acme.idempotencyKey,
      removed: [
        { thing: 'key', what: `the application key “rclone-key” (ID ${acme.keyId})` },
        { thing: 'bucket', what: `the bucket “${acme.bucketName}”` },
      ],
      kept: [],
      rulesBefore: null,
      message: `Removed the application key “rclone-key” (ID ${acme.keyId}) and the bucket “${acme.bucketName}”.`,
    });
    expect(hasKey(acme.keyId)).toBe(false);
    expect(hasBucket(acme.bucketId)).toBe(false);
    expect(hasKey(beta.keyId)).toBe(true);
    expect(hasBucket(beta.bucketId)).toBe(true);

    const list = (await ctx.agent.get('/api/setups').expect(200)).body.setups as {
      idempotencyKey: string;
      canUndo: boolean;
      undone: string | null;
    }[];
    const byKey = Object.fromEntries(list.map((s) => [s.idempotencyKey, s]));
    expect(byKey[acme.idempotencyKey]).toMatchObject({ canUndo: false, undone: res.body.message });
    expect(byKey[beta.idempotencyKey]).toMatchObject({ canUndo: true, undone: null });
  });

  it('answers the same when repeated, and removes nothing more', async () => {
    const acme = await setUp('Acme GmbH', 'acme');
    const first = await ctx.agent.delete(`/api/setups/${acme.idempotencyKey}`).expect(200);
    const writes = writeCalls(ctx.emulator);
    const again = await ctx.agent.delete(`/api/setups/${acme.idempotencyKey}`).expect(200);
    expect(again.body).toEqual(first.body);
    expect(writeCalls(ctx.emulator)).toBe(writes);
  });

  it('refuses to hand out an undone setup again: the same apply answers 410 setup_undone and makes nothing', async () => {
    const key = idempotencyKey();
    const request = setupRequest('rclone', uniqueName('undone'), { customer: 'Acme GmbH' });
    const made = await applySetup(ctx.agent, request, key);
    expect(made.status).toBe(200);
    await ctx.agent.delete(`/api/setups/${key}`).expect(200);
    const writes = writeCalls(ctx.emulator);
    const again = await applySetup(ctx.agent, request, key);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('setup_undone');
    expect(again.body.error.message).toBe(
      'This setup was undone: the key it made was deleted, so it is not handed out again.',
    );
    expect(JSON.stringify(again.body)).not.toContain(made.body.key.applicationKey);
    expect(writeCalls(ctx.emulator)).toBe(writes);
    expect(hasKey(made.body.key.applicationKeyId)).toBe(false);
  });

  it('keeps a bucket that holds files and says why', async () => {
    const acme = await setUp('Acme GmbH', 'acme');
    await uploadFiles(ctx.emulator, acme.bucketId, ['db/a.sqlite', 'db/b.sqlite', 'notes.txt']);

    const res = await ctx.agent.delete(`/api/setups/${acme.idempotencyKey}`).expect(200);
    expect(res.body.removed).toEqual([
      { thing: 'key', what: `the application key “rclone-key” (ID ${acme.keyId})` },
    ]);
    expect(res.body.kept).toEqual([
      {
        thing: 'bucket',
        what: `the bucket “${acme.bucketName}”`,
        why: 'the bucket holds 3 files; delete them first or keep it',
      },
    ]);
    expect(res.body.message).toBe(
      `Removed the application key “rclone-key” (ID ${acme.keyId}). Kept the bucket “${acme.bucketName}”: the bucket holds 3 files; delete them first or keep it.`,
    );
    expect(hasKey(acme.keyId)).toBe(false);
    expect(hasBucket(acme.bucketId)).toBe(true);
    expect(state().files.filter((f) => f.bucketId === acme.bucketId)).toHaveLength(3);
    // The key is gone; the bucket can still be undone once it is empty.
    const [entry] = (await ctx.agent.get('/api/setups').expect(200)).body.setups;
    expect(entry).toMatchObject({ canUndo: true });
    const writes = writeCalls(ctx.emulator);
    const again = await ctx.agent.delete(`/api/setups/${acme.idempotencyKey}`).expect(200);
    expect(again.body).toEqual(res.body);
    expect(writeCalls(ctx.emulator)).toBe(writes);
  });

  it('never deletes an existing bucket, and lists the rules it had before', async () => {
    const lifecycleRules = [
      { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 30 },
    ];
    const corsRules = [
      {
        corsRuleName: 'shopDownloads',
        allowedOrigins: ['https://shop.example.com'],
        allowedOperations: ['b2_download_file_by_name'],
        allowedHeaders: null,
        exposeHeaders: null,
        maxAgeSeconds: 3600,
      },
    ];
    const bucketName = uniqueName('shop');
    const { bucketId } = await seedLegacyBucket(ctx.emulator, bucketName, {
      lifecycleRules,
      corsRules,
    });
    const key = idempotencyKey();
    const request = {
      ...setupRequest('rclone', 'unused', { customer: 'Shop AG' }),
      bucket: { mode: 'existing' as const, bucketId },
      lifecycle: { preset: 'keepLatest' as const },
      cors: { preset: 'none' as const },
    };
    const applied = await ctx.agent.post('/api/setup/apply').send({
      ...request,
      idempotencyKey: key,
      confirm: ['deletes_old_versions', 'removes_cors_rules'],
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const keyId = applied.body.key.applicationKeyId as string;
    const summary = (applied.body.files as { filename: string; content: string }[]).find(
      (f) => f.filename === 'SETUP-SUMMARY.md',
    )!.content;
    expect(summary).toContain(
      `- Name: ${bucketName}\n- A bucket the account already had; the rules below are the ones it has now.\n`,
    );

    const res = await ctx.agent.delete(`/api/setups/${key}`).expect(200);
    expect(res.body).toEqual({
      idempotencyKey: key,
      removed: [{ thing: 'key', what: `the application key “rclone-key” (ID ${keyId})` }],
      kept: [
        {
          thing: 'bucket',
          what: `the bucket “${bucketName}”`,
          why: 'it was in the account before this setup, and undo never deletes such a bucket',
        },
        {
          thing: 'rules',
          what: `the lifecycle and CORS rules this setup gave the bucket “${bucketName}”`,
          why: 'undo does not change a bucket’s rules back; the rules it had before are listed, to put back if you want them',
        },
      ],
      rulesBefore: { lifecycleRules, corsRules },
      message: `Removed the application key “rclone-key” (ID ${keyId}). Kept the bucket “${bucketName}”: it was in the account before this setup, and undo never deletes such a bucket. Kept the lifecycle and CORS rules this setup gave the bucket “${bucketName}”: undo does not change a bucket’s rules back; the rules it had before are listed, to put back if you want them.`,
    });
    expect(hasBucket(bucketId)).toBe(true);
    expect(hasKey(keyId)).toBe(false);
    const [entry] = (await ctx.agent.get('/api/setups').expect(200)).body.setups;
    expect(entry).toMatchObject({
      customer: 'Shop AG',
      bucket: { bucketId, bucketName, made: false },
      canUndo: false,
    });
  });

  it('says plainly when this connection made no such setup', async () => {
    const res = await ctx.agent.delete(`/api/setups/${idempotencyKey()}`).expect(404);
    expect(res.body.error).toMatchObject({ code: 'setup_not_found', field: 'idempotencyKey' });
    const bad = await ctx.agent.delete('/api/setups/x').expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', field: 'idempotencyKey' });
  });
});
