import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { nodeConfig } from './node-config';

describe('nodeConfig', () => {
  it('writes an AWS SDK v3 script with its values at the top and requestChecksumCalculation WHEN_REQUIRED', () => {
    expect(nodeConfig(configValues('node'))).toEqual({
      target: 'node',
      filename: 'b2-example.mjs',
      mediaType: 'text/plain; charset=utf-8',
      content: `// Checks the Backblaze B2 bucket acme-db-backups from Node.js with the AWS SDK v3, through B2's
// S3-compatible API: it uploads a small test object, lists the bucket, deletes the test object
// and prints what it did. Run it with: npm install @aws-sdk/client-s3 && node b2-example.mjs
// It holds the application key: keep it private. In your app, read the key from its settings.
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const ENDPOINT = "https://s3.us-west-004.backblazeb2.com";
const REGION = "us-west-004";
const BUCKET = "acme-db-backups";
const KEY_ID = "${KEY_ID}";
const APPLICATION_KEY = "${SECRET}";
const TEST_OBJECT = "b2-example-test.txt";

const s3 = new S3Client({
  endpoint: ENDPOINT,
  region: REGION,
  forcePathStyle: true,
  credentials: { accessKeyId: KEY_ID, secretAccessKey: APPLICATION_KEY },
  // From 3.729 the SDK sends checksum headers that B2 has rejected; these send them only when
  // an operation requires them (the settings exist from 3.651.1; older versions ignore them).
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

await s3.send(
  new PutObjectCommand({ Bucket: BUCKET, Key: TEST_OBJECT, Body: 'Hello from b2-example.mjs\\n' }),
);
console.log(\`uploaded \${TEST_OBJECT}\`);
const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
const names = (listed.Contents ?? []).map((item) => item.Key);
console.log(\`listed \${names.length} object(s) in \${BUCKET}\`);
if (!names.includes(TEST_OBJECT)) throw new Error('the test object is not in the list');
await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: TEST_OBJECT }));
console.log(\`deleted \${TEST_OBJECT}\`);
`,
    });
  });

  it('keeps a key with quotes and a line separator as a JavaScript string literal', () => {
    const values = configValues('node');
    values.key.applicationKey = 'K0"\u2028\'x';
    const line = nodeConfig(values)
      .content.split('\n')
      .find((l) => l.startsWith('const APPLICATION_KEY'));
    expect(line).toBe('const APPLICATION_KEY = "K0\\"\u2028\'x";');
  });

  it('refuses an endpoint that is not one', () => {
    const values = configValues('node');
    values.endpoint.s3Endpoint = 'ftp://s3.example.com';
    expect(configErrorOf(() => nodeConfig(values)).field).toBe('endpoint.s3Endpoint');
  });
});
