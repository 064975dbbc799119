import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { jetbackupConfig } from './jetbackup-config';

/** The "Label: value" lines, as a person copying them into JetBackup's form would read them. */
function fields(content: string): Record<string, string> {
  const form = content.split('\n\n')[2]!;
  return Object.fromEntries(
    form.split('\n').map((line) => /^([^:]+): (.*)$/.exec(line)!.slice(1, 3)),
  );
}

describe('jetbackupConfig', () => {
  it('writes each field under the label JetBackup shows', () => {
    expect(jetbackupConfig(configValues('jetbackup'))).toEqual({
      target: 'jetbackup',
      filename: 'jetbackup-destination.txt',
      mediaType: 'text/plain; charset=utf-8',
      content: `JetBackup destination for Backblaze B2

In JetBackup, open Destinations, choose Create New Destination, and fill in the form:

Destination Type: Backblaze
Destination Name: Backblaze B2
Backup Directory: jetbackup
Account ID (this is the Key ID): ${KEY_ID}
Application Key: ${SECRET}
Bucket: acme-db-backups
Upload Retries: 3

Notes:
- "Account ID" is JetBackup’s name for the application Key ID. Do not enter your Backblaze account ID.
- Backup Directory is a folder inside the bucket, so it does not start with '/'.
- The bucket keeps only the last version of each file, so JetBackup’s retention frees space.
- JetBackup 5 without a Backblaze type: create an S3 destination with a custom vendor, endpoint s3.us-west-004.backblazeb2.com, region us-west-004, access key = the Key ID, secret key = the Application Key, and the same bucket.
- Keep this file private: it holds the application key, which Backblaze shows only once.
`,
    });
  });

  it('reads back one field per line, values with spaces and colons included', () => {
    const values = configValues('jetbackup');
    values.options = {
      jetbackup: { destinationName: 'B2: main site backups', backupDirectory: 'cpanel/server 1' },
    };
    expect(fields(jetbackupConfig(values).content)).toEqual({
      'Destination Type': 'Backblaze',
      'Destination Name': 'B2: main site backups',
      'Backup Directory': 'cpanel/server 1',
      'Account ID (this is the Key ID)': KEY_ID,
      'Application Key': SECRET,
      Bucket: 'acme-db-backups',
      'Upload Retries': '3',
    });
  });

  it('warns when the bucket keeps old versions', () => {
    const values = configValues('jetbackup');
    values.bucket.lifecycleRules = [];
    expect(jetbackupConfig(values).content).toContain(
      '- The bucket keeps old versions of files. Set its lifecycle to "Keep only the last version of the file", or JetBackup’s retention will not free space.\n',
    );
  });

  it('accepts a 40-character destination name and refuses 41', () => {
    const values = configValues('jetbackup');
    values.options = { jetbackup: { destinationName: 'd'.repeat(40), backupDirectory: 'jb' } };
    expect(fields(jetbackupConfig(values).content)['Destination Name']).toBe('d'.repeat(40));
    values.options = { jetbackup: { destinationName: 'd'.repeat(41), backupDirectory: 'jb' } };
    expect(configErrorOf(() => jetbackupConfig(values))).toEqual({
      field: 'options.jetbackup.destinationName',
      message: 'JetBackup destination names need 1 to 40 characters (this one has 41).',
    });
  });

  it("refuses a backup directory starting with '/'", () => {
    const values = configValues('jetbackup');
    values.options = { jetbackup: { destinationName: 'B2', backupDirectory: '/backup' } };
    expect(configErrorOf(() => jetbackupConfig(values))).toEqual({
      field: 'options.jetbackup.backupDirectory',
      message: "The backup directory is inside the bucket, so it must not start with '/'.",
    });
  });

  it('refuses a line break that would split a field', () => {
    const values = configValues('jetbackup');
    values.options = { jetbackup: { destinationName: 'B2\nBucket: other', backupDirectory: 'jb' } };
    expect(configErrorOf(() => jetbackupConfig(values)).field).toBe(
      'options.jetbackup.destinationName',
    );
  });
});
