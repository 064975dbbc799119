// Whether a failed B2 call made nothing, so that a retry may send it anew: only a refusal B2
// answered in full (4xx other than 429). A 429, a 5xx or a lost answer may have done the work.
import { describe, expect, it } from 'vitest';
import { B2CallError } from '../src/b2/b2-call-error';
import { AppError } from '../src/errors/app-error';
import { refusedOutright } from '../src/services/setup/refused-outright';

describe('a refusal that made nothing', () => {
  it.each([
    ['400 bad_request', new B2CallError(400, 'bad_request', 'x'), true],
    ['409 duplicate_bucket_name', new B2CallError(409, 'duplicate_bucket_name', 'x'), true],
    ['499, the last client status', new AppError(499, 'bad_request', 'x'), true],
    ['403 from our own checks', new AppError(403, 'unauthorized', 'x'), true],
    ['429 too_many_requests', new B2CallError(429, 'too_many_requests', 'x'), false],
    ['500', new B2CallError(500, 'internal_error', 'x'), false],
    ['502 service_unavailable', new B2CallError(502, 'service_unavailable', 'x'), false],
    [
      '400 after a lost answer',
      new B2CallError(400, 'bad_request', 'x', { outcomeUnknown: true }),
      false,
    ],
    ['a plain Error', new Error('x'), false],
    ['nothing', undefined, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(refusedOutright(error)).toBe(expected);
  });
});
