// s3cmd's .s3cfg (docs/targets.md "AWS CLI and s3cmd"), path style: host_bucket is the endpoint
// host itself.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment, iniLines } from './config-quoting';
import { MEDIA_TYPES, parseEndpoint, textFile } from './config-values';
import type { ConfigValues } from './types';

const FILENAME = '.s3cfg';

export function s3cmdConfig(values: ConfigValues): GeneratedFile {
  const endpoint = parseEndpoint(values);
  const bucket = bucketInComment(values, FILENAME);
  const ini = iniLines(FILENAME);
  return textFile('aws-cli', FILENAME, MEDIA_TYPES.text, [
    `# s3cmd settings for the Backblaze B2 bucket ${bucket}. Save as ~/.s3cfg, or pass`,
    `# -c with this file's path. Then try: s3cmd ls s3://${bucket}`,
    '# This file holds the application key: keep it private.',
    '[default]',
    ini('access_key', values.key.applicationKeyId, 'key.applicationKeyId'),
    ini('secret_key', values.key.applicationKey, 'key.applicationKey'),
    ini('host_base', endpoint.host, 'endpoint.s3Endpoint'),
    '# host_bucket without %(bucket)s makes s3cmd use path-style addresses.',
    ini('host_bucket', endpoint.host, 'endpoint.s3Endpoint'),
    ini('bucket_location', endpoint.region, 'endpoint.s3Region'),
    `use_https = ${endpoint.https ? 'True' : 'False'}`,
    'signature_v2 = False',
  ]);
}
