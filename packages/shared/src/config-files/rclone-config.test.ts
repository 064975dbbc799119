import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { readIni } from '../../test/ini-reader';
import { rcloneConfig } from './rclone-config';

describe('rcloneConfig', () => {
  it('writes a native b2 remote and an s3 remote, comments on their own lines', () => {
    expect(rcloneConfig(configValues('rclone'))).toEqual({
      target: 'rclone',
      filename: 'rclone.conf',
      mediaType: 'text/plain; charset=utf-8',
      content: `# rclone remotes for the Backblaze B2 bucket acme-db-backups. Add them to your rclone.conf
# (rclone config file shows where it is), then try: rclone lsd b2:acme-db-backups
# "b2" uses B2's own API; "b2-s3" uses B2's S3-compatible API with the same key.
# This file holds the application key: keep it private.

[b2]
type = b2
# account is the application key ID.
account = ${KEY_ID}
key = ${SECRET}
# A deleted file is hidden; the bucket's lifecycle rules decide when old versions go.
hard_delete = false

[b2-s3]
type = s3
provider = Other
access_key_id = ${KEY_ID}
secret_access_key = ${SECRET}
region = us-west-004
endpoint = https://s3.us-west-004.backblazeb2.com
force_path_style = true
# The bucket already exists, and a key limited to one bucket can't create buckets.
no_check_bucket = true
`,
    });
  });

  it('reads back as INI with every value whole', () => {
    const values = configValues('rclone');
    values.key.applicationKey = 'K0/+#x;y = z';
    values.options = { rclone: { remoteName: 'acme_backup' } };
    expect(readIni(rcloneConfig(values).content)).toEqual({
      acme_backup: { type: 'b2', account: KEY_ID, key: 'K0/+#x;y = z', hard_delete: 'false' },
      'acme_backup-s3': {
        type: 's3',
        provider: 'Other',
        access_key_id: KEY_ID,
        secret_access_key: 'K0/+#x;y = z',
        region: 'us-west-004',
        endpoint: 'https://s3.us-west-004.backblazeb2.com',
        force_path_style: 'true',
        no_check_bucket: 'true',
      },
    });
  });

  it('refuses a key that rclone would read differently', () => {
    const values = configValues('rclone');
    values.key.applicationKey = `${SECRET} `;
    expect(configErrorOf(() => rcloneConfig(values))).toEqual({
      field: 'key.applicationKey',
      message:
        "The application key can't be written into rclone.conf as it is: it starts or ends with a space. Check that it was copied correctly.",
    });
  });

  it("refuses a remote name starting with '-'", () => {
    const values = configValues('rclone');
    values.options = { rclone: { remoteName: '-b2' } };
    expect(configErrorOf(() => rcloneConfig(values)).field).toBe('options.rclone.remoteName');
  });
});
