// callWithRetry and withReauthorization on their own, with scripted attempts instead of B2: which
// failures are tried again, how long each wait is, what the final error says, and that a stale
// token leads to exactly one re-authorization.
import { describe, expect, it } from 'vitest';
import type { B2Failure } from '../src/b2/b2-errors';
import {
  callWithRetry,
  FailedAttempt,
  type B2CallEvent,
  type CallContext,
  type RetriedCall,
} from '../src/b2/call-with-retry';
import { withReauthorization } from '../src/b2/reauthorization';
import { DEFAULT_RETRY_POLICY } from '../src/b2/retry-policy';
import { B2CallError } from '../src/b2/b2-call-error';
import { failureOf } from './helpers';

/** What backblaze-b2 (axios) throws for an HTTP answer. */
function http(status: number, code?: string, headers: Record<string, string> = {}) {
  return { isAxiosError: true, response: { status, data: code ? { code } : {}, headers } };
}
/** What axios throws when the connection is lost before an answer. */
const lost = () => ({ isAxiosError: true, code: 'ECONNRESET' });

type Step = 'ok' | object;

/** A send that plays `steps` in order (the last one repeats) and counts its attempts. */
function scripted(steps: Step[]) {
  const sent: number[] = [];
  const send = (_prepared: unknown, attempt: number): Promise<string> => {
    sent.push(attempt);
    const step = steps[Math.min(sent.length - 1, steps.length - 1)]!;
    return step === 'ok' ? Promise.resolve(`answer ${sent.length}`) : Promise.reject(step);
  };
  return { send, sent };
}

function recording(maxAttempts = 5) {
  const delays: number[] = [];
  const events: B2CallEvent[] = [];
  const context: CallContext = {
    policy: {
      ...DEFAULT_RETRY_POLICY,
      maxAttempts,
      baseDelayMs: 100,
      maxDelayMs: 300,
      maxRetryAfterMs: 10_000,
      random: () => 1,
      sleep: async (ms) => {
        delays.push(ms);
      },
    },
    onCall: (event) => events.push(event),
  };
  const outcomes = () => events.map((e) => `${e.attempt}:${e.outcome}`);
  return { context, delays, outcomes };
}

const call = (
  send: RetriedCall<string, unknown>['send'],
  options: Partial<RetriedCall<string, unknown>> = {},
): RetriedCall<string, unknown> => ({ name: 'b2_test_call', send, idempotent: true, ...options });

