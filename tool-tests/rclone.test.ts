// rclone.conf from a fresh sandbox setup, used by the real rclone: the native b2 remote (pointed at
// the emulator with --b2-endpoint, since rclone's b2 backend defaults to api.backblazeb2.com) and the
// s3 remote (whose endpoint the sandbox already set to the emulator).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, saveBroken } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunResult } from './support/tools';

let setup: SandboxSetup;
let bucket: string;
let nativeRemote: string;
let s3Remote: string;

/** The section names of an INI file with their `type = …`. */
function remotes(conf: string): Record<string, string> {
  const found: Record<string, string> = {};
  let section = '';
  for (const line of conf.split('\n')) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) section = header[1]!;
    const type = /^type\s*=\s*(\S+)$/.exec(line.trim());
    if (type && section) found[type[1]!] = section;
  }
  return found;
}

function rclone(args: string[], config = 'rclone.conf'): Promise<RunResult> {
  // --b2-endpoint is the only change to the file's settings: the emulator stands in for api.backblazeb2.com.
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
      '2',
      ...args,
    ],
    {
      cwd: setup.dir,
    },
  );
}

beforeAll(async () => {
  tool('rclone');
  setup = await sandboxSetup('rclone');
  bucket = setup.result.bucket.bucketName;
  setup.save('rclone.conf');
  writeFileSync(join(setup.dir, 'hello.txt'), 'hello from rclone\n');
  const found = remotes(setup.file('rclone.conf'));
  nativeRemote = found.b2!;
  s3Remote = found.s3!;
});

afterAll(() => setup?.close());

describe.each([
  ['native b2', () => nativeRemote, 'rclone-native'],
  ['s3', () => s3Remote, 'rclone-s3'],
] as const)('rclone.conf, %s remote', (_kind, remote, folder) => {
  it(`rclone --config rclone.conf --b2-endpoint <emulator> copy hello.txt <remote>:<bucket>/${folder}/ → exit 0`, async () => {
    const res = await rclone(['copy', 'hello.txt', `${remote()}:${bucket}/${folder}/`]);
    expect(res.code, res.output).toBe(0);
    expect(
      setup.emulator
        .state()
        .files.some((f) => f.fileName === `${folder}/hello.txt` && f.action === 'upload'),
    ).toBe(true);
  });

  it(`rclone --config rclone.conf --b2-endpoint <emulator> lsf <remote>:<bucket>/${folder} → hello.txt`, async () => {
    const res = await rclone(['lsf', `${remote()}:${bucket}/${folder}`]);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout.trim()).toBe('hello.txt');
  });

  it(`rclone --config rclone.conf --b2-endpoint <emulator> cat <remote>:<bucket>/${folder}/hello.txt → the file's text`, async () => {
    const res = await rclone(['cat', `${remote()}:${bucket}/${folder}/hello.txt`]);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toBe('hello from rclone\n');
  });

  it(`rclone --config rclone.conf --b2-endpoint <emulator> deletefile <remote>:<bucket>/${folder}/hello.txt → exit 0, then lsf is empty`, async () => {
    const res = await rclone(['deletefile', `${remote()}:${bucket}/${folder}/hello.txt`]);
    expect(res.code, res.output).toBe(0);
    const after = await rclone(['lsf', `${remote()}:${bucket}/${folder}`]);
    expect(after.stdout.trim()).toBe('');
    // hard_delete = false and S3 DeleteObject both hide: the version stays until lifecycle removes it.
    const versions = setup.emulator
      .state()
      .files.filter((f) => f.fileName === `${folder}/hello.txt`);
    expect(versions.map((f) => f.action)).toEqual(['hide', 'upload']);
  });
});

describe('rclone.conf from a broken generator', () => {
  it('with the key ID and key swapped: rclone lsf on both remotes → non-zero exit', async () => {
    const conf = saveBroken(setup, 'rclone.conf', 'swapped');
    expectFailure(await rclone(['lsf', `${nativeRemote}:${bucket}`], conf), /401|unauthorized/i);
    expectFailure(await rclone(['lsf', `${s3Remote}:${bucket}`], conf), /InvalidAccessKeyId/);
  });

  it('with a wrong region: rclone lsf on the s3 remote → non-zero exit, AuthorizationHeaderMalformed', async () => {
    const conf = saveBroken(setup, 'rclone.conf', 'region');
    expectFailure(
      await rclone(['lsf', `${s3Remote}:${bucket}`], conf),
      /AuthorizationHeaderMalformed/,
    );
  });
});
