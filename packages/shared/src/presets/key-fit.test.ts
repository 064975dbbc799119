import { describe, expect, it } from 'vitest';
import { accessTooNarrow } from './key-fit';

describe('accessTooNarrow', () => {
  it.each([
    [
      'litestream',
      'readOnly',
      'Litestream cannot back up with a read-only key: it needs to upload files and delete old files.',
    ],
    [
      'litestream',
      'writeOnly',
      'Litestream cannot back up with a write-only key: it needs to read the bucket’s settings, download files and delete old files.',
    ],
    [
      'litestream',
      'noDelete',
      'Litestream cannot back up with a no-delete key: it needs to delete old files.',
    ],
    [
      'restic',
      'noDelete',
      'restic cannot back up with a no-delete key: it needs to delete old files.',
    ],
    [
      'rclone',
      'readOnly',
      'rclone cannot sync files with a read-only key: it needs to upload files and delete old files.',
    ],
    [
      'jetbackup',
      'noDelete',
      'JetBackup cannot back up with a no-delete key: it needs to delete old files.',
    ],
    [
      'laravel',
      'readOnly',
      'Laravel / Flysystem cannot store files with a read-only key: it needs to upload files.',
    ],
    [
      'aws-cli',
      'writeOnly',
      'AWS CLI / other S3 tool cannot work with files with a write-only key: it needs to read the bucket’s settings and download files.',
    ],
    [
      'duplicity',
      'noDelete',
      'duplicity cannot back up with a no-delete key: it needs to delete old files.',
    ],
    [
      'cpanel',
      'noDelete',
      'cPanel / WHM backups cannot back up with a no-delete key: it needs to delete old files.',
    ],
  ] as const)('%s with %s', (target, access, words) => {
    expect(accessTooNarrow(target, access)).toBe(words);
  });

  it.each([
    ['litestream', 'readWrite'],
    ['restic', 'readWrite'],
    ['rclone', 'readWrite'],
    ['jetbackup', 'readWrite'],
    ['laravel', 'readWrite'],
    ['laravel', 'noDelete'],
    ['aws-cli', 'noDelete'],
    ['other', 'noDelete'],
    ['python', 'noDelete'],
    ['node', 'noDelete'],
    ['cyberduck', 'noDelete'],
    ['synology', 'readWrite'],
  ] as const)('%s works with %s', (target, access) => {
    expect(accessTooNarrow(target, access)).toBeNull();
  });
});
