// Test wiring for several instances: one real redis-server, one emulator, and `count` apps, each
// with its own Redis connection and the same sealing key, as separate processes would have.
import { randomBytes } from 'node:crypto';
import type { Emulator } from '@b2wiz/b2-emulator';
import type { AppConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { RedisApplyLocks } from '../../src/stores/redis-apply-locks';
import { RedisApplyRecords } from '../../src/stores/redis-apply-records';
import {
  HANDOVER_RATE_LIMIT_PREFIX,
  SharedRateLimitStore,
} from '../../src/stores/redis-rate-limit';
import { RedisHandoverStore } from '../../src/stores/redis-handover-store';
import { connectRedis, type Redis } from '../../src/stores/redis-client';
import { RedisSessionStore } from '../../src/stores/redis-session-store';
import { Sealer } from '../../src/stores/seal';
import { startApp, startEmulator, TestClock, type TestApp } from '../helpers';
import { startRedisServer, type RedisServer } from './redis-server';

export const IDLE_MS = 30 * 60_000;
export const LIFETIME_MS = 8 * 3_600_000;

export interface RedisApps {
  server: RedisServer;
  emulator: Emulator;
  apps: TestApp[];
  /** A Redis connection of the tests' own, for looking and meddling. */
  probe: Redis;
  close(): Promise<void>;
}

export async function startRedisApps(
  count: number,
  config: Partial<AppConfig> = {},
): Promise<RedisApps> {
  const server = await startRedisServer();
  const emulator = await startEmulator();
  const sealer = new Sealer(randomBytes(32));
  const logger = createLogger('silent');
  const clients: Redis[] = [];
  const apps: TestApp[] = [];
  for (let i = 0; i < count; i += 1) {
    const redis = await connectRedis(server.url, logger);
    clients.push(redis);
    const clock = new TestClock(Date.now());
    const limits = { idleMs: IDLE_MS, maxLifetimeMs: LIFETIME_MS };
    apps.push(
      await startApp({
        b2ApiUrl: emulator.url,
        config,
        shared: {
          clock,
          sessions: new RedisSessionStore(redis, sealer, { ...limits, clock, logger }),
          records: new RedisApplyRecords(redis, sealer, {
            maxPerSession: 20,
            lifetimeMs: LIFETIME_MS,
            clock,
          }),
          locks: new RedisApplyLocks(redis),
          rateLimitStore: new SharedRateLimitStore(redis),
          handovers: new RedisHandoverStore(redis, sealer, clock),
          handoverRateLimitStore: new SharedRateLimitStore(redis, HANDOVER_RATE_LIMIT_PREFIX),
        },
      }),
    );
  }
  const probe = await connectRedis(server.url, logger);
  return {
    server,
    emulator,
    apps,
    probe,
    async close() {
      for (const app of apps) await app.close();
      for (const client of [...clients, probe]) await client.close().catch(() => undefined);
      await emulator.close();
      await server.close();
    },
  };
}
