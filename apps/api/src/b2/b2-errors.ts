// Turns what backblaze-b2 (axios) throws into a B2Failure, and a B2Failure into an AppError whose
// words come from shared's b2ErrorText. Nothing from the request (headers, tokens, keys) survives.
import { b2ErrorText } from '@b2wiz/shared';
import { B2CallError } from './b2-call-error';

export type B2Failure =
  | {
      kind: 'http';
      status: number;
      code: string | undefined;
      /** B2's own words; shown only for 400s, where they name the setting. */
      b2Message: string | undefined;
      retryAfter: string | undefined;
    }
  | { kind: 'network'; timedOut: boolean; detail: string }
  | { kind: 'bug'; detail: string };

interface AxiosLikeError {
  isAxiosError?: boolean;
  code?: string;
  message?: string;
  response?: { status: number; data?: unknown; headers?: Record<string, unknown> };
}

function b2Body(data: unknown): { code?: string; message?: string } {
  let body = data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return {};
    }
  }
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  // b2sdk has met a 503 with code and status swapped; take whichever is the string token.
  const code =
    typeof record.code === 'string'
      ? record.code
      : typeof record.status === 'string'
        ? record.status
        : undefined;
  const message = typeof record.message === 'string' ? record.message.slice(0, 300) : undefined;
  return { code, message };
}

export function describeFailure(error: unknown): B2Failure {
  const e = error as AxiosLikeError;
  if (e && e.isAxiosError) {
    if (e.response) {
      const { code, message } = b2Body(e.response.data);
      const retryAfter = e.response.headers?.['retry-after'];
      return {
        kind: 'http',
        status: e.response.status,
        code,
        b2Message: message,
        retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
      };
    }
    const timedOut = e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT';
    return { kind: 'network', timedOut, detail: e.code ?? 'no answer' };
  }
  // Only the class name: a library message could quote a header.
  const name = error instanceof Error ? error.constructor.name : typeof error;
  return { kind: 'bug', detail: name };
}

/** Worth another try: B2 asked us to slow down, failed on its side, or did not answer. */
export function isTransient(failure: B2Failure): boolean {
  if (failure.kind === 'network') return true;
  if (failure.kind !== 'http') return false;
  return failure.status === 429 || failure.status === 408 || failure.status >= 500;
}

/** An attempt that failed this way may still have done its work on B2's side. */
export function mayHaveTakenEffect(failure: B2Failure): boolean {
  return failure.kind === 'network' || (failure.kind === 'http' && failure.status >= 500);
}

/** A stale account token, which one re-authorization fixes (not 401 `unauthorized`). */
export function isStaleToken(failure: B2Failure): boolean {
  return (
    failure.kind === 'http' &&
    failure.status === 401 &&
    (failure.code === 'bad_auth_token' ||
      failure.code === 'expired_auth_token' ||
      failure.code === undefined)
  );
}

/**
 * v1-v3 b2_authorize_account refusing a key made through v4: users see 400 bad_request "This
 * request is not currently supported on API version number N"; B2's error table names 401
 * `unsupported`. Both mean "authorize on v4" (docs/b2-behaviour.md "API versions").
 */
export function isOldApiVersionRefusal(failure: B2Failure): boolean {
  if (failure.kind !== 'http' || (failure.status !== 400 && failure.status !== 401)) return false;
  return (
    failure.code === 'unsupported' ||
    /not currently supported on API version/i.test(failure.b2Message ?? '')
  );
}

function text(code: string | undefined, status: number | undefined): string {
  const t = b2ErrorText(code, status);
  return `${t.message} ${t.next}`;
}

/**
 * The AppError for a failed call. `mayHaveTakenEffect` is true for calls that change something,
 * where a lost answer leaves the outcome unknown.
 */
