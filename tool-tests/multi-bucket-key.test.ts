// A key for several buckets with a real tool: Debian's rclone 1.60, whose b2 backend signs in on
// API v1, cannot use one at all (B2 refuses it at sign-in), while its S3 remote can, and a key for
// one bucket works with the b2 backend as ever (docs/b2-behaviour.md "Keys for several buckets").
// The key is made by the wizard's own apply in a sandbox; rclone.conf by shared's generator.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { multiBucketKeyWarning, rcloneConfig } from '@b2wiz/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool } from './support/tools';

let several: SandboxSetup;
let one: SandboxSetup;
let otherBucketId: string;

function rclone(setup: SandboxSetup, config: string, args: string[]) {
  return run(
    tool('rclone'),
    [
      '--config',
      config,
      '--b2-endpoint',
      setup.emulator.url,
      '--retries',
      '1',
      '--low-level-retries',
      '1',
      ...args,
    ],
    { cwd: setup.dir },
  );
}

beforeAll(async () => {
  tool('rclone');
  several = await sandboxSetup('aws-cli', (request, _dir, emulator) => {
    otherBucketId = emulator.seedBucket({ bucketName: `tool-photos-${process.pid}` }).bucketId;
    return { ...request, key: { ...request.key, extraBucketIds: [otherBucketId] } };
  });
  const { bucket, key, endpoint } = several.result;
  const conf = rcloneConfig({ target: 'rclone', bucket, key, endpoint, options: {} });
  writeFileSync(join(several.dir, 'rclone.conf'), conf.content);
  one = await sandboxSetup('rclone');
  one.save('rclone.conf');
});

afterAll(async () => {
  await several?.close();
  await one?.close();
});

describe('rclone 1.60 and a key for several buckets', () => {
  it('the wizard made one key for both buckets', () => {
    expect(several.result.key.bucketIds).toEqual([several.result.bucket.bucketId, otherBucketId]);
  });

  it('rclone lsf b2:<bucket> with the key for several buckets → fails: B2 refuses it at v1 sign-in', async () => {
    const res = await rclone(several, 'rclone.conf', [
      'lsf',
      `b2:${several.result.bucket.bucketName}`,
    ]);
    expect(res.code).not.toBe(0);
    expect(res.output).toContain(
      'This request is not currently supported on API version number 1 (400 bad_request)',
    );
    const authorizes = several.emulator
      .requests()
      .filter(
        (r) => r.call === 'b2_authorize_account' && r.path === '/b2api/v1/b2_authorize_account',
      );
    expect(authorizes.length).toBeGreaterThan(0);
  });

  it('rclone lsf b2-s3:<bucket> with the same key over S3 → exit 0', async () => {
    const res = await rclone(several, 'rclone.conf', [
      'lsf',
      `b2-s3:${several.result.bucket.bucketName}`,
    ]);
    expect(res.code, res.output).toBe(0);
  });

  it('rclone lsf b2:<bucket> with the wizard’s key for one bucket → exit 0', async () => {
    const res = await rclone(one, 'rclone.conf', ['lsf', `b2:${one.result.bucket.bucketName}`]);
    expect(res.code, res.output).toBe(0);
  });

  it('the warning beside such a key names rclone', () => {
    expect(multiBucketKeyWarning()).toContain(
      'rclone’s b2 remotes before rclone 1.72 (Debian’s rclone 1.60 among them)',
    );
  });
});
