// The one retry pipeline every B2 call goes through: the native calls (b2-gateway.ts, wrapped in
// the re-authorization of reauthorization.ts), the upload (a fresh upload URL per attempt) and
// the S3-compatible calls of the key check (s3-client.ts). It owns the attempt loop, the backoff,
// Retry-After, the onCall events and the final error. It knows nothing of tokens: a failure that
// some outer step can fix (a stale account token) is that step's `recover`.
import { AppError } from '../errors/app-error';
import type { B2CallError } from './b2-call-error';
import {
  describeFailure,
  isTransient,
  mayHaveTakenEffect,
  toAppError,
  type B2Failure,
} from './b2-errors';
import { backoffDelay, retryAfterDelay, type RetryPolicy } from './retry-policy';

export interface B2CallEvent {
  call: string;
  attempt: number;
  /** 'ok', an HTTP status, or 'network'. */
  outcome: string;
  durationMs: number;
  /** The API request the call was made for (set by the gateway's forRequest views). */
  requestId?: string;
}

/** Where a call runs: the retry policy, and who is told about every attempt. */
export interface CallContext {
  policy: RetryPolicy;
  /** Told about every attempt (for debug logs); never given a token or a body. */
  onCall?: (event: B2CallEvent) => void;
  /** Put on every event: the API request the calls are made for. */
  requestId?: string;
}

/** Thrown by a `send` that already knows how its attempt failed (S3 reads its own answers). */
export class FailedAttempt extends Error {
  constructor(readonly failure: B2Failure) {
    super(`attempt failed: ${failure.kind}`);
  }
}

export interface RetriedCall<T, P = undefined> {
  /** The B2 (or S3) call's name, for events and error log details. */
  name: string;
  /**
   * Runs before each attempt, outside its timing; its own failure ends the call as it is (the
   * upload's fresh upload URL, itself a call with its own retries).
   */
  prepare?: (attempt: number) => Promise<P>;
  /** One attempt. An AppError it throws ends the call unchanged. */
  send: (prepared: P, attempt: number) => Promise<T>;
  /** Safe to send again after a lost answer (reads, and deletes of one named thing). */
  idempotent: boolean;
  /** After an attempt whose answer was lost, this answer means that attempt did the work. */
  doneAlready?: (failure: B2Failure) => boolean;
  /**
   * Each attempt that fails after sending may leave a copy behind (an upload makes a new version
   * every time): the final error counts the failed attempt itself as one that may have worked.
   */
  leavesCopies?: boolean;
  /**
   * For a call that must not be repeated blindly after a failure that may have taken effect
   * (b2_create_key after a 5xx: a repeat would make a second key). A function undoes what the
   * failed attempt may have done, and then the call is repeated as usual; null never repeats
   * such a failure. Unset: repeated as usual.
   */
  undoBeforeRepeat?: ((failure: B2Failure) => Promise<void>) | null;
  /** Failures besides the transient ones that another attempt can fix. */
  alsoRepeatable?: (failure: B2Failure) => boolean;
  /**
   * Asked before the repeat rule; true sends the same attempt again, not counted and without a
   * wait, once the outer step has fixed things (see withReauthorization).
   */
  recover?: (failure: B2Failure) => Promise<boolean>;
  /** What a thrown error means; describeFailure (backblaze-b2's axios errors) by default. */
  describe?: (error: unknown) => B2Failure;
  /** b2_authorize_account: a 400 or 401 is about the key itself. */
  authorizing?: boolean;
  /** The final error, when the default mapping (toAppError) is not the right words. */
  mapError?: (failure: B2Failure, earlierMayHaveWorked: boolean) => B2CallError | undefined;
}

export interface CallResult<T> {
  /** The answer; null when `doneAlready` said a lost earlier attempt did the work. */
  value: T | null;
  /** An earlier attempt failed in a way that may have done the work (lost answer, 5xx). */
  earlierMayHaveWorked: boolean;
}

const outcomeOf = (failure: B2Failure): string =>
  failure.kind === 'http' ? String(failure.status) : failure.kind;

/**
 * Runs one call under the retry policy: 429 (Retry-After honoured), 408 and 5xx are tried again
 * with capped exponential backoff; a lost answer only when the call is idempotent. 400 and 401
 * are never repeated unless the call says so (`recover`, `alsoRepeatable`), and no call here
 * says so for 401 `unauthorized`.
 */
export async function callWithRetry<T, P = undefined>(
  call: RetriedCall<T, P>,
  { policy, onCall, requestId }: CallContext,
): Promise<CallResult<T>> {
  const tell = (attempt: number, outcome: string, started: number) => {
    if (!onCall) return;
    const event: B2CallEvent = {
      call: call.name,
      attempt,
      outcome,
      durationMs: Date.now() - started,
    };
    if (requestId !== undefined) event.requestId = requestId;
    onCall(event);
  };
  const describe = call.describe ?? describeFailure;
  let earlierMayHaveWorked = false;
  for (let attempt = 1; ; attempt += 1) {
    const prepared = call.prepare ? await call.prepare(attempt) : (undefined as P);
    const started = Date.now();
    let failure: B2Failure;
    try {
      const value = await call.send(prepared, attempt);
      tell(attempt, 'ok', started);
      return { value, earlierMayHaveWorked };
    } catch (error) {
      if (error instanceof AppError) throw error;
      failure = error instanceof FailedAttempt ? error.failure : describe(error);
    }
    tell(attempt, outcomeOf(failure), started);

    if (earlierMayHaveWorked && call.doneAlready?.(failure)) {
      return { value: null, earlierMayHaveWorked };
    }
    if (call.recover && (await call.recover(failure))) {
      attempt -= 1;
      continue;
    }
    const undo = mayHaveTakenEffect(failure) ? call.undoBeforeRepeat : undefined;
    const mayRepeat =
      ((isTransient(failure) && (failure.kind === 'http' || call.idempotent)) ||
        (call.alsoRepeatable?.(failure) ?? false)) &&
      undo !== null;
    if (!mayRepeat || attempt >= policy.maxAttempts) {
      const mayHaveWorked =
        earlierMayHaveWorked || (call.leavesCopies === true && mayHaveTakenEffect(failure));
      throw (
        call.mapError?.(failure, mayHaveWorked) ??
        toAppError(failure, call.name, {
          authorizing: call.authorizing ?? false,
          mayHaveTakenEffect: !call.idempotent,
          earlierAttemptMayHaveWorked: mayHaveWorked,
        })
      );
    }
    if (undo) await undo(failure);
    else earlierMayHaveWorked ||= mayHaveTakenEffect(failure);
    const told = failure.kind === 'http' ? retryAfterDelay(failure.retryAfter, policy) : null;
    await policy.sleep(told ?? backoffDelay(policy, attempt));
  }
}
