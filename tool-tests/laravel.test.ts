// laravel.env and filesystems-disk.php from a fresh sandbox setup. No PHP SDK can be installed
// offline, so the .env's values are proven with the real AWS CLI, which reads the same AWS_* names as
// the AWS SDK for PHP (AWS_ENDPOINT, which only Laravel reads, is passed as --endpoint-url), and the
// disk entry is evaluated by real PHP with those values in its environment.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, saveBroken } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunResult } from './support/tools';

const APP_URL = 'https://app.example.com';

let setup: SandboxSetup;

/**
 * `set -a; . ./<envFile>; set +a; exec <bin> <shellArgs>`: `bin` with the .env's values in its
 * environment; `shellArgs` is shell text, so it may name them ("$AWS_BUCKET").
 */
function withEnv(bin: string, shellArgs: string, envFile = 'laravel.env'): Promise<RunResult> {
  const script = `set -a; . ./${envFile}; set +a; exec "$0" ${shellArgs}`;
  return run(tool('bash'), ['-c', script, bin], { cwd: setup.dir });
}

/** `aws --endpoint-url "$AWS_ENDPOINT" <shellArgs>`, from the .env's values. */
const awsWithEnv = (shellArgs: string, envFile?: string) =>
  withEnv(tool('aws'), `--endpoint-url "$AWS_ENDPOINT" ${shellArgs}`, envFile);

beforeAll(async () => {
  tool('aws');
  tool('bash');
  tool('php');
  setup = await sandboxSetup('laravel', (request) => ({
    ...request,
    cors: { preset: 'oneOrigin', origin: APP_URL, apis: 'both', uploads: true },
    options: { laravel: { appUrl: APP_URL } },
  }));
  setup.save('laravel.env');
  setup.save('filesystems-disk.php');
  writeFileSync(join(setup.dir, 'hello.txt'), 'hello from Laravel\n');
});

afterAll(() => setup?.close());

describe('laravel.env with the AWS CLI (same AWS_* names as the AWS SDK for PHP)', () => {
  it('. ./laravel.env; aws --endpoint-url "$AWS_ENDPOINT" s3 cp hello.txt "s3://$AWS_BUCKET/laravel/hello.txt" → exit 0', async () => {
    const res = await awsWithEnv(
      's3 cp --no-progress hello.txt "s3://$AWS_BUCKET/laravel/hello.txt"',
    );
    expect(res.code, res.output).toBe(0);
    expect(
      setup.emulator
        .state()
        .files.some(
          (f) =>
            f.bucketName === setup.result.bucket.bucketName && f.fileName === 'laravel/hello.txt',
        ),
    ).toBe(true);
  });

  it('. ./laravel.env; aws --endpoint-url "$AWS_ENDPOINT" s3 ls "s3://$AWS_BUCKET/laravel/" → hello.txt', async () => {
    const res = await awsWithEnv('s3 ls "s3://$AWS_BUCKET/laravel/"');
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toMatch(/\s19 hello\.txt\n/);
  });

  it('filesystems-disk.php reads only variables that laravel.env sets (AWS_URL is optional), with path-style on', () => {
    const env = setup.file('laravel.env');
    const disk = setup.file('filesystems-disk.php');
    const set = new Set([...env.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    const read = [...disk.matchAll(/env\('([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((name) => name !== 'AWS_URL' && !set.has(name))).toEqual([]);
    expect(disk).toMatch(/'use_path_style_endpoint' => true,/);
  });

  it(". ./laravel.env; php evaluates filesystems-disk.php with Laravel's env() → the disk holds the setup's values", async () => {
    // Laravel's env() reads the process environment; `set -a; . ./laravel.env` puts the .env there.
    writeFileSync(
      join(setup.dir, 'disk-check.php'),
      [
        '<?php',
        'function env(string $name, $default = null) { $v = getenv($name); return $v === false ? $default : $v; }',
        '$disks = [',
        setup.file('filesystems-disk.php'),
        '];',
        'echo json_encode($disks, JSON_UNESCAPED_SLASHES);',
        '',
      ].join('\n'),
    );
    const res = await withEnv(tool('php'), 'disk-check.php');
    expect(res.code, res.output).toBe(0);
    const { key, bucket, endpoint } = setup.result;
    expect(JSON.parse(res.stdout)).toEqual({
      b2: {
        driver: 's3',
        key: key.applicationKeyId,
        secret: key.applicationKey,
        region: endpoint.s3Region,
        bucket: bucket.bucketName,
        url: null,
        endpoint: endpoint.s3Endpoint,
        use_path_style_endpoint: true,
        request_checksum_calculation: 'when_required',
        response_checksum_validation: 'when_required',
        throw: true,
      },
    });
  });
});

describe('laravel.env from a broken generator', () => {
  it.each([
    ['the key ID and key swapped', /InvalidAccessKeyId/, 'swapped'],
    ['a wrong region', /AuthorizationHeaderMalformed/, 'region'],
  ] as const)('with %s: aws s3 ls → non-zero exit, %s', async (_what, why, breakage) => {
    const envFile = saveBroken(setup, 'laravel.env', breakage);
    const res = await awsWithEnv(`s3 ls s3://${setup.result.bucket.bucketName}/`, envFile);
    expectFailure(res, why);
  });
});