export function toAppError(
  failure: B2Failure,
  call: string,
  options: {
    authorizing?: boolean;
    mayHaveTakenEffect?: boolean;
    /** An earlier attempt of this call failed after sending: whatever this answer says, it may have worked. */
    earlierAttemptMayHaveWorked?: boolean;
  } = {},
): B2CallError {
  const error = mapFailure(failure, call, options);
  return options.earlierAttemptMayHaveWorked && !error.outcomeUnknown
    ? error.with({ outcomeUnknown: true })
    : error;
}

function mapFailure(
  failure: B2Failure,
  call: string,
  options: { authorizing?: boolean; mayHaveTakenEffect?: boolean },
): B2CallError {
  if (failure.kind === 'bug') {
    return new B2CallError(500, 'internal_error', 'Something went wrong on our side.', {
      logDetail: `${call}: ${failure.detail}`,
    });
  }
  if (failure.kind === 'network') {
    const code = failure.timedOut ? 'timeout' : 'network_error';
    return new B2CallError(failure.timedOut ? 504 : 502, code, text(code, undefined), {
      retryable: true,
      outcomeUnknown: options.mayHaveTakenEffect ?? false,
      logDetail: `${call}: ${failure.detail}`,
    });
  }

  const { status, code } = failure;
  const logDetail = `${call}: HTTP ${status} ${code ?? '-'}`;
  if (options.authorizing && (status === 401 || status === 400)) {
    if (isOldApiVersionRefusal(failure)) {
      return new B2CallError(400, 'unsupported', text('unsupported', status), { logDetail });
    }
    return new B2CallError(401, 'bad_credentials', text('bad_credentials', status), { logDetail });
  }
  if (status === 429) {
    return new B2CallError(429, 'too_many_requests', text('too_many_requests', status), {
      retryable: true,
      logDetail,
    });
  }
  if (status >= 500 || status === 408) {
    const ours =
      status === 503 ? 'service_unavailable' : status === 408 ? 'timeout' : 'internal_error';
    return new B2CallError(status === 408 ? 504 : 502, ours, text(ours, status), {
      retryable: true,
      outcomeUnknown: options.mayHaveTakenEffect ?? false,
      logDetail,
    });
  }
  if (status === 409)
    return new B2CallError(409, 'conflict', text('conflict', status), { logDetail });
  if (status === 401) {
    if (code === 'email_not_verified' || code === 'no_payment_history') {
      return new B2CallError(403, code, text(code, status), { field: 'bucket.type', logDetail });
    }
    if (code === 'unauthorized') {
      return new B2CallError(403, 'unauthorized', text(code, status), { logDetail });
    }
    const ours = code === 'expired_auth_token' ? code : 'bad_auth_token';
    return new B2CallError(401, ours, text(ours, status), { logDetail });
  }
  if (status === 403) {
    const caps = ['storage_cap_exceeded', 'transaction_cap_exceeded', 'access_denied'] as const;
    const ours = caps.find((c) => c === code) ?? 'cap_exceeded';
    return new B2CallError(403, ours, text(ours, status), { logDetail });
  }
  switch (code) {
    case 'duplicate_bucket_name':
      return new B2CallError(409, code, text(code, status), { field: 'bucket.name', logDetail });
    case 'too_many_buckets':
      return new B2CallError(409, code, text(code, status), { logDetail });
    case 'file_lock_conflict':
      return new B2CallError(409, code, text(code, status), {
        field: 'bucket.objectLock',
        logDetail,
      });
    case 'bad_bucket_id':
    case 'invalid_bucket_id':
      return new B2CallError(404, 'bad_bucket_id', text('bad_bucket_id', status), {
        field: 'bucket.bucketId',
        logDetail,
      });
  }
  // A 400 names the setting B2 disliked in its own words, which hold no secret.
  const said = failure.b2Message ? ` Backblaze said: “${failure.b2Message}”` : '';
  return new B2CallError(400, 'bad_request', `${text('bad_request', status)}${said}`, {
    logDetail,
  });
}
