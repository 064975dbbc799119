// The key check's S3 client against the emulator, which checks every SigV4 signature as S3 does:
// a name with a space and a folder is signed exactly as it is sent.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from '../src/b2/retry-policy';
import { S3Client } from '../src/b2/s3-client';
import { createKeyOnEmulator, startEmulator } from './helpers';

describe('against the emulator, which checks each signature as S3 does', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it('when the name has a space and a folder, then the signed path is the one sent, and the object is made and removed', async () => {
    emulator.seedBucket({ bucketName: 'acme-s3-client' });
    // B2 takes no master key over S3: a key of its own, as the check has.
    const key = await createKeyOnEmulator(emulator, [
      'listBuckets',
      'readFiles',
      'writeFiles',
      'deleteFiles',
    ]);
    const s3 = new S3Client({
      endpoint: `${emulator.url}/`,
      region: 'us-west-004',
      accessKeyId: key.applicationKeyId,
      secretAccessKey: key.applicationKey,
      timeoutMs: 5000,
      userAgent: 'b2-setup-wizard/test',
      fetch: globalThis.fetch,
      policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 },
    });
    await s3.headBucket('acme-s3-client');
    const made = await s3.putObject({
      bucket: 'acme-s3-client',
      key: 'dir/check me.txt',
      body: Buffer.from('marker\n'),
      contentType: 'text/plain',
    });
    const stored = emulator.state().files.filter((f) => f.fileName === 'dir/check me.txt');
    expect(stored).toHaveLength(1);
    expect(made.versionId).toEqual(expect.any(String));
    await s3.deleteObjectVersion({
      bucket: 'acme-s3-client',
      key: 'dir/check me.txt',
      versionId: made.versionId!,
    });
    expect(emulator.state().files.filter((f) => f.fileName === 'dir/check me.txt')).toEqual([]);
  });
});
