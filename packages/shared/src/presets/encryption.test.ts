import { describe, expect, it } from 'vitest';
import { encryptionStatus } from './encryption';

describe('encryptionStatus', () => {
  it('says encryption is always on for a bucket B2 reports as SSE-B2', () => {
    expect(encryptionStatus({ mode: 'SSE-B2', algorithm: 'AES256' })).toBe(
      'Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).',
    );
  });

  it('says B2 is moving an old bucket that still reads "none" over, and never that it is off', () => {
    const words = encryptionStatus({ mode: 'none' });
    expect(words).toBe(
      'Encryption: Backblaze is switching this bucket over to always-on encryption; nothing needs doing.',
    );
    expect(words).not.toMatch(/\boff\b|disabled/i);
  });

  it('says when the connected key may not read the setting', () => {
    expect(encryptionStatus(null)).toBe(
      'Encryption: not known; the connected key may not read this setting.',
    );
  });
});
