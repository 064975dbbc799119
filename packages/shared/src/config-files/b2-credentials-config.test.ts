import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { readEnv } from '../../test/env-reader';
import { b2CredentialsConfig } from './b2-credentials-config';
import { b2SetupJsonConfig } from './b2-setup-json-config';

describe('b2CredentialsConfig', () => {
  it('writes every value under the names the b2 CLI and Terraform read', () => {
    expect(b2CredentialsConfig(configValues('other'))).toEqual({
      target: 'other',
      filename: 'b2-credentials.env',
      mediaType: 'text/plain; charset=utf-8',
      content: `# Backblaze B2 values for the bucket acme-db-backups.
# This file holds the application key: keep it private.
# B2 native API (b2 command-line tool, Terraform, B2 SDKs):
B2_APPLICATION_KEY_ID=${KEY_ID}
B2_APPLICATION_KEY=${SECRET}
B2_BUCKET_NAME=acme-db-backups
B2_BUCKET_ID=4a48fe8875c6214145260818
# S3-compatible API: the access key ID is the application key ID, the secret is the
# application key. Use path-style addresses.
B2_S3_ENDPOINT=https://s3.us-west-004.backblazeb2.com
B2_S3_REGION=us-west-004
`,
    });
  });

  it('reads back as dotenv, a secret with a space included', () => {
    const values = configValues('other');
    values.key.applicationKey = 'K0 /+';
    expect(readEnv(b2CredentialsConfig(values).content)).toEqual({
      B2_APPLICATION_KEY_ID: KEY_ID,
      B2_APPLICATION_KEY: 'K0 /+',
      B2_BUCKET_NAME: 'acme-db-backups',
      B2_BUCKET_ID: '4a48fe8875c6214145260818',
      B2_S3_ENDPOINT: 'https://s3.us-west-004.backblazeb2.com',
      B2_S3_REGION: 'us-west-004',
    });
  });

  it('refuses a line break in a value', () => {
    const values = configValues('other');
    values.bucket.bucketId = 'abc\nB2_APPLICATION_KEY=x';
    expect(configErrorOf(() => b2CredentialsConfig(values)).field).toBe('bucket.bucketId');
  });
});

describe('b2SetupJsonConfig', () => {
  it('writes the bucket, the key with its secret, and the endpoint as pretty JSON', () => {
    const values = configValues('other');
    const file = b2SetupJsonConfig(values);
    expect(file).toMatchObject({
      target: 'other',
      filename: 'b2-setup.json',
      mediaType: 'application/json',
    });
    expect(file.content).toBe(`${JSON.stringify(JSON.parse(file.content), null, 2)}\n`);
    expect(JSON.parse(file.content)).toEqual({
      bucket: {
        bucketId: '4a48fe8875c6214145260818',
        bucketName: 'acme-db-backups',
        bucketType: 'allPrivate',
        defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
        fileLockEnabled: false,
        lifecycleRules: [
          { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
        ],
        corsRules: [],
      },
      key: {
        applicationKeyId: KEY_ID,
        applicationKey: SECRET,
        keyName: 'litestream-acme-db-backups',
        capabilities: values.key.capabilities,
        namePrefix: null,
        expirationTimestamp: null,
      },
      endpoint: { s3Endpoint: 'https://s3.us-west-004.backblazeb2.com', s3Region: 'us-west-004' },
    });
  });

  it('keeps any characters, since JSON escapes them', () => {
    const values = configValues('other');
    values.key.applicationKey = 'K0"\\\n\'';
    expect(JSON.parse(b2SetupJsonConfig(values).content).key.applicationKey).toBe('K0"\\\n\'');
  });
});
