// rclone.conf (docs/targets.md "rclone"): a native `b2` remote and an `s3` remote (provider Other)
// for one key.
// Comments go on their own lines: rclone keeps a trailing comment as part of the value.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment, iniLines } from './config-quoting';
import { configName, MEDIA_TYPES, parseEndpoint, targetOptions, textFile } from './config-values';
import type { ConfigValues } from './types';

const FILENAME = 'rclone.conf';

export function rcloneConfig(values: ConfigValues): GeneratedFile {
  const remoteName = configName(
    'options.rclone.remoteName',
    'Remote name',
    targetOptions(values, 'rclone').remoteName,
  );
  const s3Remote = `${remoteName}-s3`;
  const endpoint = parseEndpoint(values);
  const bucket = bucketInComment(values, FILENAME);
  const ini = iniLines(FILENAME);
  const keyId = ini('account', values.key.applicationKeyId, 'key.applicationKeyId');
  const key = ini('key', values.key.applicationKey, 'key.applicationKey');
  return textFile('rclone', FILENAME, MEDIA_TYPES.text, [
    `# rclone remotes for the Backblaze B2 bucket ${bucket}. Add them to your rclone.conf`,
    `# (rclone config file shows where it is), then try: rclone lsd ${remoteName}:${bucket}`,
    `# "${remoteName}" uses B2's own API; "${s3Remote}" uses B2's S3-compatible API with the same key.`,
    '# This file holds the application key: keep it private.',
    '',
    `[${remoteName}]`,
    'type = b2',
    '# account is the application key ID.',
    keyId,
    key,
    "# A deleted file is hidden; the bucket's lifecycle rules decide when old versions go.",
    'hard_delete = false',
    '',
    `[${s3Remote}]`,
    'type = s3',
    'provider = Other',
    ini('access_key_id', values.key.applicationKeyId, 'key.applicationKeyId'),
    ini('secret_access_key', values.key.applicationKey, 'key.applicationKey'),
    ini('region', endpoint.region, 'endpoint.s3Region'),
    ini('endpoint', endpoint.url, 'endpoint.s3Endpoint'),
    'force_path_style = true',
    "# The bucket already exists, and a key limited to one bucket can't create buckets.",
    'no_check_bucket = true',
  ]);
}
