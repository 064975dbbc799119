// Sealing of stored values: AES-256-GCM, bound to the key name it is stored under, with key
// rotation through retired keys.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config';
import { sealerFromEnv } from '../../src/stores/open-stores';
import { readEncryptionKey, SealError, Sealer } from '../../src/stores/seal';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('Sealer', () => {
  it('when a value is sealed, then it opens under the same name and shows nothing of itself', () => {
    const sealer = new Sealer(keyA);
    const sealed = sealer.seal('K005secretValue', 'b2wiz:session:abc');
    expect(sealed).not.toContain('K005secretValue');
    expect(sealed).not.toContain(Buffer.from('K005secretValue').toString('base64'));
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealer.open(sealed, 'b2wiz:session:abc')).toBe('K005secretValue');
    // A fresh IV each time: the same value never seals the same way twice.
    expect(sealer.seal('K005secretValue', 'b2wiz:session:abc')).not.toBe(sealed);
  });

  it('when a sealed value is moved to another name or changed, then it does not open', () => {
    const sealer = new Sealer(keyA);
    const sealed = sealer.seal('{"a":1}', 'b2wiz:session:one');
    expect(() => sealer.open(sealed, 'b2wiz:session:two')).toThrow(SealError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => sealer.open(parts.join('.'), 'b2wiz:session:one')).toThrow(
      'A stored value did not open: it was changed, or moved from elsewhere.',
    );
    expect(() => sealer.open('plain text', 'b2wiz:session:one')).toThrow(
      'A stored value is not in the sealed format.',
    );
  });

  it('when the key is rotated, then values sealed under the old key still open, and new ones use the new key', () => {
    const before = new Sealer(keyA).seal('old value', 'n');
    const rotated = new Sealer(keyB, [keyA]);
    expect(rotated.open(before, 'n')).toBe('old value');
    const after = rotated.seal('new value', 'n');
    expect(after.split('.')[1]).not.toBe(before.split('.')[1]);
    expect(new Sealer(keyB).open(after, 'n')).toBe('new value');
    // Without the old key, the old value is unreadable, and says why.
    expect(() => new Sealer(keyB).open(before, 'n')).toThrow(
      'A stored value was sealed with a key this server does not have.',
    );
  });

  it('when a key is not 32 bytes, then it is refused', () => {
    expect(() => new Sealer(randomBytes(16))).toThrow('An encryption key must be 32 bytes.');
  });
});

describe('SESSION_ENCRYPTION_KEY', () => {
  it('when REDIS_URL is set without a key, then start-up stops and names the setting and the fix', () => {
    expect(() => parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      'SESSION_ENCRYPTION_KEY="": is required with REDIS_URL, so nothing is kept in Redis unsealed; make one with: openssl rand -base64 32',
    );
  });

  it('when a key is not 32 bytes of base64, then the message says so without quoting it', () => {
    expect(readEncryptionKey('not base64!')).toBe('must be base64');
    const short = randomBytes(16).toString('base64');
    expect(readEncryptionKey(short)).toBe(
      'must be 32 bytes in base64 (this is 16); make one with: openssl rand -base64 32',
    );
    expect(() => sealerFromEnv({ SESSION_ENCRYPTION_KEY: short })).toThrow(
      /SESSION_ENCRYPTION_KEY: must be 32 bytes in base64 \(this is 16\)/,
    );
    expect(() => sealerFromEnv({ SESSION_ENCRYPTION_KEY: short })).not.toThrow(short);
    const good = keyA.toString('base64');
    expect(() =>
      sealerFromEnv({
        SESSION_ENCRYPTION_KEY: good,
        SESSION_ENCRYPTION_KEYS_OLD: `${keyB.toString('base64')}, ${short}`,
      }),
    ).toThrow(/SESSION_ENCRYPTION_KEYS_OLD: must be 32 bytes/);
  });

  it('when a good key and retired keys are set, then values sealed under a retired key open', () => {
    const env = {
      SESSION_ENCRYPTION_KEY: keyB.toString('base64'),
      SESSION_ENCRYPTION_KEYS_OLD: `${keyA.toString('base64')}`,
    };
    const old = new Sealer(keyA).seal('still here', 'x');
    expect(sealerFromEnv(env).open(old, 'x')).toBe('still here');
  });
});
