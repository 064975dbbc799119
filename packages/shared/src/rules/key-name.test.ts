import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_NAME_MAX, defaultKeyName, keyNameProblem } from './key-name';

describe('keyNameProblem', () => {
  it('accepts letters, digits and dashes up to 100 characters', () => {
    expect(keyNameProblem('litestream-Acme-01')).toBeNull();
    expect(keyNameProblem('k'.repeat(100))).toBeNull();
  });

  it('asks for a name when it is empty', () => {
    expect(keyNameProblem('')).toBe('Enter a name for the key.');
  });

  it('says how many characters to remove past 100', () => {
    expect(keyNameProblem('k'.repeat(101))).toBe(
      'Key names can have at most 100 characters. Remove 1.',
    );
  });

  it('refuses spaces with the fix', () => {
    expect(keyNameProblem('my key')).toBe("Key names can't contain spaces. Use '-' instead.");
  });

  it.each([
    ['my_key', '_'],
    ['my.key', '.'],
    ['clé', 'é'],
    ['key-🔑', '🔑'],
  ])('names the character to remove in %s', (name, ch) => {
    expect(keyNameProblem(name)).toBe(
      `Key names can only use letters, digits and '-'. Remove '${ch}'.`,
    );
  });
});

describe('defaultKeyName', () => {
  it('joins the target and the bucket name', () => {
    expect(defaultKeyName('aws-cli', 'acme-files')).toBe('aws-cli-acme-files');
  });

  it('does not repeat the target when the bucket name already starts with it', () => {
    expect(defaultKeyName('litestream', 'litestream-backups-18d259')).toBe(
      'litestream-backups-18d259',
    );
    expect(defaultKeyName('rclone', 'Rclone-files')).toBe('Rclone-files');
    expect(defaultKeyName('rclone', 'rclonefiles')).toBe('rclone-rclonefiles');
  });

  it('falls back to wizard-key when nothing usable is left', () => {
    expect(defaultKeyName('', '')).toBe('wizard-key');
  });

  it('is always a valid key name', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.string({ maxLength: 120 }),
        (target, bucket) => {
          const name = defaultKeyName(target, bucket);
          expect(keyNameProblem(name)).toBeNull();
          expect(name.length).toBeLessThanOrEqual(KEY_NAME_MAX);
        },
      ),
    );
  });
});
