import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, apiErrorNext, CLIENT_ERROR_CODES } from './api-errors';
import { B2_ERROR_TEXTS } from './b2-errors';

const everyCode = [...Object.keys(API_ERROR_CODES), ...Object.keys(CLIENT_ERROR_CODES)];

describe('API_ERROR_CODES', () => {
  it.each(everyCode)('%s has a next step in plain words', (code) => {
    const next = apiErrorNext(code);
    expect(next).toMatch(/^[A-Z].*\.$/);
    // No code words (bucket_exists) in what a person reads; B2_API_URL is a setting they can look up.
    expect(next).not.toMatch(/[a-z]_[a-z]/);
  });

  it('passes on every B2 answer with the words of the B2 texts', () => {
    for (const [code, text] of Object.entries(B2_ERROR_TEXTS)) {
      expect(API_ERROR_CODES).toHaveProperty(code, { next: text.next, retryable: text.retryable });
    }
  });

  it('keeps the client’s own codes apart from the API’s', () => {
    for (const code of Object.keys(CLIENT_ERROR_CODES)) {
      expect(Object.hasOwn(API_ERROR_CODES, code)).toBe(false);
    }
  });

  it('marks as retryable only what can pass on a second try', () => {
    const retryable = Object.entries(API_ERROR_CODES)
      .filter(([, info]) => info.retryable)
      .map(([code]) => code);
    expect(retryable.sort()).toEqual(
      [
        'apply_in_progress',
        'incomplete_request',
        'internal_error',
        'network_error',
        'rate_limited',
        'sandbox_unavailable',
        'service_unavailable',
        'setup_busy',
        'store_unavailable',
        'timeout',
        'too_many_requests',
      ].sort(),
    );
  });
});

describe('apiErrorNext', () => {
  it.each([
    ['not_connected', 'Go back to the Connect step and connect again.'],
    ['invalid_request', 'Fix the fields marked in red, then try again.'],
    ['idempotency_key_reused', 'Go back to Review and press “Create everything” again.'],
    ['bucket_exists', 'Set it up as an existing bucket, or pick another name.'],
    ['rate_limited', 'Wait a minute, then try again.'],
    [
      'duplicate_bucket_name',
      'Choose another name, for example with your company or project name in it.',
    ],
    ['network_unreachable', 'Check that the wizard is still running, then try again.'],
    ['bad_response', 'Reload the page and try again.'],
  ])('%s: %s', (code, next) => {
    expect(apiErrorNext(code)).toBe(next);
  });

  it.each(['no_such_code', 'session_expired', 'validation_failed', 'toString', '__proto__', ''])(
    'knows no next step for %j',
    (code) => {
      expect(apiErrorNext(code)).toBeUndefined();
    },
  );
});
