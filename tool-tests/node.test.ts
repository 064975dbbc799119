// b2-example.mjs from a fresh sandbox setup, run by Node with @aws-sdk/client-s3 (a devDependency
// recent enough to send checksum headers by default) against the emulator, which refuses those
// headers as B2 did. Without the file's WHEN_REQUIRED settings the same SDK is refused.
import { symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, saveBroken } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunResult } from './support/tools';

let setup: SandboxSetup;

const SETTINGS = [
  "  requestChecksumCalculation: 'WHEN_REQUIRED',\n",
  "  responseChecksumValidation: 'WHEN_REQUIRED',\n",
];

function node(file: string): Promise<RunResult> {
  return run(tool('node'), [file], { cwd: setup.dir });
}

beforeAll(async () => {
  setup = await sandboxSetup('node', (r) => r, { rejectChecksumHeaders: true });
  setup.save('b2-example.mjs');
  // The script imports @aws-sdk/client-s3 as an app would: from a node_modules beside it.
  symlinkSync(join(process.cwd(), 'node_modules'), join(setup.dir, 'node_modules'));
});

afterAll(() => setup?.close());

describe('b2-example.mjs with @aws-sdk/client-s3', () => {
  it('the SDK is one that sends checksum headers by default (3.729 or later)', () => {
    const sdk = createRequire(import.meta.url)('@aws-sdk/client-s3/package.json') as {
      version: string;
    };
    const [major, minor] = sdk.version.split('.').map(Number);
    expect(major).toBe(3);
    expect(minor).toBeGreaterThanOrEqual(729);
  });

  it('node b2-example.mjs → exit 0: uploaded, listed and deleted the test object', async () => {
    const res = await node('b2-example.mjs');
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toBe(
      [
        'uploaded b2-example-test.txt',
        `listed 1 object(s) in ${setup.result.bucket.bucketName}`,
        'deleted b2-example-test.txt',
        '',
      ].join('\n'),
    );
    const versions = setup.emulator
      .state()
      .files.filter((f) => f.fileName === 'b2-example-test.txt');
    expect(versions.map((f) => f.action).sort()).toEqual(['hide', 'upload']);
  });

  it('without the WHEN_REQUIRED settings, the SDK sends checksum headers and is refused → non-zero exit', async () => {
    const content = setup.file('b2-example.mjs');
    for (const line of SETTINGS) expect(content).toContain(line);
    writeFileSync(
      join(setup.dir, 'no-settings.mjs'),
      SETTINGS.reduce((text, line) => text.replace(line, ''), content),
    );
    expectFailure(
      await node('no-settings.mjs'),
      /Unsupported header 'x-amz-(checksum-crc32|sdk-checksum-algorithm)' received for this API call/,
    );
  });
});

describe('b2-example.mjs from a broken generator', () => {
  it.each([
    ['the key ID and key swapped', /InvalidAccessKeyId/, 'swapped'],
    ['a wrong region', /AuthorizationHeaderMalformed/, 'region'],
  ] as const)('with %s: node → non-zero exit, %s', async (_what, why, breakage) => {
    expectFailure(await node(saveBroken(setup, 'b2-example.mjs', breakage)), why);
  });
});
