// aws-config + aws-credentials and .s3cfg from a fresh sandbox setup (target aws-cli), used by the
// real AWS CLI and s3cmd. AWS CLI 2.9 ignores endpoint_url in a profile, so the file's own
// endpoint_url is passed as --endpoint-url (docs/targets.md "AWS CLI and s3cmd").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRegion, swapKeyPair } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, workDir, type RunResult } from './support/tools';

let setup: SandboxSetup;
let work: ReturnType<typeof workDir>;
let bucket: string;
let profile: string;
let endpointUrl: string;

function aws(
  args: string[],
  config = 'aws-config',
  credentials = 'aws-credentials',
): Promise<RunResult> {
  return run(tool('aws'), ['--profile', profile, '--endpoint-url', endpointUrl, ...args], {
    cwd: work.dir,
    env: {
      AWS_CONFIG_FILE: join(work.dir, config),
      AWS_SHARED_CREDENTIALS_FILE: join(work.dir, credentials),
    },
  });
}

function s3cmd(args: string[], config = '.s3cfg'): Promise<RunResult> {
  return run(tool('s3cmd'), ['-c', config, ...args], { cwd: work.dir });
}

beforeAll(async () => {
  tool('aws');
  tool('s3cmd');
  setup = await sandboxSetup('aws-cli');
  work = workDir('aws-cli');
  bucket = setup.result.bucket.bucketName;
  for (const name of ['aws-config', 'aws-credentials', '.s3cfg'])
    writeFileSync(join(work.dir, name), setup.files[name]!);
  writeFileSync(join(work.dir, 'hello.txt'), 'hello from the AWS CLI\n');
  const config = setup.files['aws-config']!;
  profile = /^\[profile (.+)\]$/m.exec(config)?.[1] ?? 'default';
  endpointUrl = /^endpoint_url = (.+)$/m.exec(config)![1]!;
});

afterAll(async () => {
  await setup?.close();
  work?.remove();
});

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
    const { applicationKeyId, applicationKey } = setup.result.key;
    writeFileSync(
      join(work.dir, 'swapped-credentials'),
      swapKeyPair(setup.files['aws-credentials']!, applicationKeyId, applicationKey),
    );
    const res = await aws(['s3', 'ls', `s3://${bucket}/`], 'aws-config', 'swapped-credentials');
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/InvalidAccessKeyId/);
  });

  it('aws-config with a wrong region: aws s3 ls → non-zero exit, AuthorizationHeaderMalformed', async () => {
    writeFileSync(
      join(work.dir, 'region-config'),
      changeRegion(setup.files['aws-config']!, setup.result.endpoint.s3Region),
    );
    const res = await aws(['s3', 'ls', `s3://${bucket}/`], 'region-config');
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/AuthorizationHeaderMalformed/);
  });

  it('.s3cfg with the key ID and key swapped: s3cmd ls → non-zero exit', async () => {
    const { applicationKeyId, applicationKey } = setup.result.key;
    writeFileSync(
      join(work.dir, 'swapped.s3cfg'),
      swapKeyPair(setup.files['.s3cfg']!, applicationKeyId, applicationKey),
    );
    const res = await s3cmd(['ls', `s3://${bucket}/`], 'swapped.s3cfg');
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/InvalidAccessKeyId|403/);
  });

  it('.s3cfg with a wrong region: s3cmd ls → non-zero exit, AuthorizationHeaderMalformed', async () => {
    writeFileSync(
      join(work.dir, 'region.s3cfg'),
      changeRegion(setup.files['.s3cfg']!, setup.result.endpoint.s3Region),
    );
    const res = await s3cmd(['ls', `s3://${bucket}/`], 'region.s3cfg');
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/AuthorizationHeaderMalformed/);
  });
});
