// What the plan tells the user, word for word: every step's title and details, and every
// warning, for four setups a user meets (an S3 tool on the master key; a native tool with a
// public, locked bucket and a narrow, expiring key; an existing bucket with Object Lock; a
// connected key that cannot clean up keys). These are the words the Review step shows.
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { b2Native, createKeyOnEmulator, setupRequest, useEmulatorApp } from './helpers';

const ctx = useEmulatorApp();

function said(res: Response) {
  const body = res.body as {
    steps: { kind: string; title: string; call: string | null; details: string[] }[];
    warnings: { code: string; field?: string; message: string }[];
  };
  return {
    steps: body.steps.map(({ kind, title, call, details }) => ({ kind, title, call, details })),
    warnings: body.warnings.map((w) => ({
      code: w.code,
      field: w.field ?? null,
      message: w.message,
    })),
  };
}

describe('the plan in words', () => {
  it('an S3 tool on the master key, with a new private bucket', async () => {
    const res = await ctx.agent
      .post('/api/setup/plan')
      .send(setupRequest('rclone', 'acme-offsite'))
      .expect(200);
    const S3 = ctx.emulator.url;
    expect(said(res)).toEqual({
      steps: [
        {
          kind: 'createBucket',
          title: 'Create the private bucket “acme-offsite”',
          call: 'b2_create_bucket',
          details: [
            'Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).',
            'Object Lock: off.',
            'Lifecycle: Keep only the last version of the file. Older versions are deleted about a day after a newer one replaces them, which keeps the bill down for backups.',
            'CORS: Do not share.',
          ],
        },
        {
          kind: 'createKey',
          title: 'Create the application key “rclone-key”',
          call: 'b2_create_key',
          details: [
            'It can reach only the bucket “acme-offsite”.',
            'Type of access: Read and write (listAllBucketNames, listBuckets, readBuckets, listFiles, readFiles, writeFiles, deleteFiles).',
            'Every file in the bucket.',
            'It does not expire.',
            'Its secret is shown once, on the last page.',
          ],
        },
        {
          kind: 'checkKey',
          title: 'Check that the new key works',
          call: 'b2_authorize_account',
          details: [
            'Sign in to Backblaze with the new key.',
            `Reach the bucket at the S3 endpoint ${S3} with the new key.`,
            'Upload a tiny marker file with it over S3, then delete the marker.',
          ],
        },
        {
          kind: 'generateFiles',
          title: 'Prepare rclone.conf, SETUP-SUMMARY.md',
          call: null,
          details: ['Made here from the values above; nothing is sent anywhere.'],
        },
      ],
      warnings: [
        {
          code: 'master_key_not_for_s3',
          field: null,
          message:
            'The master application key cannot be used with S3 tools. rclone will use the new application key instead.',
        },
      ],
    });
  });

  it('a native tool with a public, locked bucket and a read-only, expiring, unrestricted key', async () => {
    const base = setupRequest('jetbackup', 'acme-locked');
    const res = await ctx.agent
      .post('/api/setup/plan')
      .send({
        ...base,
        bucket: {
          mode: 'create',
          name: 'acme-locked',
          type: 'allPublic',
          objectLock: true,
          retention: { mode: 'governance', period: { duration: 7, unit: 'days' } },
        },
        key: {
          ...base.key,
          access: 'readOnly',
          restrictToBucket: false,
          validDays: 30,
          namePrefix: 'site/',
        },
      })
      .expect(200);
    expect(said(res)).toEqual({
      steps: [
        {
          kind: 'createBucket',
          title: 'Create the public bucket “acme-locked”',
          call: 'b2_create_bucket',
          details: [
            'Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).',
            'Object Lock: on. It can never be turned off for this bucket.',
            'Retention: Governance, 7 days, set after the key check.',
            'Lifecycle: Keep only the last version of the file. Older versions are deleted about a day after a newer one replaces them, which keeps the bill down for backups.',
            'CORS: Do not share.',
          ],
        },
        {
          kind: 'createKey',
          title: 'Create the application key “jetbackup-key”',
          call: 'b2_create_key',
          details: [
            'It can reach every bucket in the account.',
            'Type of access: Read only (listBuckets, readBuckets, listFiles, readFiles).',
            'Only files whose names start with “site/”.',
            'It stops working after 30 days.',
            'Its secret is shown once, on the last page.',
          ],
        },
        {
          kind: 'checkKey',
          title: 'Check that the new key works',
          call: 'b2_authorize_account',
          details: [
            'Sign in to Backblaze with the new key.',
            'This key cannot upload, so no file is written.',
          ],
        },
        {
          kind: 'setRetention',
          title: 'Set Object Lock retention on the bucket: Governance, 7 days',
          call: 'b2_update_bucket',
          details: [
            'Governance: People with a special permission (bypassGovernance) can still delete a locked file.',
            'A locked file cannot be deleted, so it is billed until its retention period ends.',
            'Set after the key check, so the check’s test file can still be deleted; files uploaded from then on are locked.',
          ],
        },
        {
          kind: 'generateFiles',
          title: 'Prepare jetbackup-destination.txt, SETUP-SUMMARY.md',
          call: null,
          details: ['Made here from the values above; nothing is sent anywhere.'],
        },
      ],
      warnings: [
        {
          code: 'public_bucket',
          field: 'bucket.type',
          message:
            'Anyone who knows a file’s name can download it from a public bucket. Backblaze also needs a verified email address and a payment history before an account’s first public bucket.',
        },
        {
          code: 'object_lock_permanent',
          field: 'bucket.objectLock',
          message:
            'Object Lock cannot be turned off once the bucket exists. A locked file cannot be deleted, so it is billed until its retention period ends.',
        },
        {
          code: 'access_too_narrow',
          field: 'key.access',
          message:
            'JetBackup cannot back up with a read-only key: it needs to upload files and delete old files.',
        },
        {
          code: 'key_not_restricted',
          field: 'key.restrictToBucket',
          message: 'The new key can reach every bucket in the account, not just this one.',
        },
        {
          code: 'key_expires',
          field: 'key.validDays',
          message:
            'The new key stops working after 30 days; then give JetBackup a new one, or it stops working too.',
        },
      ],
    });
  });

  it('an existing bucket with Object Lock on, whose rules already match', async () => {
    const locked = await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: 'acme-existing',
      bucketType: 'allPrivate',
      fileLockEnabled: true,
    });
    const res = await ctx.agent
      .post('/api/setup/plan')
      .send(
        setupRequest('aws-cli', 'unused', {
          bucket: { mode: 'existing', bucketId: String(locked.bucketId) },
        }),
      )
      .expect(200);
    const S3 = ctx.emulator.url;
    expect(said(res)).toEqual({
      steps: [
        {
          kind: 'useBucket',
          title: 'Use the bucket “acme-existing” as it is',
          call: null,
          details: [
            'Its lifecycle and CORS rules already match your choices; nothing changes.',
            'Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).',
          ],
        },
        {
          kind: 'createKey',
          title: 'Create the application key “aws-cli-key”',
          call: 'b2_create_key',
          details: [
            'It can reach only the bucket “acme-existing”.',
            'Type of access: Read and write (listAllBucketNames, listBuckets, readBuckets, listFiles, readFiles, writeFiles, deleteFiles).',
            'Every file in the bucket.',
            'It does not expire.',
            'Its secret is shown once, on the last page.',
          ],
        },
        {
          kind: 'checkKey',
          title: 'Check that the new key works',
          call: 'b2_authorize_account',
          details: [
            'Sign in to Backblaze with the new key.',
            `Reach the bucket at the S3 endpoint ${S3} with the new key.`,
            'Upload a tiny marker file with it over S3, then delete the marker.',
          ],
        },
        {
          kind: 'generateFiles',
          title: 'Prepare aws-config, aws-credentials, .s3cfg, SETUP-SUMMARY.md',
          call: null,
          details: ['Made here from the values above; nothing is sent anywhere.'],
        },
      ],
      warnings: [
        {
          code: 'object_lock_on',
          field: null,
          message: 'Object Lock is on for this bucket and cannot be turned off.',
        },
        {
          code: 'master_key_not_for_s3',
          field: null,
          message:
            'The master application key cannot be used with S3 tools. AWS CLI / other S3 tool will use the new application key instead.',
        },
      ],
    });
  });

  it('a connected key that may make keys but not list or delete them', async () => {
    const key = await createKeyOnEmulator(ctx.emulator, [
      'listBuckets',
      'writeBuckets',
      'writeKeys',
      'listAllBucketNames',
    ]);
    const browser = ctx.t.agent();
    await browser.post('/api/session').send(key).expect(200);
    const res = await browser
      .post('/api/setup/plan')
      .send(setupRequest('restic', 'acme-restic'))
      .expect(200);
    const S3 = ctx.emulator.url;
    expect(said(res)).toEqual({
      steps: [
        {
          kind: 'createBucket',
          title: 'Create the private bucket “acme-restic”',
          call: 'b2_create_bucket',
          details: [
            'Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).',
            'Object Lock: off.',
            'Lifecycle: Keep only the last version of the file. Older versions are deleted about a day after a newer one replaces them, which keeps the bill down for backups.',
            'CORS: Do not share.',
          ],
        },
        {
          kind: 'createKey',
          title: 'Create the application key “restic-key”',
          call: 'b2_create_key',
          details: [
            'It can reach only the bucket “acme-restic”.',
            'Type of access: Read and write (listAllBucketNames, listBuckets, readBuckets, listFiles, readFiles, writeFiles, deleteFiles).',
            'Every file in the bucket.',
            'It does not expire.',
            'Its secret is shown once, on the last page.',
          ],
        },
        {
          kind: 'checkKey',
          title: 'Check that the new key works',
          call: 'b2_authorize_account',
          details: [
            'Sign in to Backblaze with the new key.',
            `Reach the bucket at the S3 endpoint ${S3} with the new key.`,
            'Upload a tiny marker file with it over S3, then delete the marker.',
          ],
        },
        {
          kind: 'generateFiles',
          title: 'Prepare restic.env, SETUP-SUMMARY.md',
          call: null,
          details: ['Made here from the values above; nothing is sent anywhere.'],
        },
      ],
      warnings: [
        {
          code: 'cannot_clean_up_keys',
          field: null,
          message:
            'The connected key cannot list or delete keys, so if creating the new key is interrupted, a spare unused key may stay in the account.',
        },
      ],
    });
  });
});
