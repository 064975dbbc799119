// aws-config + aws-credentials and .s3cfg from a fresh sandbox setup (target aws-cli), used by the
// real AWS CLI and s3cmd. AWS CLI 2.9 ignores endpoint_url in a profile, so the file's own
// endpoint_url is passed as --endpoint-url (docs/targets.md "AWS CLI and s3cmd").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, saveBroken } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunResult } from './support/tools';

let setup: SandboxSetup;
let bucket: string;
let profile: string;
let endpointUrl: string;

function aws(
  args: string[],
  config = 'aws-config',
  credentials = 'aws-credentials',
): Promise<RunResult> {
  return run(tool('aws'), ['--profile', profile, '--endpoint-url', endpointUrl, ...args], {
    cwd: setup.dir,
    env: {
      AWS_CONFIG_FILE: join(setup.dir, config),
      AWS_SHARED_CREDENTIALS_FILE: join(setup.dir, credentials),
    },
  });
}

function s3cmd(args: string[], config = '.s3cfg'): Promise<RunResult> {
  return run(tool('s3cmd'), ['-c', config, ...args], { cwd: setup.dir });
}

beforeAll(async () => {
  tool('aws');
  tool('s3cmd');
  setup = await sandboxSetup('aws-cli');
  bucket = setup.result.bucket.bucketName;
  for (const name of ['aws-config', 'aws-credentials', '.s3cfg']) setup.save(name);
  writeFileSync(join(setup.dir, 'hello.txt'), 'hello from the AWS CLI\n');
  const config = setup.file('aws-config');
  profile = /^\[profile (.+)\]$/m.exec(config)?.[1] ?? 'default';
  endpointUrl = /^endpoint_url = (.+)$/m.exec(config)![1]!;
});

afterAll(() => setup?.close());

describe('aws-config + aws-credentials with /usr/bin/aws', () => {
  it('aws --profile b2 --endpoint-url <endpoint_url> s3 cp hello.txt s3://<bucket>/aws/hello.txt → exit 0', async () => {
    const res = await aws([
      's3',
      'cp',
      '--no-progress',
      'hello.txt',
      `s3://${bucket}/aws/hello.txt`,
    ]);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toMatch(/upload: \.\/hello\.txt to s3:\/\//);
  });

  it('aws --profile b2 --endpoint-url <endpoint_url> s3 ls s3://<bucket>/aws/ → hello.txt', async () => {
    const res = await aws(['s3', 'ls', `s3://${bucket}/aws/`]);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toMatch(/\s23 hello\.txt\n/);
  });

  it('aws --profile b2 --endpoint-url <endpoint_url> s3 cp s3://<bucket>/aws/hello.txt - → the file', async () => {
    const res = await aws(['s3', 'cp', `s3://${bucket}/aws/hello.txt`, '-']);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toBe('hello from the AWS CLI\n');
  });

  it('aws --profile b2 --endpoint-url <endpoint_url> s3 ls → the bucket (the key lists all bucket names)', async () => {
    const res = await aws(['s3', 'ls']);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toContain(` ${bucket}\n`);
  });
});

describe('.s3cfg with s3cmd', () => {
  it('s3cmd -c .s3cfg put hello.txt s3://<bucket>/s3cmd/hello.txt → exit 0', async () => {
    const res = await s3cmd(['put', 'hello.txt', `s3://${bucket}/s3cmd/hello.txt`]);
    expect(res.code, res.output).toBe(0);
    expect(setup.emulator.state().files.some((f) => f.fileName === 's3cmd/hello.txt')).toBe(true);
  });

  it('s3cmd -c .s3cfg ls s3://<bucket>/s3cmd/ → hello.txt', async () => {
    const res = await s3cmd(['ls', `s3://${bucket}/s3cmd/`]);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`\\s23\\s+s3://${bucket}/s3cmd/hello\\.txt`));
  });
});

describe('aws-cli files from a broken generator', () => {
  it('aws-credentials with the key ID and key swapped: aws s3 ls → non-zero exit, InvalidAccessKeyId', async () => {
    const credentials = saveBroken(setup, 'aws-credentials', 'swapped');
    const res = await aws(['s3', 'ls', `s3://${bucket}/`], 'aws-config', credentials);
    expectFailure(res, /InvalidAccessKeyId/);
  });

  it('aws-config with a wrong region: aws s3 ls → non-zero exit, AuthorizationHeaderMalformed', async () => {
    const res = await aws(
      ['s3', 'ls', `s3://${bucket}/`],
      saveBroken(setup, 'aws-config', 'region'),
    );
    expectFailure(res, /AuthorizationHeaderMalformed/);
  });

  it.each([
    ['the key ID and key swapped', /InvalidAccessKeyId|403/, 'swapped'],
    ['a wrong region', /AuthorizationHeaderMalformed/, 'region'],
  ] as const)('.s3cfg with %s: s3cmd ls → non-zero exit, %s', async (_what, why, breakage) => {
    const res = await s3cmd(['ls', `s3://${bucket}/`], saveBroken(setup, '.s3cfg', breakage));
    expectFailure(res, why);
  });
});
