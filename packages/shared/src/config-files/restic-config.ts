// restic.env (docs/targets.md "restic"): the S3 form, which restic recommends, and the native B2
// form commented out. Every value is in single quotes so the file can be `source`d.
import type { GeneratedFile } from '../schemas/api';
import { commentText, shellQuote } from './config-quoting';
import { MEDIA_TYPES, parseEndpoint, targetOptions, textFile } from './config-values';
import type { ConfigValues } from './types';

const FILENAME = 'restic.env';
const PASSWORD_FILE = '/etc/restic/password';

/** restic decodes the URL path, so each segment is percent-encoded (a no-op for plain names). */
function urlPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function resticConfig(values: ConfigValues): GeneratedFile {
  const { repositoryPath } = targetOptions(values, 'restic');
  const endpoint = parseEndpoint(values);
  const bucket = values.bucket.bucketName;
  const keyId = values.key.applicationKeyId;
  const key = values.key.applicationKey;
  const s3Repository = `s3:${endpoint.url}/${urlPath(bucket)}/${urlPath(repositoryPath)}`;
  const b2Repository = `b2:${bucket}:${repositoryPath}`;
  const exported = (name: string, value: string) => `export ${name}=${shellQuote(value)}`;
  // The commented-out lines must not break out of their comment.
  const commented = (name: string, value: string, field: string) =>
    `# ${exported(name, commentText(value, field, FILENAME))}`;
  return textFile('restic', FILENAME, MEDIA_TYPES.text, [
    `# restic repository in the Backblaze B2 bucket ${commentText(bucket, 'bucket.bucketName', FILENAME)}, through B2's S3-compatible API,`,
    '# which restic recommends. Load it with: source restic.env',
    '# then create the repository once with: restic init',
    '# restic asks for a repository password. Keep a copy somewhere safe: without it the',
    '# backups cannot be read. This file holds the application key: keep it private.',
    exported('AWS_ACCESS_KEY_ID', keyId),
    exported('AWS_SECRET_ACCESS_KEY', key),
    exported('AWS_DEFAULT_REGION', endpoint.region),
    exported('RESTIC_REPOSITORY', s3Repository),
    '# For scripts, keep the password in a file (chmod 600) and uncomment:',
    `# ${exported('RESTIC_PASSWORD_FILE', PASSWORD_FILE)}`,
    '',
    "# Or use restic's native B2 backend instead: uncomment these three lines.",
    commented('B2_ACCOUNT_ID', keyId, 'key.applicationKeyId'),
    commented('B2_ACCOUNT_KEY', key, 'key.applicationKey'),
    commented('RESTIC_REPOSITORY', b2Repository, 'options.restic.repositoryPath'),
  ]);
}