describe('callWithRetry', () => {
  it('when B2 answers 503 once, then it waits and the second attempt succeeds', async () => {
    const { context, delays, outcomes } = recording();
    const { send, sent } = scripted([http(503, 'service_unavailable'), 'ok']);
    const result = await callWithRetry(call(send), context);
    expect(result).toEqual({ value: 'answer 2', earlierMayHaveWorked: true });
    expect(sent).toEqual([1, 2]);
    expect(delays).toEqual([100]);
    expect(outcomes()).toEqual(['1:503', '2:ok']);
  });

  it('when B2 answers 429 with Retry-After, then that wait is used instead of the backoff, capped', async () => {
    const told = recording();
    const first = scripted([http(429, 'too_many_requests', { 'retry-after': '3' }), 'ok']);
    await callWithRetry(call(first.send), told.context);
    expect(told.delays).toEqual([3000]);

    const capped = recording();
    const second = scripted([http(429, 'too_many_requests', { 'retry-after': '30' }), 'ok']);
    await callWithRetry(call(second.send), capped.context);
    expect(capped.delays).toEqual([10_000]);
    expect(second.sent).toEqual([1, 2]);
  });

  it('when B2 answers 400 or 401 unauthorized, then the call is never repeated', async () => {
    const { context, delays } = recording();
    const bad = scripted([http(400, 'bad_request'), 'ok']);
    expect(await failureOf(callWithRetry(call(bad.send), context))).toMatchObject({
      status: 400,
      code: 'bad_request',
    });
    expect(bad.sent).toEqual([1]);

    const refused = scripted([http(401, 'unauthorized'), 'ok']);
    expect(await failureOf(callWithRetry(call(refused.send), context))).toMatchObject({
      status: 403,
      code: 'unauthorized',
    });
    expect(refused.sent).toEqual([1]);
    expect(delays).toEqual([]);
  });

  it('when an answer is lost, then only an idempotent call is sent again', async () => {
    const { context } = recording();
    const read = scripted([lost(), 'ok']);
    expect(await callWithRetry(call(read.send), context)).toEqual({
      value: 'answer 2',
      earlierMayHaveWorked: true,
    });
    expect(read.sent).toEqual([1, 2]);

    const write = scripted([lost(), 'ok']);
    const error = await failureOf(callWithRetry(call(write.send, { idempotent: false }), context));
    expect(error).toMatchObject({
      status: 502,
      code: 'network_error',
      retryable: true,
      outcomeUnknown: true,
    });
    expect(write.sent).toEqual([1]);
  });

  it('when an answer was lost and the repeat says “done already”, then the call succeeds with no value', async () => {
    const { context } = recording();
    const doneAlready = (f: B2Failure) => f.kind === 'http' && f.code === 'file_not_present';
    const repeat = scripted([lost(), http(400, 'file_not_present')]);
    expect(await callWithRetry(call(repeat.send, { doneAlready }), context)).toEqual({
      value: null,
      earlierMayHaveWorked: true,
    });
    expect(repeat.sent).toEqual([1, 2]);

    // Without a lost answer first, the same answer is the error B2 means.
    const first = scripted([http(400, 'file_not_present')]);
    expect(
      await failureOf(callWithRetry(call(first.send, { doneAlready }), context)),
    ).toMatchObject({ status: 400, code: 'bad_request', outcomeUnknown: false });
  });

  it('when B2 keeps failing, then it gives up after maxAttempts with the mapped error', async () => {
    const { context, delays, outcomes } = recording(3);
    const { send, sent } = scripted([http(503, 'service_unavailable')]);
    const error = await failureOf(callWithRetry(call(send), context));
    expect(error).toMatchObject({
      status: 502,
      code: 'service_unavailable',
      retryable: true,
      outcomeUnknown: true,
      logDetail: 'b2_test_call: HTTP 503 service_unavailable',
    });
    expect(sent).toEqual([1, 2, 3]);
    expect(delays).toEqual([100, 200]);
    expect(outcomes()).toEqual(['1:503', '2:503', '3:503']);
  });

  it('when each attempt needs a preparation and may leave a copy (the upload), then each gets its own and the copies are told', async () => {
    const { context, delays } = recording();
    const prepared: number[] = [];
    const sentOn: string[] = [];
    const upload: RetriedCall<string, string> = {
      name: 'b2_upload_file',
      prepare: async (attempt) => {
        prepared.push(attempt);
        return `url ${attempt}`;
      },
      send: (url, attempt) => {
        sentOn.push(url);
        if (attempt === 1) return Promise.reject(lost());
        if (attempt === 2) return Promise.reject(http(401, 'expired_auth_token'));
        return Promise.resolve('file');
      },
      idempotent: true,
      leavesCopies: true,
      alsoRepeatable: (f) => f.kind === 'http' && f.code === 'expired_auth_token',
    };
    expect(await callWithRetry(upload, context)).toEqual({
      value: 'file',
      earlierMayHaveWorked: true,
    });
    expect(prepared).toEqual([1, 2, 3]);
    expect(sentOn).toEqual(['url 1', 'url 2', 'url 3']);
    expect(delays).toEqual([100, 200]);

    // The last attempt's own lost answer may have left a copy too.
    const once = recording(1);
    const error = await failureOf(
      callWithRetry({ ...upload, send: () => Promise.reject(lost()) }, once.context),
    );
    expect(error).toMatchObject({ code: 'network_error', outcomeUnknown: true });
  });

  it('when a send reads its own answer (S3), then its FailedAttempt and mapError are used', async () => {
    const { context } = recording();
    const failure: B2Failure = {
      kind: 'http',
      status: 403,
      code: 'AccessDenied',
      b2Message: undefined,
      retryAfter: undefined,
    };
    const { send, sent } = scripted([new FailedAttempt(failure)]);
    const mapped: unknown[] = [];
    const mapError = (f: B2Failure, earlierMayHaveWorked: boolean) => {
      mapped.push([f, earlierMayHaveWorked]);
      return new B2CallError(502, 's3_refused', 'refused');
    };
    expect(await failureOf(callWithRetry(call(send, { mapError }), context))).toMatchObject({
      status: 502,
      code: 's3_refused',
    });
    expect(mapped).toEqual([[failure, false]]);
    expect(sent).toEqual([1]);
  });
});

