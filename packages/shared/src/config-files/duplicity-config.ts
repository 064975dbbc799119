// duplicity.env (docs/targets.md "duplicity"): the key for boto3, and the backup and restore
// commands for Debian's duplicity 0.8.22 over B2's S3-compatible API (boto3+s3://). Not b2://:
// duplicity's B2 backend always signs in at api.backblazeb2.com and takes no other address.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment, commentText, shellQuote, shellWord } from './config-quoting';
import { MEDIA_TYPES, parseEndpoint, textFile } from './config-values';
import type { ConfigValues } from './types';

const FILENAME = 'duplicity.env';
export const DUPLICITY_VERSION = '0.8.22';
export const DUPLICITY_FOLDER = 'duplicity';
export const DUPLICITY_SOURCE = '/path/to/folder';
export const DUPLICITY_RESTORE_TO = '/path/to/restored-folder';

export function duplicityConfig(values: ConfigValues): GeneratedFile {
  const endpoint = parseEndpoint(values);
  const bucket = bucketInComment(values, FILENAME);
  const url = shellWord(`boto3+s3://${bucket}/${DUPLICITY_FOLDER}`);
  const s3 = `--s3-endpoint-url ${shellWord(endpoint.url)} --s3-region-name ${endpoint.region}`;
  const exported = (name: string, value: string) => `export ${name}=${shellQuote(value)}`;
  const command = (line: string) => `#   ${commentText(line, 'bucket.bucketName', FILENAME)}`;
  return textFile('duplicity', FILENAME, MEDIA_TYPES.text, [
    `# duplicity backups in the Backblaze B2 bucket ${bucket}, through B2's S3-compatible API.`,
    `# The commands below are for duplicity ${DUPLICITY_VERSION}, the version in Debian 12.`,
    '# Load this file with: source duplicity.env',
    '# duplicity asks for a passphrase and encrypts the backups with it. Keep a copy somewhere',
    '# safe: without it the backups cannot be restored. This file holds the application key:',
    '# keep it private.',
    exported('AWS_ACCESS_KEY_ID', values.key.applicationKeyId),
    exported('AWS_SECRET_ACCESS_KEY', values.key.applicationKey),
    '# boto3 1.36 and later (duplicity 2.x and 3.x installed with pip bring it) send checksum',
    '# headers that B2 has rejected, unless these say to send them only when required:',
    exported('AWS_REQUEST_CHECKSUM_CALCULATION', 'when_required'),
    exported('AWS_RESPONSE_CHECKSUM_VALIDATION', 'when_required'),
    '',
    `# Back up a folder (duplicity ${DUPLICITY_VERSION}; the first run is a full backup, later ones add the changes):`,
    command(`duplicity ${DUPLICITY_SOURCE} ${url} ${s3}`),
    `# Restore the latest backup into a new folder (duplicity ${DUPLICITY_VERSION}):`,
    command(`duplicity restore ${url} ${DUPLICITY_RESTORE_TO} ${s3}`),
    `# duplicity ${DUPLICITY_VERSION} needs "boto3+s3://": there, plain "s3://" is its old boto backend.`,
    '# duplicity 2.x and 3.x changed their options: check "duplicity --help" there before using these.',
  ]);
}
