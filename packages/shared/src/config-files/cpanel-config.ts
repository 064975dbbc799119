// cpanel-backup-destination.txt (docs/targets.md "cPanel / WHM backups"): the values for WHM's
// own "Backblaze B2" backup destination, one field per line under the label WHM's form shows.
// WHM talks to B2's native API and needs the bucket's ID as well as its name.
import type { GeneratedFile } from '../schemas/api';
import { isKeepLatest } from './rule-descriptions';
import { commentText } from './config-quoting';
import { MEDIA_TYPES, textFile } from './config-values';
import type { ConfigValues } from './types';

const FILENAME = 'cpanel-backup-destination.txt';
export const CPANEL_DESTINATION_NAME = 'Backblaze B2';
export const CPANEL_FOLDER = 'whm-backups';

export function cpanelConfig(values: ConfigValues): GeneratedFile {
  const line = (label: string, value: string, field: string) =>
    `${label}: ${commentText(value, field, FILENAME)}`;
  const lifecycle = isKeepLatest(values.bucket.lifecycleRules)
    ? 'The bucket keeps only the last version of each file, so WHM’s retention frees space.'
    : 'The bucket keeps old versions of files. Set its lifecycle to "Keep only the last version of the file", or WHM’s retention will not free space.';
  return textFile('cpanel', FILENAME, MEDIA_TYPES.text, [
    'cPanel & WHM backup destination for Backblaze B2',
    'For WHM’s Backup Configuration interface, cPanel & WHM version 108 and later.',
    '',
    'In WHM, open Backup » Backup Configuration, choose the Additional Destinations tab, select Backblaze B2 as the Destination Type, click Create new destination, and fill in the form:',
    '',
    `Destination Name: ${CPANEL_DESTINATION_NAME}`,
    line('Bucket ID', values.bucket.bucketId, 'bucket.bucketId'),
    line('Bucket Name', values.bucket.bucketName, 'bucket.bucketName'),
    line('Application Key ID', values.key.applicationKeyId, 'key.applicationKeyId'),
    line('Application Key', values.key.applicationKey, 'key.applicationKey'),
    `Folder: ${CPANEL_FOLDER}`,
    '',
    'Where each value comes from:',
    '- Destination Name and Folder: names of your choice; the folder is inside the bucket, without a leading /.',
    '- Bucket ID and Bucket Name: Backblaze’s answer when the bucket was created (bucketId, bucketName). WHM needs both.',
    '- Application Key ID and Application Key: Backblaze’s answer when the key was created (applicationKeyId, applicationKey). The key reaches only this bucket.',
    '',
    'Notes:',
    '- Click "Save and Validate Destination": WHM then uploads and removes a test file with these values.',
    `- ${lifecycle}`,
    '- Keep this file private: it holds the application key, which Backblaze shows only once.',
  ]);
}
