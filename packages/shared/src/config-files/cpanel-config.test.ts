import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { cpanelConfig } from './cpanel-config';

describe('cpanelConfig', () => {
  it('writes each field under the label of WHM’s Backblaze B2 destination form', () => {
    expect(cpanelConfig(configValues('cpanel'))).toEqual({
      target: 'cpanel',
      filename: 'cpanel-backup-destination.txt',
      mediaType: 'text/plain; charset=utf-8',
      content: `cPanel & WHM backup destination for Backblaze B2
For WHM’s Backup Configuration interface, cPanel & WHM version 108 and later.

In WHM, open Backup » Backup Configuration, choose the Additional Destinations tab, select Backblaze B2 as the Destination Type, click Create new destination, and fill in the form:

Destination Name: Backblaze B2
Bucket ID: 4a48fe8875c6214145260818
Bucket Name: acme-db-backups
Application Key ID: ${KEY_ID}
Application Key: ${SECRET}
Folder: whm-backups

Where each value comes from:
- Destination Name and Folder: names of your choice; the folder is inside the bucket, without a leading /.
- Bucket ID and Bucket Name: Backblaze’s answer when the bucket was created (bucketId, bucketName). WHM needs both.
- Application Key ID and Application Key: Backblaze’s answer when the key was created (applicationKeyId, applicationKey). The key reaches only this bucket.

Notes:
- Click "Save and Validate Destination": WHM then uploads and removes a test file with these values.
- The bucket keeps only the last version of each file, so WHM’s retention frees space.
- Keep this file private: it holds the application key, which Backblaze shows only once.
`,
    });
  });

  it('warns when the bucket keeps old versions', () => {
    const values = configValues('cpanel');
    values.bucket.lifecycleRules = [];
    expect(cpanelConfig(values).content).toContain(
      '- The bucket keeps old versions of files. Set its lifecycle to "Keep only the last version of the file", or WHM’s retention will not free space.\n',
    );
  });

  it('refuses a line break that would split a field', () => {
    const values = configValues('cpanel');
    values.bucket.bucketId = '4a48\nBucket Name: other';
    expect(configErrorOf(() => cpanelConfig(values)).field).toBe('bucket.bucketId');
  });
});
