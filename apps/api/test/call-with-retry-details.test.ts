// The retry pipeline's smaller promises, each of which a mutation run showed untested: what every
// attempt's event says (outcome and duration), that an AppError from a send ends the call as it
// is, which final errors say an earlier attempt may have left a copy, an empty Retry-After, and a
// call's own recovery under the re-authorization wrapper.
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors/app-error';
import type { B2Failure } from '../src/b2/b2-errors';
import { B2CallError } from '../src/b2/b2-call-error';
import {
  callWithRetry,
  FailedAttempt,
  type B2CallEvent,
  type CallContext,
  type RetriedCall,
} from '../src/b2/call-with-retry';
import { withReauthorization } from '../src/b2/reauthorization';
import { DEFAULT_RETRY_POLICY, retryAfterDelay } from '../src/b2/retry-policy';
import { failureOf } from './helpers';

const http = (status: number, code: string) => ({
  isAxiosError: true,
  response: { status, data: { code }, headers: {} },
});
const lost = () => ({ isAxiosError: true, code: 'ECONNRESET' });

function context(maxAttempts = 3) {
  const events: B2CallEvent[] = [];
  const delays: number[] = [];
  const ctx: CallContext = {
    policy: {
      ...DEFAULT_RETRY_POLICY,
      maxAttempts,
      baseDelayMs: 100,
      maxDelayMs: 300,
      random: () => 1,
      sleep: async (ms) => {
        delays.push(ms);
      },
    },
    onCall: (event) => events.push(event),
  };
  return { ctx, events, delays };
}

/** mapError's view of the final failure: did an earlier attempt (or this one) maybe work? */
function mappedBy() {
  const seen: boolean[] = [];
  const mapError = (_f: B2Failure, earlierMayHaveWorked: boolean) => {
    seen.push(earlierMayHaveWorked);
    return new B2CallError(502, 'unexpected_answer', 'mapped');
  };
  return { seen, mapError };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('callWithRetry events', () => {
  it('when an answer is lost, then the event names the network, not a status', async () => {
    const { ctx, events } = context();
    const steps = [lost(), 'ok'];
    let n = 0;
    const send = () => (steps[n++] === 'ok' ? Promise.resolve('x') : Promise.reject(steps[0]));
    await callWithRetry({ name: 'b2_list_buckets', send, idempotent: true }, ctx);
    expect(events.map((e) => [e.call, e.attempt, e.outcome])).toEqual([
      ['b2_list_buckets', 1, 'network'],
      ['b2_list_buckets', 2, 'ok'],
    ]);
  });

  it('when attempts take time, then each event says how long that attempt took', async () => {
    const { ctx, events } = context();
    let n = 0;
    const send = async () => {
      n += 1;
      await wait(30);
      if (n === 1) throw http(503, 'service_unavailable');
      return 'x';
    };
    await callWithRetry({ name: 'b2_list_buckets', send, idempotent: true }, ctx);
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event.durationMs).toBeGreaterThanOrEqual(25);
      expect(event.durationMs).toBeLessThan(5_000);
    }
  });
});

describe('callWithRetry final errors', () => {
  it('when a send throws an AppError, then that error ends the call unchanged, unrepeated', async () => {
    const { ctx, delays } = context();
    const own = new AppError(409, 'bucket_exists', 'taken');
    let sent = 0;
    const send = () => {
      sent += 1;
      return Promise.reject(own);
    };
    expect(await failureOf(callWithRetry({ name: 'x', send, idempotent: true }, ctx))).toBe(own);
    expect(sent).toBe(1);
    expect(delays).toEqual([]);
  });

  it('when a call that leaves copies is refused with a 400, then no copy is said to exist', async () => {
    const { ctx } = context();
    const { seen, mapError } = mappedBy();
    const send = () => Promise.reject(http(400, 'bad_request'));
    const upload = { name: 'b2_upload_file', send, idempotent: true, leavesCopies: true, mapError };
    await failureOf(callWithRetry(upload, ctx));
    expect(seen).toEqual([false]);
  });

  it('when a call that leaves no copies loses its only answer, then no earlier attempt is blamed', async () => {
    const { ctx } = context(1);
    const { seen, mapError } = mappedBy();
    const send = () => Promise.reject(lost());
    await failureOf(callWithRetry({ name: 'b2_list_keys', send, idempotent: true, mapError }, ctx));
    expect(seen).toEqual([false]);
  });

  it('when a call that leaves copies loses its only answer, then that attempt may have left one', async () => {
    const { ctx } = context(1);
    const { seen, mapError } = mappedBy();
    const send = () => Promise.reject(lost());
    const upload = { name: 'b2_upload_file', send, idempotent: true, leavesCopies: true, mapError };
    await failureOf(callWithRetry(upload, ctx));
    expect(seen).toEqual([true]);
  });

  it('FailedAttempt names the kind of failure in its message', () => {
    const failure: B2Failure = { kind: 'network', timedOut: true, detail: 'timeout' };
    expect(new FailedAttempt(failure).message).toBe('attempt failed: network');
  });
});

describe('Retry-After', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 10_000 };

  it.each([undefined, '', '   '])('when the header is %j, then there is no told wait', (header) => {
    expect(retryAfterDelay(header, policy)).toBeNull();
  });

  it('when a 503 comes with an empty Retry-After, then the backoff is used, not a zero wait', async () => {
    const { ctx, delays } = context();
    let n = 0;
    const answer = {
      isAxiosError: true,
      response: { status: 503, data: {}, headers: { 'retry-after': '' } },
    };
    const send = () => (n++ === 0 ? Promise.reject(answer) : Promise.resolve('x'));
    await callWithRetry({ name: 'b2_list_buckets', send, idempotent: true }, ctx);
    expect(delays).toEqual([100]);
  });
});

describe('withReauthorization and a call’s own recovery', () => {
  it('when the call recovers from a failure itself, then the same attempt is sent again at once', async () => {
    const { ctx, delays } = context();
    const session = { generation: 1, reauthorize: async () => undefined };
    const attempts: number[] = [];
    const send = (_p: unknown, attempt: number) => {
      attempts.push(attempt);
      return attempts.length === 1
        ? Promise.reject(http(400, 'bad_request'))
        : Promise.resolve('x');
    };
    const call: RetriedCall<string> = {
      name: 'b2_list_buckets',
      send,
      idempotent: true,
      recover: async (f) => f.kind === 'http' && f.code === 'bad_request',
    };
    expect(await withReauthorization(session, call, ctx)).toEqual({
      value: 'x',
      earlierMayHaveWorked: false,
    });
    expect(attempts).toEqual([1, 1]);
    expect(delays).toEqual([]);
  });
});
