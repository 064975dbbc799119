// Replacing a key over real HTTP against the emulator: a new key with the old one's buckets,
// capabilities and prefix that passes the check for the chosen tool, then the confirmed delete
// of the old one; a failed check, a lost answer and a double click leave nothing half-made.
import type { Emulator } from '@b2wiz/b2-emulator';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  b2Native,
  connectMaster,
  createKeyOnEmulator,
  idempotencyKey,
  signsIn,
  uniqueName,
  useEmulatorApp,
} from './helpers';

const ctx = useEmulatorApp({ connect: false });
beforeEach(async () => {
  // Saturday 14 March 2026, the day the new key's name carries; then the connection.
  ctx.t.clock.time = Date.UTC(2026, 2, 14, 9, 5);
  await connectMaster(ctx.agent, ctx.emulator).expect(200);
});

const READ_WRITE = [
  'listBuckets',
  'readBuckets',
  'listFiles',
  'readFiles',
  'writeFiles',
  'deleteFiles',
];

const keys = () => ctx.emulator.state().keys;
const calls = (call: string) => ctx.emulator.callCounts()[call] ?? 0;

async function bucket(prefix: string): Promise<{ bucketId: string; bucketName: string }> {
  const made = await b2Native(ctx.emulator, 'b2_create_bucket', {
    bucketName: uniqueName(prefix),
    bucketType: 'allPrivate',
  });
  return { bucketId: String(made.bucketId), bucketName: String(made.bucketName) };
}

/** A customer's key made in the dashboard: one bucket, a prefix, read and write. */
async function customerKey(capabilities = READ_WRITE) {
  const b = await bucket('acme');
  const key = await createKeyOnEmulator(ctx.emulator, capabilities, {
    keyName: 'acme-backups',
    bucketId: b.bucketId,
    namePrefix: 'backups/',
  });
  ctx.emulator.resetCallCounts();
  return { ...b, ...key };
}

