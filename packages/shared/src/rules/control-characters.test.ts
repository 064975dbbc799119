import { describe, expect, it } from 'vitest';
import { hasControlCharacter } from './control-characters';

describe('hasControlCharacter', () => {
  it.each([
    '\n',
    '\r',
    '\t',
    '\u0000',
    '\u007f',
    '\u0085',
    '\u009f',
    '\u2028',
    '\u2029',
    '\ud83d',
    '\ude00',
  ])('finds %j', (ch) => {
    expect(hasControlCharacter(`a${ch}b`)).toBe(true);
  });

  it.each(['', 'plain', "it's #1; ok", 'é', '😀', '\u00a0', '\u200b'])('passes %j', (text) => {
    expect(hasControlCharacter(text)).toBe(false);
  });
});