describe('withReauthorization', () => {
  function session() {
    const s = {
      generation: 1,
      reauthorized: 0,
      reauthorize: async () => {
        s.reauthorized += 1;
        s.generation += 1;
      },
    };
    return s;
  }

  it('when the token has expired, then it re-authorizes once and sends the same attempt again', async () => {
    const { context, delays, outcomes } = recording();
    const s = session();
    const { send, sent } = scripted([http(401, 'expired_auth_token'), 'ok']);
    expect(await withReauthorization(s, call(send), context)).toEqual({
      value: 'answer 2',
      earlierMayHaveWorked: false,
    });
    expect(s.reauthorized).toBe(1);
    expect(sent).toEqual([1, 1]);
    expect(delays).toEqual([]);
    expect(outcomes()).toEqual(['1:401', '1:ok']);
  });

  it('when the fresh token is stale again, then the call fails instead of looping', async () => {
    const { context } = recording();
    const s = session();
    const { send, sent } = scripted([http(401, 'expired_auth_token')]);
    const error = await failureOf(withReauthorization(s, call(send), context));
    expect(error).toMatchObject({ status: 401, code: 'expired_auth_token' });
    expect(s.reauthorized).toBe(1);
    expect(sent).toEqual([1, 1]);
  });

  it('when another call renewed the token during the attempt, then it is not renewed again', async () => {
    const { context } = recording();
    const s = session();
    let sends = 0;
    const send = () => {
      sends += 1;
      if (sends > 1) return Promise.resolve('ok');
      s.generation += 1; // another call's re-authorization finished meanwhile
      return Promise.reject(http(401, 'bad_auth_token'));
    };
    await withReauthorization(s, call(send), context);
    expect(s.reauthorized).toBe(0);
    expect(sends).toBe(2);
  });

  it('when a stale token follows a 503, then the attempt budget carries on', async () => {
    const { context, outcomes } = recording(2);
    const s = session();
    const { send, sent } = scripted([http(503), http(401, 'expired_auth_token'), http(503)]);
    const error = await failureOf(withReauthorization(s, call(send), context));
    expect(error).toMatchObject({ status: 502, code: 'service_unavailable' });
    expect(sent).toEqual([1, 2, 2]);
    expect(outcomes()).toEqual(['1:503', '2:401', '2:503']);
  });

  it('when a stale token follows a 503, then the final error still says an earlier attempt may have worked', async () => {
    const { context } = recording();
    const s = session();
    const { send } = scripted([http(503), http(401, 'expired_auth_token'), http(400)]);
    const error = await failureOf(withReauthorization(s, call(send), context));
    expect(error).toMatchObject({ status: 400, code: 'bad_request', outcomeUnknown: true });
    expect(s.reauthorized).toBe(1);
  });

  it('when B2 answers 401 unauthorized, then there is no re-authorization', async () => {
    const { context } = recording();
    const s = session();
    const { send, sent } = scripted([http(401, 'unauthorized')]);
    expect(await failureOf(withReauthorization(s, call(send), context))).toMatchObject({
      status: 403,
      code: 'unauthorized',
    });
    expect(s.reauthorized).toBe(0);
    expect(sent).toEqual([1]);
  });
});