/** A native call made with one key, as the customer's tool would make it. */
async function asKey(
  emulator: Emulator,
  key: { applicationKeyId: string; applicationKey: string },
  call: string,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const auth = await fetch(`${emulator.url}/b2api/v2/b2_authorize_account`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${key.applicationKeyId}:${key.applicationKey}`).toString('base64')}`,
    },
  });
  const account = (await auth.json()) as { authorizationToken: string; apiUrl: string };
  const answer = await fetch(`${account.apiUrl}/b2api/v2/${call}`, {
    method: 'POST',
    headers: { Authorization: account.authorizationToken, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: answer.status, json: (await answer.json()) as Record<string, unknown> };
}

describe('POST /api/keys/:applicationKeyId/replace, then DELETE the old key', () => {
  it('leaves one working key with the same buckets, capabilities and prefix', async () => {
    const old = await customerKey();
    const res = await ctx.agent
      .post(`/api/keys/${old.applicationKeyId}/replace`)
      .send({ target: 'rclone', idempotencyKey: idempotencyKey() })
      .expect(200);
    const fresh = res.body.key as { applicationKeyId: string; applicationKey: string };
    expect(res.body.key).toEqual({
      applicationKeyId: fresh.applicationKeyId,
      applicationKey: fresh.applicationKey,
      keyName: 'acme-backups-replaced-20260314',
      capabilities: READ_WRITE,
      bucketId: old.bucketId,
      bucketIds: [old.bucketId],
      namePrefix: 'backups/',
      expirationTimestamp: null,
    });
    expect(fresh.applicationKeyId).not.toBe(old.applicationKeyId);
    expect(res.body.bucket).toMatchObject({ bucketId: old.bucketId, bucketName: old.bucketName });
    expect(res.body.verification.ok).toBe(true);
    expect(
      (res.body.verification.checks as { name: string; status: string }[]).map(
        (c) => `${c.name}: ${c.status}`,
      ),
    ).toEqual([
      'authorize: passed',
      'restrictedToBucket: passed',
      'capabilities: passed',
      'S3: bucket reachable: passed',
      'S3: upload: passed',
      'S3: delete: passed',
    ]);
    const conf = (res.body.files as { filename: string; content: string }[]).find(
      (f) => f.filename === 'rclone.conf',
    );
    expect(conf?.content).toContain(`access_key_id = ${fresh.applicationKeyId}\n`);
    expect(conf?.content).toContain(`secret_access_key = ${fresh.applicationKey}\n`);
    // Nothing deleted yet: both keys work until the user confirms.
    expect(
      keys()
        .map((k) => k.applicationKeyId)
        .sort(),
    ).toEqual([old.applicationKeyId, fresh.applicationKeyId].sort());

    // The panel marks the new key as this session's, and the history lists it.
    const list = await ctx.agent.get('/api/keys').expect(200);
    const marked = (list.body.keys as { applicationKeyId: string; madeByWizard: string }[]).find(
      (k) => k.applicationKeyId === fresh.applicationKeyId,
    );
    expect(marked?.madeByWizard).toBe('history');
    const history = await ctx.agent.get('/api/setups').expect(200);
    expect(history.body.setups).toMatchObject([
      {
        target: 'rclone',
        bucket: { bucketId: old.bucketId, made: false },
        key: { applicationKeyId: fresh.applicationKeyId },
      },
    ]);

    await ctx.agent.delete(`/api/keys/${old.applicationKeyId}`).expect(200);
    expect(keys()).toEqual([
      {
        accountId: ctx.emulator.accountId,
        applicationKeyId: fresh.applicationKeyId,
        keyName: 'acme-backups-replaced-20260314',
        capabilities: READ_WRITE,
        bucketId: old.bucketId,
        bucketIds: [old.bucketId],
        namePrefix: 'backups/',
        expirationTimestamp: null,
        createdWithApiVersion: expect.any(Number),
      },
    ]);
    expect(await signsIn(ctx.emulator, old.applicationKeyId, old.applicationKey)).toBe(false);
    const listed = await asKey(ctx.emulator, fresh, 'b2_list_file_names', {
      bucketId: old.bucketId,
      prefix: 'backups/',
    });
    expect(listed.status).toBe(200);
    // The check's marker file is gone again.
    expect(listed.json.files).toEqual([]);
  });

  it('gives a key that expires the same end', async () => {
    const b = await bucket('expiring');
    const old = await createKeyOnEmulator(ctx.emulator, READ_WRITE, {
      keyName: 'contractor',
      bucketId: b.bucketId,
      validDurationInSeconds: 30 * 86_400,
    });
    const oldEnd = keys().find(
      (k) => k.applicationKeyId === old.applicationKeyId,
    )!.expirationTimestamp!;
    const res = await ctx.agent
      .post(`/api/keys/${old.applicationKeyId}/replace`)
      .send({ target: 'restic' })
      .expect(200);
    expect(res.body.key.keyName).toBe('contractor-replaced-20260314');
    // Whole seconds are sent, so the new end is at most two seconds earlier.
    expect(oldEnd - res.body.key.expirationTimestamp).toBeGreaterThanOrEqual(0);
    expect(oldEnd - res.body.key.expirationTimestamp).toBeLessThan(2000);
  });

  it('makes one key for several buckets of a v4 key', async () => {
    const a = await bucket('multi-a');
    const c = await bucket('multi-b');
    const old = await b2Native(
      ctx.emulator,
      'b2_create_key',
      { keyName: 'shop-servers', capabilities: READ_WRITE, bucketIds: [a.bucketId, c.bucketId] },
      'v4',
    );
    const res = await ctx.agent
      .post(`/api/keys/${String(old.applicationKeyId)}/replace`)
      .send({ target: 'restic' })
      .expect(200);
    expect(res.body.key.bucketIds).toEqual([a.bucketId, c.bucketId]);
    const made = keys().find((k) => k.applicationKeyId === res.body.key.applicationKeyId);
    expect(made?.bucketIds).toEqual([a.bucketId, c.bucketId]);
  });
});

describe('a replacement that does not work', () => {
  it('refuses a key for several buckets for a tool that cannot use one', async () => {
    const a = await bucket('multi-a');
    const c = await bucket('multi-b');
    const old = await b2Native(
      ctx.emulator,
      'b2_create_key',
      { keyName: 'shop-servers', capabilities: READ_WRITE, bucketIds: [a.bucketId, c.bucketId] },
      'v4',
    );
    ctx.emulator.resetCallCounts();
    const res = await ctx.agent
      .post(`/api/keys/${String(old.applicationKeyId)}/replace`)
      .send({ target: 'rclone' })
      .expect(422);
    expect(res.body.error.code).toBe('key_not_replaceable');
    expect(res.body.error.message).toMatch(/^rclone cannot use a key for several buckets: /);
    expect(res.body.error.message).toContain(
      `The application key “shop-servers” (ID ${String(old.applicationKeyId)}) reaches 2 buckets, and so would its replacement.`,
    );
    expect(calls('b2_create_key')).toBe(0);
  });

  it('deletes the new key again when the check fails, and leaves the old one alone', async () => {
    const old = await customerKey(['listBuckets', 'readBuckets', 'listFiles', 'readFiles']);
    const res = await ctx.agent
      .post(`/api/keys/${old.applicationKeyId}/replace`)
      .send({ target: 'restic', idempotencyKey: idempotencyKey() })
      .expect(422);
    expect(res.body.error).toEqual({
      code: 'key_check_failed',
      message: `The new key did not pass the check for restic. Can upload a file over S3: This key cannot upload, so no file was written over S3. The application key “acme-backups” (ID ${old.applicationKeyId}) is untouched and still works. The new key was deleted again.`,
    });
    expect(calls('b2_create_key')).toBe(1);
    expect(calls('b2_delete_key')).toBe(1);
    expect(keys().map((k) => k.applicationKeyId)).toEqual([old.applicationKeyId]);
    expect(await signsIn(ctx.emulator, old.applicationKeyId, old.applicationKey)).toBe(true);
    expect((await ctx.agent.get('/api/setups').expect(200)).body.setups).toEqual([]);
  });

  it('refuses a key that reaches every bucket, before making anything', async () => {
    const old = await createKeyOnEmulator(ctx.emulator, READ_WRITE, { keyName: 'everything' });
    ctx.emulator.resetCallCounts();
    const res = await ctx.agent
      .post(`/api/keys/${old.applicationKeyId}/replace`)
      .send({ target: 'restic' })
      .expect(422);
    expect(res.body.error).toEqual({
      code: 'key_not_replaceable',
      message:
        'The key “everything” reaches every bucket, so the wizard can’t make a like-for-like key kept to buckets. Make its replacement in the Backblaze dashboard (App Keys), or set a bucket up with the wizard to get a key for just that bucket.',
    });
    expect(calls('b2_create_key')).toBe(0);
  });

  it('refuses the master key and the connected key', async () => {
    const master = await ctx.agent
      .post(`/api/keys/${ctx.emulator.masterKeyId}/replace`)
      .send({ target: 'restic' })
      .expect(409);
    expect(master.body.error.code).toBe('key_protected');
    const support = await createKeyOnEmulator(ctx.emulator, [
      'listBuckets',
      'listKeys',
      'writeKeys',
      'deleteKeys',
    ]);
    ctx.emulator.resetCallCounts();
    const browser = ctx.t.agent();
    await browser.post('/api/session').send(support).expect(200);
    const own = await browser
      .post(`/api/keys/${support.applicationKeyId}/replace`)
      .send({ target: 'restic' })
      .expect(409);
    expect(own.body.error.code).toBe('key_protected');
    expect(calls('b2_create_key')).toBe(0);
  });

  it('answers 404 for a key the account does not have', async () => {
    const res = await ctx.agent
      .post('/api/keys/0040000000000000000000099/replace')
      .send({ target: 'restic' })
      .expect(404);
    expect(res.body.error.code).toBe('key_not_found');
    expect(calls('b2_create_key')).toBe(0);
  });

  it('needs a tool, the session, and a request from the wizard’s own page', async () => {
    const old = await customerKey();
    const path = `/api/keys/${old.applicationKeyId}/replace`;
    const bad = await ctx.agent.post(path).send({ target: 'ftp' }).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', field: 'target' });
    await ctx.t.agent().post(path).send({ target: 'restic' }).expect(401);
    await ctx.agent
      .post(path)
      .set('Origin', 'https://evil.example')
      .send({ target: 'restic' })
      .expect(403);
    await ctx.agent.post(path).set('Content-Type', 'text/plain').send('target=restic').expect(415);
    expect(calls('b2_create_key')).toBe(0);
  });
});

describe('a lost answer and a double click', () => {
  it('answers a repeat with the same idempotencyKey with the same key, made once', async () => {
    const old = await customerKey();
    const body = { target: 'restic', idempotencyKey: idempotencyKey() };
    const path = `/api/keys/${old.applicationKeyId}/replace`;
    const [first, second] = await Promise.all([
      ctx.agent.post(path).send(body),
      ctx.agent.post(path).send(body),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(calls('b2_create_key')).toBe(1);
    expect(keys()).toHaveLength(2);
  });

  it('after the create answer was lost, the retry leaves exactly one new key', async () => {
    const old = await customerKey();
    const body = { target: 'restic', idempotencyKey: idempotencyKey() };
    const path = `/api/keys/${old.applicationKeyId}/replace`;
    ctx.emulator.addFault({ call: 'b2_create_key', drop: 'after', times: 1 });
    const lost = await ctx.agent.post(path).send(body);
    expect(lost.status).toBeGreaterThanOrEqual(500);
    // B2 made a key whose secret nobody has; the retry removes it and makes the one handed out.
    expect(keys()).toHaveLength(2);
    const res = await ctx.agent.post(path).send(body).expect(200);
    expect(
      keys()
        .map((k) => k.applicationKeyId)
        .sort(),
    ).toEqual([old.applicationKeyId, res.body.key.applicationKeyId].sort());
    expect(
      await signsIn(ctx.emulator, res.body.key.applicationKeyId, res.body.key.applicationKey),
    ).toBe(true);
  });

  it('refuses the same idempotencyKey for another tool', async () => {
    const old = await customerKey();
    const key = idempotencyKey();
    const path = `/api/keys/${old.applicationKeyId}/replace`;
    await ctx.agent.post(path).send({ target: 'restic', idempotencyKey: key }).expect(200);
    const res = await ctx.agent
      .post(path)
      .send({ target: 'rclone', idempotencyKey: key })
      .expect(422);
    expect(res.body.error.code).toBe('idempotency_key_reused');
    expect(calls('b2_create_key')).toBe(1);
  });
});
