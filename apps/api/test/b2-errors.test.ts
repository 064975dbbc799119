// What each documented B2 failure becomes: the answer's status and code, whether a retry is
// offered, whether the change may have happened anyway, the form field it points at, and the
// first plain words the user reads. B2's statuses and codes are its documented error table
// (docs/b2-behaviour.md "The error codes we tell apart"); what we answer for each is written out
// here, case by case.
import { describe, expect, it } from 'vitest';
import { describeFailure, toAppError } from '../src/b2/b2-errors';

/** An axios error with B2's JSON error body. */
const refused = (status: number, code?: string, message?: string, headers = {}) => ({
  isAxiosError: true,
  response: { status, data: { status, code, message }, headers },
});
const noAnswer = (code?: string) => ({ isAxiosError: true, ...(code ? { code } : {}) });

function answerTo(
  error: unknown,
  options: Parameters<typeof toAppError>[2] = {},
  call = 'b2_create_bucket',
) {
  const e = toAppError(describeFailure(error), call, options);
  return {
    status: e.status,
    code: e.code,
    retryable: e.retryable ?? false,
    outcomeUnknown: e.outcomeUnknown,
    field: e.field,
    logDetail: e.logDetail,
    message: e.message,
  };
}

describe('a B2 refusal becomes an answer', () => {
  const cases: [string, unknown, Partial<ReturnType<typeof answerTo>>, string][] = [
    [
      '400 duplicate_bucket_name',
      refused(400, 'duplicate_bucket_name'),
      { status: 409, code: 'duplicate_bucket_name', field: 'bucket.name' },
      'That bucket name is already taken.',
    ],
    [
      '400 too_many_buckets',
      refused(400, 'too_many_buckets'),
      { status: 409, code: 'too_many_buckets', field: undefined },
      'This account already has the most buckets B2 allows (100).',
    ],
    [
      '400 file_lock_conflict',
      refused(400, 'file_lock_conflict'),
      { status: 409, code: 'file_lock_conflict', field: 'bucket.objectLock' },
      'Object Lock is on for this bucket, and it can never be turned off.',
    ],
    [
      '400 bad_bucket_id',
      refused(400, 'bad_bucket_id'),
      { status: 404, code: 'bad_bucket_id', field: 'bucket.bucketId' },
      'That bucket no longer exists.',
    ],
    [
      '400 invalid_bucket_id',
      refused(400, 'invalid_bucket_id'),
      { status: 404, code: 'bad_bucket_id', field: 'bucket.bucketId' },
      'That bucket no longer exists.',
    ],
    [
      '401 expired_auth_token',
      refused(401, 'expired_auth_token'),
      { status: 401, code: 'expired_auth_token' },
      'Your connection to Backblaze expired.',
    ],
    [
      '401 bad_auth_token',
      refused(401, 'bad_auth_token'),
      { status: 401, code: 'bad_auth_token' },
      'Your connection to Backblaze is no longer valid.',
    ],
    [
      '401 with no code',
      refused(401),
      { status: 401, code: 'bad_auth_token' },
      'Your connection to Backblaze is no longer valid.',
    ],
    [
      '401 unauthorized',
      refused(401, 'unauthorized'),
      { status: 403, code: 'unauthorized' },
      'This key is not allowed to do that.',
    ],
    [
      '401 email_not_verified',
      refused(401, 'email_not_verified'),
      { status: 403, code: 'email_not_verified', field: 'bucket.type' },
      'Backblaze needs a verified email address before this account can have a public bucket.',
    ],
    [
      '401 no_payment_history',
      refused(401, 'no_payment_history'),
      { status: 403, code: 'no_payment_history', field: 'bucket.type' },
      'Backblaze needs a payment history before this account can have a public bucket.',
    ],
    [
      '403 storage_cap_exceeded',
      refused(403, 'storage_cap_exceeded'),
      { status: 403, code: 'storage_cap_exceeded' },
      'This account has reached its storage cap.',
    ],
    [
      '403 transaction_cap_exceeded',
      refused(403, 'transaction_cap_exceeded'),
      { status: 403, code: 'transaction_cap_exceeded' },
      'This account has reached its daily transaction cap.',
    ],
    [
      '403 access_denied',
      refused(403, 'access_denied'),
      { status: 403, code: 'access_denied' },
      'Backblaze refused access to this account.',
    ],
    [
      '403 with a code of its own',
      refused(403, 'download_cap_exceeded'),
      { status: 403, code: 'cap_exceeded' },
      'This account has reached one of its caps.',
    ],
    [
      '409 conflict',
      refused(409, 'conflict'),
      { status: 409, code: 'conflict' },
      'The bucket was changed by someone else while we were updating it.',
    ],
    [
      '429 too_many_requests',
      refused(429, 'too_many_requests'),
      { status: 429, code: 'too_many_requests', retryable: true, outcomeUnknown: false },
      'Backblaze is asking us to slow down.',
    ],
    [
      '500 internal_error',
      refused(500, 'internal_error'),
      { status: 502, code: 'internal_error', retryable: true, outcomeUnknown: false },
      'Backblaze had an internal error.',
    ],
    [
      '503 service_unavailable',
      refused(503, 'service_unavailable'),
      { status: 502, code: 'service_unavailable', retryable: true, outcomeUnknown: false },
      'Backblaze is busy or briefly unavailable.',
    ],
    [
      '408 request_timeout',
      refused(408, 'request_timeout'),
      { status: 504, code: 'timeout', retryable: true, outcomeUnknown: false },
      'Backblaze took too long to answer.',
    ],
    [
      'no answer (connection reset)',
      noAnswer('ECONNRESET'),
      { status: 502, code: 'network_error', retryable: true, outcomeUnknown: false },
      'We could not reach Backblaze.',
    ],
    [
      'no answer in time (ECONNABORTED)',
      noAnswer('ECONNABORTED'),
      { status: 504, code: 'timeout', retryable: true },
      'Backblaze took too long to answer.',
    ],
    [
      'no answer in time (ETIMEDOUT)',
      noAnswer('ETIMEDOUT'),
      { status: 504, code: 'timeout', retryable: true },
      'Backblaze took too long to answer.',
    ],
  ];

  it.each(cases)('%s', (_name, error, expected, firstWords) => {
    const answer = answerTo(error);
    expect(answer).toMatchObject({ retryable: false, outcomeUnknown: false, ...expected });
    if (expected.field === undefined) expect(answer.field).toBeUndefined();
    expect(answer.message.startsWith(firstWords)).toBe(true);
  });

  it('when a 400 names the setting, then B2’s own words follow ours; without them, ours alone', () => {
    const said = answerTo(
      refused(400, 'bad_request', 'Invalid lifecycle rule: daysFromHidingToDeleting'),
    );
    expect(said).toMatchObject({ status: 400, code: 'bad_request', retryable: false });
    expect(said.message).toMatch(/^Backblaze did not accept one of the settings\./);
    expect(said.message).toMatch(
      / Backblaze said: “Invalid lifecycle rule: daysFromHidingToDeleting”$/,
    );
    const bare = answerTo(refused(400, 'bad_request'));
    expect(bare.message).toMatch(/^Backblaze did not accept one of the settings\./);
    expect(bare.message).not.toContain('Backblaze said');
  });

  it('when B2’s words are longer than 300 characters, then only the first 300 are shown', () => {
    const long = 'x'.repeat(400);
    const said = answerTo(refused(400, 'bad_request', long));
    expect(said.message).toContain(`“${'x'.repeat(300)}”`);
    expect(said.message).not.toContain('x'.repeat(301));
  });

  it('when a change may have happened, then 5xx and lost answers say so, and 4xx do not', () => {
    const changing = { mayHaveTakenEffect: true };
    expect(answerTo(refused(500, 'internal_error'), changing).outcomeUnknown).toBe(true);
    expect(answerTo(refused(408, 'request_timeout'), changing).outcomeUnknown).toBe(true);
    expect(answerTo(noAnswer('ECONNRESET'), changing).outcomeUnknown).toBe(true);
    expect(answerTo(refused(429, 'too_many_requests'), changing).outcomeUnknown).toBe(false);
    expect(answerTo(refused(400, 'duplicate_bucket_name'), changing).outcomeUnknown).toBe(false);
    // An earlier attempt failed after sending: even a clear refusal now leaves it unknown.
    const earlier = { earlierAttemptMayHaveWorked: true };
    expect(answerTo(refused(400, 'duplicate_bucket_name'), earlier)).toMatchObject({
      code: 'duplicate_bucket_name',
      outcomeUnknown: true,
    });
  });

  it('when signing in is refused, then the key ID and key are named, or the API version', () => {
    const signIn = { authorizing: true };
    for (const error of [
      refused(401, 'bad_auth_token'),
      refused(401, 'unauthorized'),
      refused(400, 'bad_request'),
    ]) {
      const answer = answerTo(error, signIn, 'b2_authorize_account');
      expect(answer.message).toMatch(/^Backblaze did not accept this application key ID and key\./);
      expect(answer).toMatchObject({
        status: 401,
        code: 'bad_credentials',
        logDetail: expect.stringMatching(/^b2_authorize_account: HTTP 40[01] /),
      });
    }
    const oldVersion = [
      refused(401, 'unsupported'),
      refused(
        400,
        'bad_request',
        'This request is not currently supported on API version number 3',
      ),
    ];
    for (const error of oldVersion) {
      const answer = answerTo(error, signIn, 'b2_authorize_account');
      expect(answer).toMatchObject({ status: 400, code: 'unsupported' });
      expect(answer.message).toMatch(/^This key only works with a newer version of the B2 API/);
    }
    // Outside sign-in, a 401 is the connection's, not the key's.
    expect(answerTo(refused(401, 'bad_auth_token')).code).toBe('bad_auth_token');
    // A 403 while signing in is not about the key ID and key.
    expect(answerTo(refused(403, 'access_denied'), signIn).code).toBe('access_denied');
  });

  it('when the log line is written, then it names the call, status and code, or the network error', () => {
    expect(answerTo(refused(400, 'duplicate_bucket_name')).logDetail).toBe(
      'b2_create_bucket: HTTP 400 duplicate_bucket_name',
    );
    expect(answerTo(refused(503)).logDetail).toBe('b2_create_bucket: HTTP 503 -');
    expect(answerTo(noAnswer('ECONNRESET')).logDetail).toBe('b2_create_bucket: ECONNRESET');
    expect(answerTo(noAnswer()).logDetail).toBe('b2_create_bucket: no answer');
  });

  it('when the library throws something that is not an HTTP failure, then a 500 that names only its class', () => {
    const answer = answerTo(new TypeError('secret-looking text'));
    expect(answer).toMatchObject({
      status: 500,
      code: 'internal_error',
      retryable: false,
      outcomeUnknown: false,
      message: 'Something went wrong on our side.',
      logDetail: 'b2_create_bucket: TypeError',
    });
    expect(answerTo('a string').logDetail).toBe('b2_create_bucket: string');
  });
});
