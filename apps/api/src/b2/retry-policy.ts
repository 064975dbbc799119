// When and how long callWithRetry waits before trying a B2 call again: capped exponential
// backoff with jitter, or the server's Retry-After when it sends one.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The first backoff; each further one doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server's Retry-After is honoured up to this long. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1); jitter spreads retries of many sessions apart. */
  random: () => number;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 16_000,
  maxRetryAfterMs: 60_000,
  sleep,
  random: Math.random,
};

/** Capped exponential backoff with jitter in the upper half, for the n-th retry (1-based). */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}

/** Retry-After is seconds or an HTTP date; answers null when absent or unreadable. */
export function retryAfterDelay(
  header: string | undefined,
  policy: RetryPolicy,
  now: number = Date.now(),
): number | null {
  if (header === undefined || header.trim() === '') return null;
  const seconds = Number(header);
  let ms: number;
  if (Number.isFinite(seconds)) ms = seconds * 1000;
  else {
    const date = Date.parse(header);
    if (Number.isNaN(date)) return null;
    ms = date - now;
  }
  return Math.min(Math.max(0, ms), policy.maxRetryAfterMs);
}
