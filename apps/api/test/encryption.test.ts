// B2 encrypts every bucket (SSE-B2) and refuses {"mode": "none"} (docs/b2-behaviour.md
// "Encryption"). No setup may send it, whatever an old request asks for.
import { TARGETS, type SetupRequestInput, type Target } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  applySetup,
  createKeyOnEmulator,
  idempotencyKey,
  requestBodies,
  seedLegacyBucket,
  setupRequest,
  uniqueName,
  useEmulatorApp,
} from './helpers';

const ctx = useEmulatorApp();

/** The target's defaults, with what the wizard asks the user for filled in. */
function defaults(target: Target, name: string): SetupRequestInput {
  if (target !== 'laravel') return setupRequest(target, name);
  return setupRequest(target, name, {
    cors: { preset: 'oneOrigin', origin: 'https://shop.example.com', apis: 'both', uploads: true },
    options: { laravel: { appUrl: 'https://shop.example.com', diskName: 'b2' } },
  });
}

function askingForEncryptionOff(request: SetupRequestInput): SetupRequestInput {
  return {
    ...request,
    bucket: { ...request.bucket, encryption: false } as SetupRequestInput['bucket'],
  };
}

const SSE_B2 = { mode: 'SSE-B2', algorithm: 'AES256' };
const ALWAYS_ON =
  'Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).';

describe('a new bucket is always encrypted', () => {
  it.each(TARGETS)(
    '%s: applied with its defaults and again asking for encryption off, both buckets read back SSE-B2 and no request sends "none"',
    async (target) => {
      const plain = uniqueName(target.replace('-', ''));
      const off = uniqueName(`${target.replace('-', '')}-off`);
      for (const request of [
        defaults(target, plain),
        askingForEncryptionOff(defaults(target, off)),
      ]) {
        const res = await applySetup(ctx.agent, request);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.bucket.defaultServerSideEncryption).toEqual(SSE_B2);
        expect(res.body.verification.ok).toBe(true);
      }
      for (const name of [plain, off]) {
        const bucket = ctx.emulator.state().buckets.find((b) => b.bucketName === name);
        expect(bucket?.defaultServerSideEncryption).toEqual(SSE_B2);
      }
      const creates = await requestBodies(ctx.emulator, 'b2_create_bucket');
      expect(creates).toHaveLength(2);
      // Omitted, so B2 applies its default; never {"mode": "none"}.
      for (const body of creates) expect(body).not.toHaveProperty('defaultServerSideEncryption');
      const everything = JSON.stringify(await requestBodies(ctx.emulator, 'b2_update_bucket'));
      expect(everything).not.toContain('"none"');
    },
  );

  it('a plan asking for encryption off says, in plain words, that Backblaze encrypts every bucket now', async () => {
    const request = askingForEncryptionOff(defaults('restic', uniqueName('restic')));
    const res = await ctx.agent.post('/api/setup/plan').send(request).expect(200);
    expect(res.body.steps[0].details).toContain(ALWAYS_ON);
    expect(JSON.stringify(res.body)).not.toMatch(/encryption: off|Default encryption/i);
    expect(res.body.warnings).toContainEqual({
      code: 'encryption_always_on',
      field: 'bucket.encryption',
      message:
        'You asked for encryption off. Backblaze encrypts every bucket now, so it stays on; nothing else changes.',
    });
  });

  it('a key that may not set encryption can still create a bucket: writeBucketEncryption is not needed', async () => {
    const key = await createKeyOnEmulator(
      ctx.emulator,
      [
        'listBuckets',
        'writeBuckets',
        'writeKeys',
        'listKeys',
        'deleteKeys',
        'readBucketEncryption',
      ],
      { keyName: 'no-encryption-rights' },
    );
    const own = ctx.t.agent();
    const connected = await own
      .post('/api/session')
      .send({ applicationKeyId: key.applicationKeyId, applicationKey: key.applicationKey })
      .expect(200);
    expect(connected.body.missingCapabilities).not.toContain('writeBucketEncryption');
    const name = uniqueName('jetbackup');
    const res = await applySetup(own, defaults('jetbackup', name));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.bucket.defaultServerSideEncryption).toEqual(SSE_B2);
  });
});

describe('an existing bucket B2 has not moved over yet', () => {
  it('is shown as being switched over, and setting it up never touches its encryption', async () => {
    const name = uniqueName('legacy');
    const { bucketId } = await seedLegacyBucket(ctx.emulator, name);
    const request: SetupRequestInput = {
      ...defaults('rclone', 'unused-name'),
      bucket: { mode: 'existing', bucketId },
    };
    const plan = await ctx.agent.post('/api/setup/plan').send(request).expect(200);
    expect(plan.body.steps[0].details).toContain(
      'Encryption: Backblaze is switching this bucket over to always-on encryption; nothing needs doing.',
    );
    const res = await ctx.agent
      .post('/api/setup/apply')
      .send({ ...request, idempotencyKey: idempotencyKey(), confirm: ['deletes_old_versions'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The result reports what B2 answers: still "none" until Backblaze moves it.
    expect(res.body.bucket.defaultServerSideEncryption).toEqual({ mode: 'none', algorithm: null });
    const updates = await requestBodies(ctx.emulator, 'b2_update_bucket');
    expect(updates).toHaveLength(1); // rclone's lifecycle differs from the bucket's
    expect(updates[0]).not.toHaveProperty('defaultServerSideEncryption');
    expect(
      ctx.emulator.state().buckets.find((b) => b.bucketId === bucketId)
        ?.defaultServerSideEncryption,
    ).toEqual({
      mode: 'none',
    });
  });
});
