// Apply records in Redis: one hash per session (idempotencyKey → sealed record) and a sorted set
// of when each was last saved, which keeps the history bounded (maxPerSession, oldest dropped).
// Both expire with the session's absolute lifetime and go at once when the session ends.
import type { ApplyRecord } from '../services/setup/apply-record';
import type { ApplyRecords } from '../services/setup/apply-records';
import type { Clock } from '../clock';
import { guarded, keyPart, type Redis } from './redis-client';
import { SealError, type Sealer } from './seal';

export const APPLIES_PREFIX = 'b2wiz:applies:';

export interface RedisApplyRecordsOptions {
  maxPerSession: number;
  lifetimeMs: number;
  clock: Clock;
}

export class RedisApplyRecords implements ApplyRecords {
  constructor(
    private readonly redis: Redis,
    private readonly sealer: Sealer,
    private readonly options: RedisApplyRecordsOptions,
  ) {}

  private names(sessionId: string): { records: string; order: string } {
    const records = APPLIES_PREFIX + keyPart(sessionId);
    return { records, order: `${records}:order` };
  }

  get(sessionId: string, idempotencyKey: string): Promise<ApplyRecord | undefined> {
    return guarded(async () => {
      const { records } = this.names(sessionId);
      const value = await this.redis.hGet(records, idempotencyKey);
      if (value === null || value === undefined) return undefined;
      try {
        return this.sealer.openJson<ApplyRecord>(value, `${records}/${idempotencyKey}`);
      } catch (error) {
        if (error instanceof SealError) return undefined;
        throw error;
      }
    });
  }

  save(sessionId: string, idempotencyKey: string, record: ApplyRecord): Promise<void> {
    return guarded(async () => {
      const { records, order } = this.names(sessionId);
      const value = this.sealer.sealJson(record, `${records}/${idempotencyKey}`);
      const { lifetimeMs, maxPerSession, clock } = this.options;
      await this.redis
        .multi()
        .hSet(records, idempotencyKey, value)
        .zAdd(order, { score: clock.now(), value: idempotencyKey })
        .pExpire(records, lifetimeMs)
        .pExpire(order, lifetimeMs)
        .exec();
      const excess = (await this.redis.zCard(order)) - maxPerSession;
      if (excess > 0) {
        const oldest = await this.redis.zRange(order, 0, excess - 1);
        await this.redis.multi().hDel(records, oldest).zRem(order, oldest).exec();
      }
    });
  }

  list(sessionId: string): Promise<{ idempotencyKey: string; record: ApplyRecord }[]> {
    return guarded(async () => {
      const { records, order } = this.names(sessionId);
      const keys = await this.redis.zRange(order, 0, -1);
      const found: { idempotencyKey: string; record: ApplyRecord }[] = [];
      for (const idempotencyKey of keys) {
        const value = await this.redis.hGet(records, idempotencyKey);
        if (value === null || value === undefined) continue;
        try {
          const record = this.sealer.openJson<ApplyRecord>(value, `${records}/${idempotencyKey}`);
          found.push({ idempotencyKey, record });
        } catch (error) {
          if (!(error instanceof SealError)) throw error;
        }
      }
      return found;
    });
  }

  forget(sessionId: string): Promise<void> {
    return guarded(async () => {
      const { records, order } = this.names(sessionId);
      await this.redis.del([records, order]);
    });
  }
}
