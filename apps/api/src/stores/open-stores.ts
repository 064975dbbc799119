// Which stores hold sessions and apply records: this process's memory (the embedded default),
// or Redis when REDIS_URL is set, sealed under SESSION_ENCRYPTION_KEY.
import type { Store } from 'express-rate-limit';
import type { Clock } from '../clock';
import type { AppConfig, Env } from '../config';
import { ConfigError } from '../config';
import type { Logger } from '../logging/logger';
import { InMemoryHandoverStore, type HandoverStore } from '../services/handover-store';
import { InMemorySessionStore, type SessionStore } from '../services/session-store';
import { InMemoryApplyLocks, type ApplyLocks } from '../services/setup/apply-locks';
import { InMemoryApplyRecords, type ApplyRecords } from '../services/setup/apply-records';
import { RedisApplyLocks } from './redis-apply-locks';
import { HANDOVER_RATE_LIMIT_PREFIX, SharedRateLimitStore } from './redis-rate-limit';
import { RedisApplyRecords } from './redis-apply-records';
import { connectRedis } from './redis-client';
import { RedisHandoverStore } from './redis-handover-store';
import { RedisSessionStore } from './redis-session-store';
import { readEncryptionKey, Sealer } from './seal';

export interface Stores {
  kind: 'memory' | 'redis';
  sessions: SessionStore;
  records: ApplyRecords;
  locks: ApplyLocks;
  /** undefined: express-rate-limit's own memory store. */
  rateLimitStore?: Store;
  /** Handover links: apart from sessions, so ending a session leaves its links working. */
  handovers: HandoverStore;
  handoverRateLimitStore?: Store;
  close(): Promise<void>;
}

/** The sealer of SESSION_ENCRYPTION_KEY and the retired keys, or a ConfigError naming the bad one. */
export function sealerFromEnv(
  env: Pick<Env, 'SESSION_ENCRYPTION_KEY' | 'SESSION_ENCRYPTION_KEYS_OLD'>,
): Sealer {
  const read = (name: string, value: string): Buffer => {
    const key = readEncryptionKey(value);
    if (typeof key === 'string')
      throw new ConfigError(`Bad setting in the environment:\n  ${name}: ${key}`);
    return key;
  };
  if (!env.SESSION_ENCRYPTION_KEY) {
    throw new ConfigError('Bad setting in the environment:\n  SESSION_ENCRYPTION_KEY: is required');
  }
  const current = read('SESSION_ENCRYPTION_KEY', env.SESSION_ENCRYPTION_KEY);
  const old = (env.SESSION_ENCRYPTION_KEYS_OLD ?? '')
    .split(',')
    .filter((v) => v.trim() !== '')
    .map((v) => read('SESSION_ENCRYPTION_KEYS_OLD', v));
  return new Sealer(current, old);
}

export async function openStores(
  env: Pick<Env, 'REDIS_URL' | 'SESSION_ENCRYPTION_KEY' | 'SESSION_ENCRYPTION_KEYS_OLD'>,
  config: AppConfig,
  clock: Clock,
  logger: Logger,
): Promise<Stores> {
  if (!env.REDIS_URL) {
    return {
      kind: 'memory',
      sessions: new InMemorySessionStore(config.sessionIdleMs, clock, config.sessionMaxMs),
      records: new InMemoryApplyRecords(config.maxAppliesPerSession),
      locks: new InMemoryApplyLocks(),
      handovers: new InMemoryHandoverStore(clock),
      close: () => Promise.resolve(),
    };
  }
  const sealer = sealerFromEnv(env);
  const redis = await connectRedis(env.REDIS_URL, logger);
  const limits = { idleMs: config.sessionIdleMs, maxLifetimeMs: config.sessionMaxMs };
  return {
    kind: 'redis',
    sessions: new RedisSessionStore(redis, sealer, { ...limits, clock, logger }),
    records: new RedisApplyRecords(redis, sealer, {
      maxPerSession: config.maxAppliesPerSession,
      lifetimeMs: config.sessionMaxMs,
      clock,
    }),
    locks: new RedisApplyLocks(redis),
    rateLimitStore: new SharedRateLimitStore(redis),
    handovers: new RedisHandoverStore(redis, sealer, clock),
    handoverRateLimitStore: new SharedRateLimitStore(redis, HANDOVER_RATE_LIMIT_PREFIX),
    close: async () => {
      await redis.close().catch(() => undefined);
    },
  };
}
