// b2_example.py from a fresh sandbox setup, run by Debian's python3 with its python3-boto3 (1.26,
// botocore 1.29) against the emulator, which refuses checksum headers as B2 did. That botocore
// has no checksum settings, so the file's version guard must skip them; a botocore that has them
// (stood in for by adding them to Config.OPTION_DEFAULTS) must take the other branch.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, saveBroken } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunResult } from './support/tools';

let setup: SandboxSetup;

function python(file: string, env: Record<string, string> = {}): Promise<RunResult> {
  return run(tool('python3'), [file], { cwd: setup.dir, env });
}

const GUARD = 'if "request_checksum_calculation" in Config.OPTION_DEFAULTS:';

beforeAll(async () => {
  tool('python3');
  setup = await sandboxSetup('python', (r) => r, { rejectChecksumHeaders: true });
  setup.save('b2_example.py');
  // A botocore with the checksum settings, as 1.36 and later have them.
  mkdirSync(join(setup.dir, 'newer-botocore'));
  writeFileSync(
    join(setup.dir, 'newer-botocore', 'sitecustomize.py'),
    [
      'from botocore.config import Config',
      'Config.OPTION_DEFAULTS["request_checksum_calculation"] = None',
      'Config.OPTION_DEFAULTS["response_checksum_validation"] = None',
      '',
    ].join('\n'),
  );
});

afterAll(() => setup?.close());

describe('b2_example.py with Debian’s python3-boto3', () => {
  it('/usr/bin/python3 b2_example.py → exit 0: uploaded, listed and deleted the test object', async () => {
    const res = await python('b2_example.py');
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toBe(
      [
        'botocore 1.29.27: sends no checksum headers, nothing to set',
        'uploaded b2-example-test.txt',
        `listed 1 object(s) in ${setup.result.bucket.bucketName}`,
        'deleted b2-example-test.txt',
        '',
      ].join('\n'),
    );
    // S3 DeleteObject without a version hides the file in B2.
    const versions = setup.emulator
      .state()
      .files.filter((f) => f.fileName === 'b2-example-test.txt');
    expect(versions.map((f) => f.action).sort()).toEqual(['hide', 'upload']);
  });

  it('with a botocore that has the checksum settings, the guard sets them to when_required → exit 0', async () => {
    const res = await python('b2_example.py', {
      PYTHONPATH: join(setup.dir, 'newer-botocore'),
    });
    expect(res.code, res.output).toBe(0);
    expect(res.stdout.split('\n')[0]).toBe('botocore 1.29.27: checksums only when required');
  });

  it('without the version guard, Debian’s botocore refuses the settings: TypeError, non-zero exit', async () => {
    const content = setup.file('b2_example.py');
    expect(content).toContain(GUARD);
    writeFileSync(join(setup.dir, 'unguarded.py'), content.replace(GUARD, 'if True:'));
    expectFailure(
      await python('unguarded.py'),
      /TypeError: Got unexpected keyword argument 'request_checksum_calculation'/,
    );
  });
});

describe('b2_example.py from a broken generator', () => {
  it.each([
    ['the key ID and key swapped', /\(InvalidAccessKeyId\) when calling the PutObject/, 'swapped'],
    ['a wrong region', /\(AuthorizationHeaderMalformed\) when calling the PutObject/, 'region'],
  ] as const)('with %s: python3 → non-zero exit, %s', async (_what, why, breakage) => {
    expectFailure(await python(saveBroken(setup, 'b2_example.py', breakage)), why);
  });
});
