import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { synologyConfig } from './synology-config';

describe('synologyConfig', () => {
  it('writes each field under the labels of Hyper Backup’s and Cloud Sync’s S3 forms', () => {
    expect(synologyConfig(configValues('synology'))).toEqual({
      target: 'synology',
      filename: 'synology-destination.txt',
      mediaType: 'text/plain; charset=utf-8',
      content: `Synology NAS and the Backblaze B2 bucket acme-db-backups
For Hyper Backup and Cloud Sync on DSM 7: their S3 Storage forms with a custom server.

Hyper Backup: Create » Data backup task, choose S3 Storage, then fill in:

S3 Server: Custom Server URL
Server address: s3.us-west-004.backblazeb2.com
Signature Version: v4
Region: us-west-004
Request Style: Path style
Access Key: ${KEY_ID}
Secret Key: ${SECRET}
Bucket name: acme-db-backups
Directory: hyper-backup

Cloud Sync: Create, choose S3 Storage, then fill in:

S3 Server: Custom Server URL
Server address: s3.us-west-004.backblazeb2.com
Signature Version: v4
Region: us-west-004
Request Style: Path style
Access Key: ${KEY_ID}
Secret Key: ${SECRET}
Bucket name: acme-db-backups

Where each value comes from:
- Server address and Region: the S3 endpoint Backblaze gives for this key (s3ApiUrl); the region is its middle part.
- Access Key and Secret Key: the new key (applicationKeyId, applicationKey). The key reaches only this bucket.
- Signature Version: B2 accepts only v4. Either request style works with B2.

Notes:
- Hyper Backup keeps its backups in a folder ending in .hbk inside the directory.
- The bucket keeps only the last version of each file, so what Hyper Backup and Cloud Sync remove frees space.
- Cloud Sync’s own "Backblaze B2" choice takes the same Access Key (Key ID) and Secret Key (Application Key).
- Keep this file private: it holds the application key, which Backblaze shows only once.
`,
    });
  });

  it('gives the server address without its scheme, with a port when the endpoint has one', () => {
    const values = configValues('synology');
    values.endpoint.s3Endpoint = 'http://127.0.0.1:8790';
    expect(synologyConfig(values).content).toContain('\nServer address: 127.0.0.1:8790\n');
  });

  it('warns when the bucket keeps old versions', () => {
    const values = configValues('synology');
    values.bucket.lifecycleRules = [];
    expect(synologyConfig(values).content).toContain(
      '- The bucket keeps old versions of files. Set its lifecycle to "Keep only the last version of the file", or removed backups will not free space.\n',
    );
  });

  it('refuses a line break that would split a field', () => {
    const values = configValues('synology');
    values.key.applicationKey = 'K004\nBucket name: other';
    expect(configErrorOf(() => synologyConfig(values)).field).toBe('key.applicationKey');
  });
});
