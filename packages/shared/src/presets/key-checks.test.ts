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

  it.each([
    ['capabilities', 'Has exactly the access chosen'],
    ['upload', 'Can upload a file'],
    ['S3: bucket reachable', 'Reaches the bucket over S3'],
    ['S3: delete', 'Can delete a file over S3'],
    ['S3: clean up', 'Removes its test file'],
    ['files', 'Config files made'],
    ['retention', 'Object Lock retention set on the bucket'],
  ] as const)('labels %s as “%s”', (name, label) => {
    expect(keyCheckLabel(name, 'acme')).toBe(label);
  });

  it('counts the other buckets a key was given', () => {
    expect(keyCheckLabel('restrictedToBucket', 'acme', 1)).toBe(
      'Reaches only the bucket acme and the other bucket chosen',
    );
    expect(keyCheckLabel('restrictedToBucket', 'acme', 3)).toBe(
      'Reaches only the bucket acme and the 3 other buckets chosen',
    );
  });
});

describe('requiredKeyChecks for a tool that never deletes', () => {
  it('an S3 tool with only read and write-new access needs no S3 delete', () => {
    expect(requiredKeyChecks('laravel', true)).not.toContain('S3: delete');
    expect(requiredKeyChecks('laravel', true)).not.toContain('delete');
  });

  it('a native tool that never deletes (“something else”) needs the native upload only', () => {
    expect(requiredKeyChecks('other', false)).toEqual(['authorize', 'capabilities', 'upload']);
  });
});
