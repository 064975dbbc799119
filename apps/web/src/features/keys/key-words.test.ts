import type { AccountKey } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import { accessWords, bucketWords, expiryWords, stopsWorking } from './key-words';

const key: AccountKey = {
  applicationKeyId: '004k',
  keyName: 'k',
  capabilities: ['listBuckets', 'readBuckets', 'writeFiles'],
  buckets: null,
  namePrefix: null,
  expirationTimestamp: null,
  madeByWizard: null,
  cannotDelete: null,
  cannotReplace: null,
};

describe('key words', () => {
  it('says how far a key reaches in the words for its capabilities', () => {
    expect(accessWords(key)).toBe(
      'Can see every bucket, read each bucket’s settings and upload files.',
    );
    const one = { ...key, buckets: [{ bucketId: 'b1', bucketName: 'acme' }] };
    expect(accessWords(one)).toBe(
      'Can see the bucket, read the bucket’s settings and upload files.',
    );
    expect(bucketWords(one)).toBe('the bucket “acme”');
    expect(accessWords({ ...key, capabilities: [] })).toBe('Can do nothing.');
  });

  it('names a capability it has no words for by its B2 name', () => {
    expect(accessWords({ ...key, capabilities: ['readBucketTea'] })).toBe('Can readBucketTea.');
  });

  it('says when a key expires, and when it has expired', () => {
    const now = Date.UTC(2026, 2, 14, 9, 5);
    expect(expiryWords(null, now)).toBe('Never');
    expect(expiryWords(Date.UTC(2026, 3, 1, 0, 0), now)).toBe('2026-04-01 00:00 UTC');
    expect(expiryWords(Date.UTC(2026, 2, 1, 8, 0), now)).toBe('Expired 2026-03-01 08:00 UTC');
  });

  it('says what stops working for a key of the whole account', () => {
    expect(stopsWorking(key)).toBe(
      'Anything that still uses it stops working at once: a tool, script or server with this key could see every bucket, read each bucket’s settings and upload files, in every bucket of the account.',
    );
  });
});
