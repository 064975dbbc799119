// Which tools can use a key for several buckets, written out from docs/b2-behaviour.md "Keys for
// several buckets": native tools on API versions 1-3 cannot, S3 tools can, unknown ones count as old.
import { describe, expect, it } from 'vitest';
import {
  multiBucketKeyRefusal,
  multiBucketKeysWork,
  multiBucketKeyWarning,
  oldApiTools,
} from './multi-bucket-keys';

describe('multi-bucket keys, tool by tool', () => {
  it.each([
    ['litestream', true],
    ['laravel', true],
    ['restic', true],
    ['aws-cli', true],
    ['other', true],
    ['duplicity', true],
    ['python', true],
    ['node', true],
    ['cyberduck', true],
    ['jetbackup', false],
    ['rclone', false],
    ['cpanel', false],
    ['synology', false],
  ] as const)('%s: can use one: %s', (target, works) => {
    expect(multiBucketKeysWork(target)).toBe(works);
  });

  it('says in one sentence why rclone is not offered one', () => {
    expect(multiBucketKeyRefusal('rclone')).toBe(
      'rclone cannot use a key for several buckets: the main remote in rclone.conf uses rclone’s b2 backend, which signs in on API version 1 before rclone 1.72 (Debian’s rclone 1.60 among them).',
    );
  });

  it('names every tool, and every part of a tool, still on the old API', () => {
    expect(oldApiTools()).toEqual([
      'JetBackup',
      'rclone’s b2 remotes before rclone 1.72 (Debian’s rclone 1.60 among them)',
      'restic’s b2: backend (still on API version 3)',
      'duplicity’s b2:// backend (Debian’s b2sdk 1.17 signs in on API version 2)',
      'cPanel / WHM backups',
      'Synology Hyper Backup / Cloud Sync',
    ]);
  });

  it('warns in plain words, naming them', () => {
    expect(multiBucketKeyWarning()).toBe(
      'Tools still on B2’s old API cannot use a key for several buckets at all, not even for one of its buckets. Of the tools this wizard knows: JetBackup, rclone’s b2 remotes before rclone 1.72 (Debian’s rclone 1.60 among them), restic’s b2: backend (still on API version 3), duplicity’s b2:// backend (Debian’s b2sdk 1.17 signs in on API version 2), cPanel / WHM backups and Synology Hyper Backup / Cloud Sync. Give such a tool a key of its own.',
    );
  });
});
