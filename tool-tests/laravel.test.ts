// laravel.env and filesystems-disk.php from a fresh sandbox setup. No PHP SDK can be installed
// offline, so the .env's values are proven with the real AWS CLI, which reads the same AWS_* names as
// the AWS SDK for PHP (AWS_ENDPOINT, which only Laravel reads, is passed as --endpoint-url), and the
// disk entry is evaluated by real PHP with those values in its environment.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRegion, swapKeyPair } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, workDir, type RunResult } from './support/tools';

const APP_URL = 'https://app.example.com';

let setup: SandboxSetup;
let work: ReturnType<typeof workDir>;

/** `set -a; . ./<envFile>; set +a; aws --endpoint-url "$AWS_ENDPOINT" <args>`: the AWS CLI from the .env's values. */
function awsWithEnv(args: string[], envFile = 'laravel.env'): Promise<RunResult> {
  const script = `set -a; . ./${envFile}; set +a; exec "$0" --endpoint-url "$AWS_ENDPOINT" "$@"`;
  return run(tool('bash'), ['-c', script, tool('aws'), ...args], { cwd: work.dir });
}

beforeAll(async () => {
  tool('aws');
  tool('bash');
  tool('php');
  setup = await sandboxSetup('laravel', (request) => ({
    ...request,
    cors: { preset: 'oneOrigin', origin: APP_URL, apis: 'both', uploads: true },
    options: { laravel: { appUrl: APP_URL } },
  }));
  work = workDir('laravel');
  writeFileSync(join(work.dir, 'laravel.env'), setup.files['laravel.env']!);
  writeFileSync(join(work.dir, 'filesystems-disk.php'), setup.files['filesystems-disk.php']!);
  writeFileSync(join(work.dir, 'hello.txt'), 'hello from Laravel\n');
});

afterAll(async () => {
  await setup?.close();
  work?.remove();
});

describe('laravel.env with the AWS CLI (same AWS_* names as the AWS SDK for PHP)', () => {
  it('. ./laravel.env; aws --endpoint-url "$AWS_ENDPOINT" s3 cp hello.txt "s3://$AWS_BUCKET/laravel/hello.txt" → exit 0', async () => {
    const res = await run(
      tool('bash'),
      [
        '-c',
        'set -a; . ./laravel.env; set +a; exec "$0" --endpoint-url "$AWS_ENDPOINT" s3 cp --no-progress hello.txt "s3://$AWS_BUCKET/laravel/hello.txt"',
        tool('aws'),
      ],
      { cwd: work.dir },
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
    const res = await run(
      tool('bash'),
      [
        '-c',
        'set -a; . ./laravel.env; set +a; exec "$0" --endpoint-url "$AWS_ENDPOINT" s3 ls "s3://$AWS_BUCKET/laravel/"',
        tool('aws'),
      ],
      {
        cwd: work.dir,
      },
    );
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toMatch(/\s19 hello\.txt\n/);
  });

  it('filesystems-disk.php reads only variables that laravel.env sets (AWS_URL is optional), with path-style on', () => {
    const env = setup.files['laravel.env']!;
    const disk = setup.files['filesystems-disk.php']!;
    const set = new Set([...env.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    const read = [...disk.matchAll(/env\('([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((name) => name !== 'AWS_URL' && !set.has(name))).toEqual([]);
    expect(disk).toMatch(/'use_path_style_endpoint' => true,/);
  });

  it(". ./laravel.env; php evaluates filesystems-disk.php with Laravel's env() → the disk holds the setup's values", async () => {
    // Laravel's env() reads the process environment; `set -a; . ./laravel.env` puts the .env there.
    writeFileSync(
      join(work.dir, 'disk-check.php'),
      [
        '<?php',
        'function env(string $name, $default = null) { $v = getenv($name); return $v === false ? $default : $v; }',
        '$disks = [',
        setup.files['filesystems-disk.php']!,
        '];',
        'echo json_encode($disks, JSON_UNESCAPED_SLASHES);',
        '',
      ].join('\n'),
    );
    const res = await run(
      tool('bash'),
      ['-c', 'set -a; . ./laravel.env; set +a; exec "$0" disk-check.php', tool('php')],
      { cwd: work.dir },
    );
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
  it('with the key ID and key swapped: aws s3 ls → non-zero exit, InvalidAccessKeyId', async () => {
    const { applicationKeyId, applicationKey } = setup.result.key;
    writeFileSync(
      join(work.dir, 'swapped.env'),
      swapKeyPair(setup.files['laravel.env']!, applicationKeyId, applicationKey),
    );
    const res = await awsWithEnv(
      ['s3', 'ls', `s3://${setup.result.bucket.bucketName}/`],
      'swapped.env',
    );
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/InvalidAccessKeyId/);
  });

  it('with a wrong region: aws s3 ls → non-zero exit, AuthorizationHeaderMalformed', async () => {
    writeFileSync(
      join(work.dir, 'region.env'),
      changeRegion(setup.files['laravel.env']!, setup.result.endpoint.s3Region),
    );
    const res = await awsWithEnv(
      ['s3', 'ls', `s3://${setup.result.bucket.bucketName}/`],
      'region.env',
    );
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/AuthorizationHeaderMalformed/);
  });
});
