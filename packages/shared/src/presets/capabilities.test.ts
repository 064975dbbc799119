import { describe, expect, it } from 'vitest';
import {
  ACCESS_CAPABILITIES,
  BUCKET_RESTRICTED_ALLOWED_CAPABILITIES,
  KEY_ACCESS,
  REQUIRED_WIZARD_CAPABILITIES,
  WIZARD_CAPABILITIES,
  keyCapabilities,
  missingWizardCapabilities,
} from './capabilities';

const allowed: readonly string[] = BUCKET_RESTRICTED_ALLOWED_CAPABILITIES;

// Written out from B2's capability meanings (docs/b2-behaviour.md "Capabilities"): listing and
// downloading need listFiles and readFiles; uploading writeFiles; deleting versions deleteFiles;
// S3 tools need readBuckets for the bucket's location and versioning.
const EXPECTED: Record<(typeof KEY_ACCESS)[number], string[]> = {
  readWrite: ['listBuckets', 'readBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'],
  readOnly: ['listBuckets', 'readBuckets', 'listFiles', 'readFiles'],
  writeOnly: ['listBuckets', 'listFiles', 'writeFiles'],
  noDelete: ['listBuckets', 'readBuckets', 'listFiles', 'readFiles', 'writeFiles'],
};

describe('keyCapabilities', () => {
  it.each(KEY_ACCESS)('%s without listAllBucketNames is exactly its list', (access) => {
    expect(keyCapabilities(access, false)).toEqual(EXPECTED[access]);
  });

  it.each(KEY_ACCESS)('%s with listAllBucketNames adds it first', (access) => {
    expect(keyCapabilities(access, true)).toEqual(['listAllBucketNames', ...EXPECTED[access]]);
  });

  it.each(KEY_ACCESS)('%s only holds what a bucket-restricted key may hold', (access) => {
    for (const capability of keyCapabilities(access, true)) expect(allowed).toContain(capability);
  });

  it.each(KEY_ACCESS)('%s has no duplicate capability', (access) => {
    const capabilities = keyCapabilities(access, true);
    expect(new Set(capabilities).size).toBe(capabilities.length);
  });

  it('readWrite can write and delete, so S3 deletes work', () => {
    expect(keyCapabilities('readWrite', false)).toEqual(
      expect.arrayContaining(['writeFiles', 'deleteFiles', 'readFiles', 'listFiles']),
    );
  });

  it('noDelete can write but never delete', () => {
    const capabilities = keyCapabilities('noDelete', true);
    expect(capabilities).toContain('writeFiles');
    expect(capabilities).not.toContain('deleteFiles');
  });

  it('readOnly cannot change anything', () => {
    const capabilities = keyCapabilities('readOnly', true);
    for (const write of ['writeFiles', 'deleteFiles']) expect(capabilities).not.toContain(write);
  });

  it('writeOnly cannot download', () => {
    const capabilities = keyCapabilities('writeOnly', true);
    expect(capabilities).toContain('writeFiles');
    expect(capabilities).not.toContain('readFiles');
  });

  it('never returns the shared list itself', () => {
    keyCapabilities('readWrite', false).push('writeKeys');
    expect(ACCESS_CAPABILITIES.readWrite).not.toContain('writeKeys');
  });
});

describe('missingWizardCapabilities', () => {
  it('is empty for a key with every capability the wizard uses', () => {
    expect(missingWizardCapabilities(Object.keys(WIZARD_CAPABILITIES))).toEqual([]);
  });

  it('lists every wizard capability for a key with none', () => {
    expect(missingWizardCapabilities([])).toEqual([
      'listBuckets',
      'writeBuckets',
      'writeKeys',
      'listKeys',
      'deleteKeys',
      'readBucketEncryption',
      'writeBucketRetentions',
    ]);
  });

  it('lists only what is missing, in a stable order', () => {
    expect(
      missingWizardCapabilities([
        'listBuckets',
        'writeBuckets',
        'listKeys',
        'deleteKeys',
        'readFiles',
      ]),
    ).toEqual(['writeKeys', 'readBucketEncryption', 'writeBucketRetentions']);
  });

  it('the required capabilities are among the ones explained', () => {
    for (const capability of REQUIRED_WIZARD_CAPABILITIES) {
      expect(Object.keys(WIZARD_CAPABILITIES)).toContain(capability);
    }
  });
});
