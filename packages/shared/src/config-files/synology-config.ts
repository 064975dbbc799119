// synology-destination.txt (docs/targets.md "Synology Hyper Backup / Cloud Sync"): the values for
// Hyper Backup's and Cloud Sync's S3 forms with a custom server, under the labels they show.
import type { GeneratedFile } from '../schemas/api';
import { isKeepLatest } from './rule-descriptions';
import { bucketInComment, commentText } from './config-quoting';
import { MEDIA_TYPES, parseEndpoint, textFile } from './config-values';
import type { ConfigValues } from './types';

const FILENAME = 'synology-destination.txt';
export const SYNOLOGY_DIRECTORY = 'hyper-backup';

export function synologyConfig(values: ConfigValues): GeneratedFile {
  const endpoint = parseEndpoint(values);
  const bucket = bucketInComment(values, FILENAME);
  const line = (label: string, value: string, field: string) =>
    `${label}: ${commentText(value, field, FILENAME)}`;
  const common = [
    'S3 Server: Custom Server URL',
    line('Server address', endpoint.host, 'endpoint.s3Endpoint'),
    'Signature Version: v4',
    line('Region', endpoint.region, 'endpoint.s3Region'),
    'Request Style: Path style',
    line('Access Key', values.key.applicationKeyId, 'key.applicationKeyId'),
    line('Secret Key', values.key.applicationKey, 'key.applicationKey'),
  ];
  const lifecycle = isKeepLatest(values.bucket.lifecycleRules)
    ? 'The bucket keeps only the last version of each file, so what Hyper Backup and Cloud Sync remove frees space.'
    : 'The bucket keeps old versions of files. Set its lifecycle to "Keep only the last version of the file", or removed backups will not free space.';
  return textFile('synology', FILENAME, MEDIA_TYPES.text, [
    `Synology NAS and the Backblaze B2 bucket ${bucket}`,
    'For Hyper Backup and Cloud Sync on DSM 7: their S3 Storage forms with a custom server.',
    '',
    'Hyper Backup: Create » Data backup task, choose S3 Storage, then fill in:',
    '',
    ...common,
    line('Bucket name', bucket, 'bucket.bucketName'),
    `Directory: ${SYNOLOGY_DIRECTORY}`,
    '',
    'Cloud Sync: Create, choose S3 Storage, then fill in:',
    '',
    ...common,
    line('Bucket name', bucket, 'bucket.bucketName'),
    '',
    'Where each value comes from:',
    '- Server address and Region: the S3 endpoint Backblaze gives for this key (s3ApiUrl); the region is its middle part.',
    '- Access Key and Secret Key: the new key (applicationKeyId, applicationKey). The key reaches only this bucket.',
    '- Signature Version: B2 accepts only v4. Either request style works with B2.',
    '',
    'Notes:',
    '- Hyper Backup keeps its backups in a folder ending in .hbk inside the directory.',
    `- ${lifecycle}`,
    '- Cloud Sync’s own "Backblaze B2" choice takes the same Access Key (Key ID) and Secret Key (Application Key).',
    '- Keep this file private: it holds the application key, which Backblaze shows only once.',
  ]);
}
