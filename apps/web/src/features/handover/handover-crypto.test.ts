import type { HandoverBundle } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import { HandoverUnlockError, isHandoverKey, openBundle, sealBundle } from './handover-crypto';

const bundle: HandoverBundle = {
  version: 1,
  applicationKeyId: '004keyid',
  applicationKey: 'K004TheSecret',
  bucketName: 'acme-db',
  endpoint: 'https://s3.us-west-004.backblazeb2.com',
  region: 'us-west-004',
  files: [{ filename: '.s3cfg', mediaType: 'text/plain', content: 'secret_key = K004TheSecret\n' }],
};

describe('the handover bundle’s encryption', () => {
  it('opens with its key to exactly what was sealed, and the ciphertext shows nothing of it', async () => {
    const { ciphertext, key } = await sealBundle(bundle);
    expect(isHandoverKey(key)).toBe(true);
    expect(key).toHaveLength(43);
    expect(ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(ciphertext).not.toContain('K004TheSecret');
    expect(atob(ciphertext.replace(/-/g, '+').replace(/_/g, '/'))).not.toContain('K004TheSecret');
    await expect(openBundle(ciphertext, key)).resolves.toEqual(bundle);
  });

  it('seals the same bundle differently each time, under a new key', async () => {
    const one = await sealBundle(bundle);
    const two = await sealBundle(bundle);
    expect(one.key).not.toBe(two.key);
    expect(one.ciphertext).not.toBe(two.ciphertext);
  });

  it('refuses another key, and a ciphertext changed by one character', async () => {
    const { ciphertext, key } = await sealBundle(bundle);
    const other = await sealBundle(bundle);
    await expect(openBundle(ciphertext, other.key)).rejects.toBeInstanceOf(HandoverUnlockError);
    // A character in the middle: every one of its bits is data (the last may be padding).
    const changed = ciphertext[30] === 'A' ? 'B' : 'A';
    const tampered = ciphertext.slice(0, 30) + changed + ciphertext.slice(31);
    await expect(openBundle(tampered, key)).rejects.toBeInstanceOf(HandoverUnlockError);
  });

  it('takes only 43 base64url characters as a key', () => {
    expect(isHandoverKey('a'.repeat(43))).toBe(true);
    expect(isHandoverKey('a'.repeat(42))).toBe(false);
    expect(isHandoverKey(`${'a'.repeat(42)}+`)).toBe(false);
  });
});
