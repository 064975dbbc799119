// rclone.conf from a fresh sandbox setup, used by the real rclone: the native b2 remote (pointed at
// the emulator with --b2-endpoint, since rclone's b2 backend defaults to api.backblazeb2.com) and the
// s3 remote (whose endpoint the sandbox already set to the emulator).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRegion, swapKeyPair } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, workDir, type RunResult } from './support/tools';

let setup: SandboxSetup;
let work: ReturnType<typeof workDir>;
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
      cwd: work.dir,
    },
  );
}

beforeAll(async () => {
  tool('rclone');
  setup = await sandboxSetup('rclone');
  work = workDir('rclone');
  bucket = setup.result.bucket.bucketName;
  const conf = setup.files['rclone.conf']!;
  writeFileSync(join(work.dir, 'rclone.conf'), conf);
  writeFileSync(join(work.dir, 'hello.txt'), 'hello from rclone\n');
  const found = remotes(conf);
  nativeRemote = found.b2!;
  s3Remote = found.s3!;
});

afterAll(async () => {
  await setup?.close();
  work?.remove();
});

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
    const { applicationKeyId, applicationKey } = setup.result.key;
    writeFileSync(
      join(work.dir, 'swapped.conf'),
      swapKeyPair(setup.files['rclone.conf']!, applicationKeyId, applicationKey),
    );
    const native = await rclone(['lsf', `${nativeRemote}:${bucket}`], 'swapped.conf');
    expect(native.code).not.toBe(0);
    expect(native.output).toMatch(/401|unauthorized/i);
    const s3 = await rclone(['lsf', `${s3Remote}:${bucket}`], 'swapped.conf');
    expect(s3.code).not.toBe(0);
    expect(s3.output).toMatch(/InvalidAccessKeyId/);
  });

  it('with a wrong region: rclone lsf on the s3 remote → non-zero exit, AuthorizationHeaderMalformed', async () => {
    writeFileSync(
      join(work.dir, 'region.conf'),
      changeRegion(setup.files['rclone.conf']!, setup.result.endpoint.s3Region),
    );
    const s3 = await rclone(['lsf', `${s3Remote}:${bucket}`], 'region.conf');
    expect(s3.code).not.toBe(0);
    expect(s3.output).toMatch(/AuthorizationHeaderMalformed/);
  });
});
