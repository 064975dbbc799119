// duplicity.env from a fresh sandbox setup, sourced by bash, and its backup and restore commands
// (written for duplicity 0.8.22) run by Debian's duplicity against the emulator's S3 endpoint, with
// the emulator refusing checksum headers as B2 did.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, saveBroken } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunResult } from './support/tools';

const PASSPHRASE = 'tool-test-duplicity-passphrase';

let setup: SandboxSetup;

/** The command lines the file shows, as a user copies them: without the "# ", with their folders. */
function commands(content: string): { backup: string; restore: string } {
  const lines = content
    .split('\n')
    .filter((line) => line.startsWith('#   duplicity '))
    .map((line) => line.slice(4));
  const backup = lines.find((l) => !l.startsWith('duplicity restore '));
  const restore = lines.find((l) => l.startsWith('duplicity restore '));
  if (!backup || !restore) throw new Error(`no backup and restore commands in:\n${content}`);
  return {
    backup: backup.replace('/path/to/folder', './data'),
    restore: restore.replace('/path/to/restored-folder', './restored'),
  };
}

/** `set -a; . ./<envFile>; set +a; <command>` with bash, as the file says to use it. */
function duplicity(command: string, envFile = 'duplicity.env'): Promise<RunResult> {
  return run(tool('bash'), ['-c', `set -a; . ./${envFile}; set +a; ${command} --num-retries 1`], {
    cwd: setup.dir,
    env: { PASSPHRASE },
  });
}

beforeAll(async () => {
  tool('duplicity');
  tool('bash');
  setup = await sandboxSetup('duplicity', (r) => r, { rejectChecksumHeaders: true });
  setup.save('duplicity.env');
  mkdirSync(join(setup.dir, 'data', 'sub'), { recursive: true });
  writeFileSync(join(setup.dir, 'data', 'notes.txt'), 'duplicity backs this up\n');
  writeFileSync(join(setup.dir, 'data', 'sub', 'bytes.bin'), Buffer.from([0, 1, 2, 254, 255]));
});

afterAll(() => setup?.close());

describe('duplicity.env with Debian’s duplicity 0.8.22', () => {
  it('duplicity --version → 0.8.22, the version the commands are written for', async () => {
    const res = await run(tool('duplicity'), ['--version'], { cwd: setup.dir });
    expect(res.stdout.trim()).toBe('duplicity 0.8.22');
    expect(setup.file('duplicity.env')).toContain('# The commands below are for duplicity 0.8.22');
  });

  it('. ./duplicity.env; duplicity ./data boto3+s3://<bucket>/duplicity --s3-endpoint-url … → exit 0, a full backup in the bucket', async () => {
    const res = await duplicity(commands(setup.file('duplicity.env')).backup);
    expect(res.code, res.output).toBe(0);
    const names = setup.emulator.state().files.map((f) => f.fileName);
    expect(names.some((n) => /^duplicity\/duplicity-full\..*\.manifest\.gpg$/.test(n))).toBe(true);
    expect(names.some((n) => /^duplicity\/duplicity-full\..*\.vol1\.difftar\.gpg$/.test(n))).toBe(
      true,
    );
  });

  it('. ./duplicity.env; duplicity restore boto3+s3://<bucket>/duplicity ./restored … → exit 0, the same bytes', async () => {
    const res = await duplicity(commands(setup.file('duplicity.env')).restore);
    expect(res.code, res.output).toBe(0);
    expect(readFileSync(join(setup.dir, 'restored', 'notes.txt'), 'utf8')).toBe(
      'duplicity backs this up\n',
    );
    expect([...readFileSync(join(setup.dir, 'restored', 'sub', 'bytes.bin'))]).toEqual([
      0, 1, 2, 254, 255,
    ]);
  });
});

describe('duplicity.env from a broken generator', () => {
  it.each([
    ['the key ID and key swapped', /\(403\) when calling the HeadBucket operation/, 'swapped'],
    ['a wrong region', /\(400\) when calling the HeadBucket operation/, 'region'],
  ] as const)('with %s: the backup command → non-zero exit, %s', async (_what, why, breakage) => {
    const broken = saveBroken(setup, 'duplicity.env', breakage);
    const command = commands(readFileSync(join(setup.dir, broken), 'utf8')).backup;
    expectFailure(await duplicity(command.replace('./data', './data/sub'), broken), why);
  });
});
