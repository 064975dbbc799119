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

  it.each([
    ['\u001f', true],
    [' ', false],
    ['~', false],
    ['\u00a0', false],
    ['\ud83d', true],
    ['x\ud83d', true],
    ['\ud83d\ud83d\ude00', true],
    ['\ude00\ud83d', true],
    ['😀😀', false],
    ['ab😀', false],
    ['😀\n', true],
    ['\ud800\udc00', false],
    ['\udbff\udfff', false],
    ['\udbff', true],
    ['\udc00', true],
  ])('reads %j as control: %s, at the edges of each range and of a string', (text, found) => {
    expect(hasControlCharacter(text)).toBe(found);
  });
});
