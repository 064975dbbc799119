// jetbackup-destination.txt (docs/targets.md "JetBackup"): the values for JetBackup's "Backblaze"
// destination form, one field per line under the label the form shows.
import type { GeneratedFile } from '../schemas/api';
import { isKeepLatest } from './rule-descriptions';
import { commentText } from './config-quoting';
import {
  ConfigValueError,
  MEDIA_TYPES,
  parseEndpoint,
  targetOptions,
  textFile,
} from './config-values';
import type { ConfigValues } from './types';

const FILENAME = 'jetbackup-destination.txt';
export const JETBACKUP_DESTINATION_NAME_MAX = 40;
export const JETBACKUP_UPLOAD_RETRIES = 3;

export function jetbackupConfig(values: ConfigValues): GeneratedFile {
  const { destinationName, backupDirectory } = targetOptions(values, 'jetbackup');
  if (destinationName.length === 0 || destinationName.length > JETBACKUP_DESTINATION_NAME_MAX) {
    throw new ConfigValueError(
      'options.jetbackup.destinationName',
      `JetBackup destination names need 1 to ${JETBACKUP_DESTINATION_NAME_MAX} characters (this one has ${destinationName.length}).`,
    );
  }
  if (backupDirectory.startsWith('/')) {
    throw new ConfigValueError(
      'options.jetbackup.backupDirectory',
      "The backup directory is inside the bucket, so it must not start with '/'.",
    );
  }
  const endpoint = parseEndpoint(values);
  const line = (label: string, value: string, field: string) =>
    `${label}: ${commentText(value, field, FILENAME)}`;
  const keyId = values.key.applicationKeyId;
  const bucket = values.bucket.bucketName;
  const lifecycle = isKeepLatest(values.bucket.lifecycleRules)
    ? 'The bucket keeps only the last version of each file, so JetBackup’s retention frees space.'
    : 'The bucket keeps old versions of files. Set its lifecycle to "Keep only the last version of the file", or JetBackup’s retention will not free space.';
  return textFile('jetbackup', FILENAME, MEDIA_TYPES.text, [
    'JetBackup destination for Backblaze B2',
    '',
    'In JetBackup, open Destinations, choose Create New Destination, and fill in the form:',
    '',
    'Destination Type: Backblaze',
    line('Destination Name', destinationName, 'options.jetbackup.destinationName'),
    line('Backup Directory', backupDirectory, 'options.jetbackup.backupDirectory'),
    line('Account ID (this is the Key ID)', keyId, 'key.applicationKeyId'),
    line('Application Key', values.key.applicationKey, 'key.applicationKey'),
    line('Bucket', bucket, 'bucket.bucketName'),
    `Upload Retries: ${JETBACKUP_UPLOAD_RETRIES}`,
    '',
    'Notes:',
    '- "Account ID" is JetBackup’s name for the application Key ID. Do not enter your Backblaze account ID.',
    "- Backup Directory is a folder inside the bucket, so it does not start with '/'.",
    `- ${lifecycle}`,
    `- JetBackup 5 without a Backblaze type: create an S3 destination with a custom vendor, endpoint ${endpoint.host}, region ${endpoint.region}, access key = the Key ID, secret key = the Application Key, and the same bucket.`,
    '- Keep this file private: it holds the application key, which Backblaze shows only once.',
  ]);
}
