// The connect rate limit's counts in Redis (rate-limit-redis), shared by every instance. It loads
// its Lua scripts once, so a Redis that was away at start or restarted since would fail it for
// good: this wrapper makes a fresh one after a failure, and a failure is a plain-words 503.
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { RedisStore } from 'rate-limit-redis';
import { storeUnavailable, type Redis } from './redis-client';

export const RATE_LIMIT_PREFIX = 'b2wiz:ratelimit:';
/** The handover read limit's own counts (each limiter needs a store of its own). */
export const HANDOVER_RATE_LIMIT_PREFIX = 'b2wiz:ratelimit:handover:';

export class SharedRateLimitStore implements Store {
  private inner: RedisStore | null = null;
  private options: Options | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix = RATE_LIMIT_PREFIX,
  ) {}

  init(options: Options): void {
    this.options = options;
  }

  private async store(): Promise<RedisStore> {
    if (this.inner) return this.inner;
    const { RedisStore } = await import('rate-limit-redis');
    const store = new RedisStore({
      prefix: this.keyPrefix,
      sendCommand: (...args: string[]) => this.redis.sendCommand(args),
    });
    await store.init(this.options!);
    this.inner = store;
    return store;
  }

  private async run<T>(work: (store: RedisStore) => Promise<T>): Promise<T> {
    try {
      return await work(await this.store());
    } catch {
      this.inner = null;
      throw storeUnavailable();
    }
  }

  increment(key: string): Promise<ClientRateLimitInfo> {
    return this.run((store) => store.increment(key));
  }

  decrement(key: string): Promise<void> {
    return this.run((store) => store.decrement(key));
  }

  resetKey(key: string): Promise<void> {
    return this.run((store) => store.resetKey(key));
  }
}
