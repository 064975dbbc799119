// b2-credentials.env and b2-setup.json (target "other") from a fresh sandbox setup: their native
// values authorize and upload against the emulator, and their S3 endpoint and region work with the
// real AWS CLI (credentials env file) and the real rclone s3 backend (JSON file).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeAccount, nativeSession, uploadFile } from './support/b2-native';
import { brokenFile, expectFailure, saveBroken } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunResult } from './support/tools';

interface SetupJson {
  bucket: { bucketId: string; bucketName: string };
  key: { applicationKeyId: string; applicationKey: string };
  endpoint: { s3Endpoint: string; s3Region: string };
}

let setup: SandboxSetup;
let env: Record<string, string>;

/** The variables a shell gets from sourcing the env file. */
async function sourced(file: string): Promise<Record<string, string>> {
  const res = await run(tool('bash'), ['-c', `set -a; . ./${file}; set +a; env -0`], {
    cwd: setup.dir,
  });
  expect(res.code, res.output).toBe(0);
  return Object.fromEntries(
    res.stdout
      .split('\0')
      .filter((line) => line.startsWith('B2_'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** The AWS CLI with the env file's key, region and endpoint. */
function awsWith(file: string, args: string[]): Promise<RunResult> {
  const script = `set -a; . ./${file}; set +a; AWS_ACCESS_KEY_ID="$B2_APPLICATION_KEY_ID" AWS_SECRET_ACCESS_KEY="$B2_APPLICATION_KEY" AWS_DEFAULT_REGION="$B2_S3_REGION" exec "$0" --endpoint-url "$B2_S3_ENDPOINT" "$@"`;
  return run(tool('bash'), ['-c', script, tool('aws'), ...args], { cwd: setup.dir });
}

/** rclone's s3 backend (provider Other) from the JSON file's values. */
function rcloneFromJson(json: SetupJson, args: string[]): Promise<RunResult> {
  return run(tool('rclone'), ['--retries', '1', '--low-level-retries', '2', ...args], {
    cwd: setup.dir,
    env: {
      RCLONE_CONFIG_B2JSON_TYPE: 's3',
      RCLONE_CONFIG_B2JSON_PROVIDER: 'Other',
      RCLONE_CONFIG_B2JSON_ACCESS_KEY_ID: json.key.applicationKeyId,
      RCLONE_CONFIG_B2JSON_SECRET_ACCESS_KEY: json.key.applicationKey,
      RCLONE_CONFIG_B2JSON_ENDPOINT: json.endpoint.s3Endpoint,
      RCLONE_CONFIG_B2JSON_REGION: json.endpoint.s3Region,
      RCLONE_CONFIG_B2JSON_FORCE_PATH_STYLE: 'true',
      RCLONE_CONFIG_B2JSON_NO_CHECK_BUCKET: 'true',
    },
  });
}

beforeAll(async () => {
  tool('aws');
  tool('rclone');
  tool('bash');
  setup = await sandboxSetup('other');
  setup.save('b2-credentials.env');
  writeFileSync(join(setup.dir, 'from-json.txt'), 'uploaded with b2-setup.json\n');
  env = await sourced('b2-credentials.env');
});

afterAll(() => setup?.close());

describe('b2-credentials.env', () => {
  it('b2_authorize_account with B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY → B2_BUCKET_NAME and B2_BUCKET_ID', async () => {
    const session = await nativeSession(
      setup.emulator.url,
      env.B2_APPLICATION_KEY_ID!,
      env.B2_APPLICATION_KEY!,
    );
    expect(session.allowed.bucketName).toBe(env.B2_BUCKET_NAME);
    expect(session.allowed.bucketId).toBe(env.B2_BUCKET_ID);
    const up = await uploadFile(session, env.B2_BUCKET_ID!, 'other/native.txt', 'native upload\n');
    expect(up.status, JSON.stringify(up.body)).toBe(200);
  });

  it('aws --endpoint-url "$B2_S3_ENDPOINT" s3 ls "s3://$B2_BUCKET_NAME/other/" (key and region from the file) → native.txt', async () => {
    const res = await awsWith('b2-credentials.env', [
      's3',
      'ls',
      `s3://${env.B2_BUCKET_NAME}/other/`,
    ]);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toMatch(/ native\.txt\n/);
  });
});

describe('b2-setup.json', () => {
  it('b2_authorize_account with key.applicationKeyId / key.applicationKey → bucket.bucketName', async () => {
    const json = JSON.parse(setup.file('b2-setup.json')) as SetupJson;
    const session = await nativeSession(
      setup.emulator.url,
      json.key.applicationKeyId,
      json.key.applicationKey,
    );
    expect(session.allowed.bucketName).toBe(json.bucket.bucketName);
    expect(session.allowed.bucketId).toBe(json.bucket.bucketId);
  });

  it('rclone copy from-json.txt b2json:<bucket>/other/ with endpoint.s3Endpoint and endpoint.s3Region → exit 0, lsf lists it', async () => {
    const json = JSON.parse(setup.file('b2-setup.json')) as SetupJson;
    const copy = await rcloneFromJson(json, [
      'copy',
      'from-json.txt',
      `b2json:${json.bucket.bucketName}/other/`,
    ]);
    expect(copy.code, copy.output).toBe(0);
    const lsf = await rcloneFromJson(json, ['lsf', `b2json:${json.bucket.bucketName}/other/`]);
    expect(lsf.stdout.split('\n')).toEqual(expect.arrayContaining(['from-json.txt', 'native.txt']));
  });
});

describe('target "other" files from a broken generator', () => {
  it('b2-credentials.env with the key ID and key swapped: b2_authorize_account → 401, aws s3 ls → non-zero exit', async () => {
    const file = saveBroken(setup, 'b2-credentials.env', 'swapped');
    const broken = await sourced(file);
    const { B2_APPLICATION_KEY_ID: keyId, B2_APPLICATION_KEY: key } = broken;
    expect((await authorizeAccount(setup.emulator.url, keyId!, key!)).status).toBe(401);
    const res = await awsWith(file, ['s3', 'ls', `s3://${broken.B2_BUCKET_NAME}/`]);
    expectFailure(res, /InvalidAccessKeyId/);
  });

  it('b2-credentials.env with a wrong region: aws s3 ls → non-zero exit, AuthorizationHeaderMalformed', async () => {
    const file = saveBroken(setup, 'b2-credentials.env', 'region');
    const res = await awsWith(file, ['s3', 'ls', `s3://${env.B2_BUCKET_NAME}/`]);
    expectFailure(res, /AuthorizationHeaderMalformed/);
  });

  it('b2-setup.json with a wrong region: rclone lsf → non-zero exit, AuthorizationHeaderMalformed', async () => {
    const json = JSON.parse(brokenFile(setup, 'b2-setup.json', 'region')) as SetupJson;
    const res = await rcloneFromJson(json, ['lsf', `b2json:${json.bucket.bucketName}/other/`]);
    expectFailure(res, /AuthorizationHeaderMalformed/);
  });
});
