// How a failed B2 call is read before it becomes an answer: B2's JSON error body (as text too,
// and with code and status swapped, as b2sdk has met), Retry-After, timeouts against other lost
// answers, and what each failure means for the next try (docs/b2-behaviour.md "A failed answer
// is not a failed call").
import { describe, expect, it } from 'vitest';
import {
  describeFailure,
  isOldApiVersionRefusal,
  isStaleToken,
  isTransient,
  mayHaveTakenEffect,
  type B2Failure,
} from '../src/b2/b2-errors';

const noAnswer = (code?: string) => ({ isAxiosError: true, ...(code ? { code } : {}) });

describe('reading what B2 answered', () => {
  const http = (data: unknown, headers?: Record<string, unknown>) =>
    describeFailure({ isAxiosError: true, response: { status: 503, data, headers } });

  it('reads the code from a JSON body given as text, and nothing from text that is not JSON', () => {
    expect(http('{"status":503,"code":"service_unavailable","message":"busy"}')).toEqual({
      kind: 'http',
      status: 503,
      code: 'service_unavailable',
      b2Message: 'busy',
      retryAfter: undefined,
    });
    expect(http('<html>Bad gateway</html>')).toMatchObject({
      code: undefined,
      b2Message: undefined,
    });
    expect(http(null)).toMatchObject({ code: undefined, b2Message: undefined });
    expect(http(42)).toMatchObject({ code: undefined, b2Message: undefined });
  });

  it('takes the string token when code and status come swapped, and no number as a code', () => {
    expect(http({ status: 'service_unavailable', code: 503 })).toMatchObject({
      code: 'service_unavailable',
    });
    expect(http({ status: 503, code: 503 })).toMatchObject({ code: undefined });
    expect(http({ status: 503, message: 7 })).toMatchObject({ b2Message: undefined });
  });

  it('keeps a Retry-After given as text, and none otherwise', () => {
    expect(http({}, { 'retry-after': '5' })).toMatchObject({ retryAfter: '5' });
    expect(http({}, { 'retry-after': 5 })).toMatchObject({ retryAfter: undefined });
    expect(http({}, undefined)).toMatchObject({ retryAfter: undefined });
  });

  it('tells a timeout from another lost answer, and names the error code', () => {
    expect(describeFailure(noAnswer('ECONNABORTED'))).toEqual({
      kind: 'network',
      timedOut: true,
      detail: 'ECONNABORTED',
    });
    expect(describeFailure(noAnswer('ETIMEDOUT'))).toMatchObject({ timedOut: true });
    expect(describeFailure(noAnswer('ECONNREFUSED'))).toEqual({
      kind: 'network',
      timedOut: false,
      detail: 'ECONNREFUSED',
    });
    expect(describeFailure(noAnswer())).toEqual({
      kind: 'network',
      timedOut: false,
      detail: 'no answer',
    });
  });

  it('does not take an object with a response for an axios error', () => {
    expect(describeFailure({ response: { status: 400, data: {} } })).toEqual({
      kind: 'bug',
      detail: 'object',
    });
    expect(describeFailure(null)).toEqual({ kind: 'bug', detail: 'object' });
    expect(describeFailure(undefined)).toEqual({ kind: 'bug', detail: 'undefined' });
  });
});

describe('what a failure means for the next try', () => {
  const http = (status: number, code?: string, b2Message?: string): B2Failure => ({
    kind: 'http',
    status,
    code,
    b2Message,
    retryAfter: undefined,
  });
  const network: B2Failure = { kind: 'network', timedOut: false, detail: 'ECONNRESET' };
  const bug: B2Failure = { kind: 'bug', detail: 'TypeError' };

  it('retries 408, 429, 5xx and lost answers; not 400, 401, 403, 404, 409, or our own bug', () => {
    expect([408, 429, 500, 502, 503].map((s) => isTransient(http(s)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 409].map((s) => isTransient(http(s)))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isTransient(network)).toBe(true);
    expect(isTransient(bug)).toBe(false);
  });

  it('counts a change as possibly made after a 5xx or a lost answer only', () => {
    expect(mayHaveTakenEffect(http(500))).toBe(true);
    expect(mayHaveTakenEffect(http(503))).toBe(true);
    expect(mayHaveTakenEffect(http(499))).toBe(false);
    expect(mayHaveTakenEffect(http(429))).toBe(false);
    expect(mayHaveTakenEffect(network)).toBe(true);
    expect(mayHaveTakenEffect(bug)).toBe(false);
  });

  it('signs in again for a stale token only, not for a key that may not do the call', () => {
    expect(isStaleToken(http(401, 'bad_auth_token'))).toBe(true);
    expect(isStaleToken(http(401, 'expired_auth_token'))).toBe(true);
    expect(isStaleToken(http(401))).toBe(true);
    expect(isStaleToken(http(401, 'unauthorized'))).toBe(false);
    expect(isStaleToken(http(400, 'bad_auth_token'))).toBe(false);
    expect(isStaleToken(network)).toBe(false);
  });

  it('reads the old-API-version refusal from the code or from B2’s words, on 400 and 401 only', () => {
    const words = 'This request is not currently supported on API version number 3';
    expect(isOldApiVersionRefusal(http(401, 'unsupported'))).toBe(true);
    expect(isOldApiVersionRefusal(http(400, 'bad_request', words))).toBe(true);
    expect(isOldApiVersionRefusal(http(400, 'bad_request', 'Invalid bucket name'))).toBe(false);
    expect(isOldApiVersionRefusal(http(403, 'unsupported'))).toBe(false);
    expect(isOldApiVersionRefusal(http(500, 'bad_request', words))).toBe(false);
    expect(isOldApiVersionRefusal(network)).toBe(false);
  });
});
