import { describe, expect, it } from 'vitest';
import { B2_ERROR_TEXTS, b2ErrorText } from './b2-errors';

describe('b2ErrorText', () => {
  it.each(Object.keys(B2_ERROR_TEXTS))('%s has its own text whatever the status', (code) => {
    expect(b2ErrorText(code, 500)).toBe(B2_ERROR_TEXTS[code]);
    expect(b2ErrorText(code, undefined)).toBe(B2_ERROR_TEXTS[code]);
  });

  it.each(Object.entries(B2_ERROR_TEXTS))('%s is plain words with a next step', (_code, text) => {
    expect(text.message).toMatch(/^[A-Z].*\.$/);
    expect(text.next).toMatch(/^[A-Z].*\.$/);
    expect(text.message).not.toMatch(/_/);
  });

  it('retries only what can pass on a second try', () => {
    const retryable = Object.entries(B2_ERROR_TEXTS)
      .filter(([, text]) => text.retryable)
      .map(([code]) => code);
    expect(retryable.sort()).toEqual(
      [
        'internal_error',
        'network_error',
        'service_unavailable',
        'timeout',
        'too_many_requests',
      ].sort(),
    );
  });

  it.each([
    [429, 'too_many_requests'],
    [503, 'service_unavailable'],
    [500, 'internal_error'],
    [502, 'internal_error'],
    [504, 'internal_error'],
    [408, 'timeout'],
    [403, 'cap_exceeded'],
    [401, 'unauthorized'],
    [400, 'bad_request'],
    [404, 'bad_request'],
    [undefined, 'bad_request'],
  ])('an unknown code with status %s reads as %s', (status, code) => {
    expect(b2ErrorText('something_new', status)).toBe(B2_ERROR_TEXTS[code]);
    expect(b2ErrorText(undefined, status)).toBe(B2_ERROR_TEXTS[code]);
  });

  it('does not treat inherited object keys as codes', () => {
    expect(b2ErrorText('toString', 400)).toBe(B2_ERROR_TEXTS.bad_request);
  });

  it('names the fix for a taken bucket name', () => {
    expect(b2ErrorText('duplicate_bucket_name', 400)).toEqual({
      message:
        'That bucket name is already taken. Bucket names are shared by every Backblaze customer.',
      next: 'Choose another name, for example with your company or project name in it.',
      retryable: false,
    });
  });
});
