// restic.env from a fresh sandbox setup, sourced by bash and used by the real restic (S3 form: its
// RESTIC_REPOSITORY already names the emulator). restic's native b2 backend has api.backblazeb2.com
// built in, so the commented-out native form is checked by restic's own env check and by authorizing
// its values against the emulator.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeSession } from './support/b2-native';
import { expectFailure, saveBroken } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunResult } from './support/tools';

const PASSWORD = 'tool-test-repository-password';

let setup: SandboxSetup;

/**
 * `set -a; . ./<envFile>; set +a; <then> restic <args>`, with only RESTIC_PASSWORD from the test;
 * `then` is shell text run after sourcing, such as an `unset`.
 */
function restic(args: string[], envFile = 'restic.env', then = ''): Promise<RunResult> {
  return run(
    tool('bash'),
    ['-c', `set -a; . ./${envFile}; set +a; ${then}exec "$@"`, 'bash', tool('restic'), ...args],
    {
      cwd: setup.dir,
      env: { RESTIC_PASSWORD: PASSWORD },
    },
  );
}

/** The env file with its commented-out native B2 lines switched on. */
function nativeForm(content: string): string {
  return content.replace(
    /^# (export (?:B2_ACCOUNT_ID|B2_ACCOUNT_KEY|RESTIC_REPOSITORY)=.*)$/gm,
    '$1',
  );
}

beforeAll(async () => {
  tool('restic');
  tool('bash');
  setup = await sandboxSetup('restic');
  setup.save('restic.env');
  mkdirSync(join(setup.dir, 'data'));
  writeFileSync(join(setup.dir, 'data', 'notes.txt'), 'restic backs this up\n');
  writeFileSync(join(setup.dir, 'data', 'more.txt'), 'and this\n');
});

afterAll(() => setup?.close());

describe('restic.env (S3 form)', () => {
  it('set -a; . ./restic.env; restic init → exit 0, repository created', async () => {
    const res = await restic(['init']);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toMatch(/created restic repository/);
    const names = setup.emulator.state().files.map((f) => f.fileName);
    expect(names).toContain('restic/config');
  });

  it('. ./restic.env; restic backup data → exit 0, snapshot saved', async () => {
    const res = await restic(['backup', 'data']);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toMatch(/snapshot [0-9a-f]+ saved/);
  });

  it('. ./restic.env; restic snapshots --json → one snapshot of data', async () => {
    const res = await restic(['snapshots', '--json']);
    expect(res.code, res.output).toBe(0);
    const snapshots = JSON.parse(res.stdout) as { paths: string[] }[];
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]!.paths).toEqual([join(setup.dir, 'data')]);
  });
});

describe('restic.env (native B2 form, commented out in the file)', () => {
  it('uncommented and sourced: B2_ACCOUNT_ID, B2_ACCOUNT_KEY and RESTIC_REPOSITORY hold the key and b2:<bucket>:<path>', async () => {
    writeFileSync(join(setup.dir, 'restic-b2.env'), nativeForm(setup.file('restic.env')));
    const res = await run(
      tool('bash'),
      [
        '-c',
        'set -a; . ./restic-b2.env; printf "%s\\n" "$B2_ACCOUNT_ID" "$B2_ACCOUNT_KEY" "$RESTIC_REPOSITORY"',
      ],
      { cwd: setup.dir },
    );
    expect(res.code, res.output).toBe(0);
    const { applicationKeyId, applicationKey } = setup.result.key;
    expect(res.stdout.split('\n').slice(0, 3)).toEqual([
      applicationKeyId,
      applicationKey,
      `b2:${setup.result.bucket.bucketName}:restic`,
    ]);
  });

  it('restic snapshots with B2_ACCOUNT_ID then B2_ACCOUNT_KEY removed → restic names exactly those variables', async () => {
    // With both set, restic would dial api.backblazeb2.com (built into its b2 backend); these prove
    // that restic reads the names the file sets and takes the repository as a b2 one.
    const noId = await restic(['snapshots'], 'restic-b2.env', 'unset B2_ACCOUNT_ID; ');
    expectFailure(noId, /unable to open B2 backend: Account ID \(\$B2_ACCOUNT_ID\) is empty/);
    const noKey = await restic(['snapshots'], 'restic-b2.env', 'unset B2_ACCOUNT_KEY; ');
    expect(noKey.output).toMatch(/Key \(\$B2_ACCOUNT_KEY\) is empty/);
  });

  it('b2_authorize_account with B2_ACCOUNT_ID / B2_ACCOUNT_KEY against the emulator → the key of this bucket', async () => {
    const { applicationKeyId, applicationKey } = setup.result.key;
    const session = await nativeSession(setup.emulator.url, applicationKeyId, applicationKey);
    expect(session.allowed.bucketName).toBe(setup.result.bucket.bucketName);
    expect(session.allowed.capabilities).toEqual(
      expect.arrayContaining(['listFiles', 'readFiles', 'writeFiles', 'deleteFiles']),
    );
  });
});

describe('restic.env from a broken generator', () => {
  it.each([
    ['the key ID and key swapped', /Access Denied|InvalidAccessKeyId/, 'swapped'],
    ['a wrong region', /400 Bad Request|AuthorizationHeaderMalformed/, 'region'],
  ] as const)('with %s: restic snapshots → non-zero exit, %s', async (_what, why, breakage) => {
    const res = await restic(['snapshots'], saveBroken(setup, 'restic.env', breakage));
    expectFailure(res, why);
  });
});
