// b2-credentials.env: every value a tool may ask for, under the names the b2 CLI and Terraform read.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment, dotenvLines } from './config-quoting';
import { MEDIA_TYPES, parseEndpoint, textFile } from './config-values';
import type { ConfigValues } from './types';

const FILENAME = 'b2-credentials.env';

export function b2CredentialsConfig(values: ConfigValues): GeneratedFile {
  const endpoint = parseEndpoint(values);
  const bucket = bucketInComment(values, FILENAME);
  const env = dotenvLines(FILENAME);
  return textFile('other', FILENAME, MEDIA_TYPES.text, [
    `# Backblaze B2 values for the bucket ${bucket}.`,
    '# This file holds the application key: keep it private.',
    '# B2 native API (b2 command-line tool, Terraform, B2 SDKs):',
    env('B2_APPLICATION_KEY_ID', values.key.applicationKeyId, 'key.applicationKeyId'),
    env('B2_APPLICATION_KEY', values.key.applicationKey, 'key.applicationKey'),
    env('B2_BUCKET_NAME', values.bucket.bucketName, 'bucket.bucketName'),
    env('B2_BUCKET_ID', values.bucket.bucketId, 'bucket.bucketId'),
    '# S3-compatible API: the access key ID is the application key ID, the secret is the',
    '# application key. Use path-style addresses.',
    env('B2_S3_ENDPOINT', endpoint.url, 'endpoint.s3Endpoint'),
    env('B2_S3_REGION', endpoint.region, 'endpoint.s3Region'),
  ]);
}
