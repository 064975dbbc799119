import { describe, expect, it } from 'vitest';
import { keyCheckLabel, requiredKeyChecks } from './key-checks';

describe('requiredKeyChecks', () => {
  it('an S3 tool that deletes old data needs the S3 upload and delete', () => {
    expect(requiredKeyChecks('litestream', true)).toEqual([
      'authorize',
      'capabilities',
      'restrictedToBucket',
      'S3: bucket reachable',
      'S3: upload',
      'S3: delete',
    ]);
  });

  it('an S3 tool that only hides files needs no delete', () => {
    expect(requiredKeyChecks('laravel', false)).toEqual([
      'authorize',
      'capabilities',
      'S3: bucket reachable',
      'S3: upload',
    ]);
  });

  it('a native backup tool needs the native upload and delete', () => {
    expect(requiredKeyChecks('jetbackup', true)).toEqual([
      'authorize',
      'capabilities',
      'restrictedToBucket',
      'upload',
      'delete',
    ]);
  });
});

describe('keyCheckLabel', () => {
  it('uses plain words, never the id', () => {
    expect(keyCheckLabel('authorize', 'b')).toBe('Signs in');
    expect(keyCheckLabel('restrictedToBucket', 'acme-backups')).toBe(
      'Reaches only the bucket acme-backups',
    );
    expect(keyCheckLabel('S3: upload', 'b')).toBe('Can upload a file over S3');
    expect(keyCheckLabel('delete', 'b')).toBe('Can delete a file');
  });
});
