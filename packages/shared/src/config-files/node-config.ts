// b2-example.mjs (docs/targets.md "Node.js (AWS SDK)"): the same check as b2_example.py with
// @aws-sdk/client-s3. From 3.729 the SDK sends checksum headers B2 has rejected unless
// requestChecksumCalculation is WHEN_REQUIRED.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment } from './config-quoting';
import { MEDIA_TYPES, parseEndpoint, textFile } from './config-values';
import { EXAMPLE_TEST_OBJECT } from './python-config';
import type { ConfigValues } from './types';

const FILENAME = 'b2-example.mjs';

export function nodeConfig(values: ConfigValues): GeneratedFile {
  const endpoint = parseEndpoint(values);
  const bucket = bucketInComment(values, FILENAME);
  const js = (value: string) => JSON.stringify(value);
  return textFile('node', FILENAME, MEDIA_TYPES.text, [
    `// Checks the Backblaze B2 bucket ${bucket} from Node.js with the AWS SDK v3, through B2's`,
    '// S3-compatible API: it uploads a small test object, lists the bucket, deletes the test object',
    '// and prints what it did. Run it with: npm install @aws-sdk/client-s3 && node b2-example.mjs',
    '// It holds the application key: keep it private. In your app, read the key from its settings.',
    "import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';",
    '',
    `const ENDPOINT = ${js(endpoint.url)};`,
    `const REGION = ${js(endpoint.region)};`,
    `const BUCKET = ${js(values.bucket.bucketName)};`,
    `const KEY_ID = ${js(values.key.applicationKeyId)};`,
    `const APPLICATION_KEY = ${js(values.key.applicationKey)};`,
    `const TEST_OBJECT = ${js(EXAMPLE_TEST_OBJECT)};`,
    '',
    'const s3 = new S3Client({',
    '  endpoint: ENDPOINT,',
    '  region: REGION,',
    '  forcePathStyle: true,',
    '  credentials: { accessKeyId: KEY_ID, secretAccessKey: APPLICATION_KEY },',
    '  // From 3.729 the SDK sends checksum headers that B2 has rejected; these send them only when',
    '  // an operation requires them (the settings exist from 3.651.1; older versions ignore them).',
    "  requestChecksumCalculation: 'WHEN_REQUIRED',",
    "  responseChecksumValidation: 'WHEN_REQUIRED',",
    '});',
    '',
    'await s3.send(',
    "  new PutObjectCommand({ Bucket: BUCKET, Key: TEST_OBJECT, Body: 'Hello from b2-example.mjs\\n' }),",
    ');',
    'console.log(`uploaded ${TEST_OBJECT}`);',
    'const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));',
    'const names = (listed.Contents ?? []).map((item) => item.Key);',
    'console.log(`listed ${names.length} object(s) in ${BUCKET}`);',
    "if (!names.includes(TEST_OBJECT)) throw new Error('the test object is not in the list');",
    'await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: TEST_OBJECT }));',
    'console.log(`deleted ${TEST_OBJECT}`);',
  ]);
}
