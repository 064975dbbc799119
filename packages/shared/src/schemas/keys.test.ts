import { describe, expect, it } from 'vitest';
import {
  accountKeyListSchema,
  applicationKeyIdSchema,
  keyDeletedSchema,
  replaceKeyRequestSchema,
} from './keys';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('applicationKeyIdSchema', () => {
  it.each(['0045f0d2c0e8e5d0000000002', 'K', 'a'.repeat(100)])('takes %s', (id) => {
    expect(applicationKeyIdSchema.parse(id)).toBe(id);
  });

  it.each(['', 'a'.repeat(101), '004-abc', ' 004abc', '004abc ', '004/abc'])(
    'refuses %j with the fix',
    (id) => {
      expect(messages(applicationKeyIdSchema.safeParse(id))).toEqual([
        'An application key ID has 1 to 100 letters and digits. Check the address.',
      ]);
    },
  );
});

describe('replaceKeyRequestSchema', () => {
  it('takes a tool, and optionally an idempotency key', () => {
    expect(replaceKeyRequestSchema.parse({ target: 'rclone' })).toEqual({ target: 'rclone' });
    const withKey = { target: 'restic', idempotencyKey: 'replace-0123456789abcdef' };
    expect(replaceKeyRequestSchema.parse(withKey)).toEqual(withKey);
  });

  it('refuses a body that is not an object with the shape to send', () => {
    expect(messages(replaceKeyRequestSchema.safeParse('rclone'))).toEqual([
      'Send {"target": "<tool>"}: the tool the new key’s files are for.',
    ]);
  });

  it('refuses an unknown tool, naming the field', () => {
    const result = replaceKeyRequestSchema.safeParse({ target: 'tarsnap' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['target']);
  });
});

describe('the answers', () => {
  const key = {
    applicationKeyId: '0045f0d2c0e8e5d0000000002',
    keyName: 'rclone-acme-files',
    capabilities: ['listBuckets', 'listFiles', 'readFiles'],
    buckets: [{ bucketId: '4a48fe8875c6214145260818', bucketName: 'acme-files' }],
    namePrefix: null,
    expirationTimestamp: null,
    madeByWizard: 'name',
    cannotDelete: null,
    cannotReplace: null,
  };

  it('a key list reads back as sent', () => {
    const list = { accountId: '5f0d2c0e8e5d', keys: [key, { ...key, buckets: null }] };
    expect(accountKeyListSchema.parse(list)).toEqual(list);
  });

  it.each([
    ['a mark it does not know', { madeByWizard: 'guess' }],
    ['a protection it does not know', { cannotDelete: { reason: 'vip', message: 'no' } }],
    ['a bucket without its id', { buckets: [{ bucketName: 'acme-files' }] }],
    ['no name', { keyName: undefined }],
  ])('a key list with %s is refused', (_what, change) => {
    const list = { accountId: '5f0d2c0e8e5d', keys: [{ ...key, ...change }] };
    expect(accountKeyListSchema.safeParse(list).success).toBe(false);
  });

  it('a delete answer names the key and says what stops working', () => {
    const answer = { applicationKeyId: key.applicationKeyId, keyName: key.keyName, message: 'x' };
    expect(keyDeletedSchema.parse(answer)).toEqual(answer);
    expect(keyDeletedSchema.safeParse({ applicationKeyId: 'a' }).success).toBe(false);
  });
});
