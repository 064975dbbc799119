// Sessions in Redis, for several instances: one sealed value per session, whose TTL is the idle
// timeout (restarted on use) and never runs past the absolute lifetime. Redis forgets expired
// sessions itself, so sweep has nothing to do.
import type { AccountSummary } from '@b2wiz/shared';
import { randomBytes } from 'node:crypto';
import type { B2Login } from '../b2/b2-types';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import { sessionTtl, type Session, type SessionStore } from '../services/session-store';
import { guarded, keyPart, type Redis } from './redis-client';
import { SealError, type Sealer } from './seal';

export const SESSION_PREFIX = 'b2wiz:session:';

export interface RedisSessionStoreOptions {
  idleMs: number;
  maxLifetimeMs: number;
  clock: Clock;
  logger: Logger;
}

export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly sealer: Sealer,
    private readonly options: RedisSessionStoreOptions,
  ) {}

  private name(id: string): string {
    return SESSION_PREFIX + keyPart(id);
  }

  private async write(stored: Session): Promise<boolean> {
    const ttl = sessionTtl(stored, this.options, this.options.clock.now());
    if (ttl <= 0) {
      await this.redis.del(this.name(stored.id));
      return false;
    }
    const value = this.sealer.sealJson(stored, this.name(stored.id));
    await this.redis.set(this.name(stored.id), value, { expiration: { type: 'PX', value: ttl } });
    return true;
  }

  private async read(id: string): Promise<Session | undefined> {
    const value = await this.redis.get(this.name(id));
    if (value === null) return undefined;
    try {
      return this.sealer.openJson<Session>(value, this.name(id));
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      // Sealed under a key that was retired, or tampered with: the session is over.
      this.options.logger.warn('a stored session did not open; it is dropped', {
        reason: error.message,
      });
      await this.redis.del(this.name(id));
      return undefined;
    }
  }

  create(init: { summary: AccountSummary; login: B2Login }): Promise<Session> {
    return guarded(async () => {
      const now = this.options.clock.now();
      const stored: Session = {
        id: randomBytes(32).toString('base64url'),
        summary: init.summary,
        login: init.login,
        lastSeenAt: now,
        createdAt: now,
      };
      await this.write(stored);
      return stored;
    });
  }

  get(id: string): Promise<Session | undefined> {
    return guarded(async () => {
      const stored = await this.read(id);
      if (!stored) return undefined;
      const touched = { ...stored, lastSeenAt: this.options.clock.now() };
      return (await this.write(touched)) ? touched : undefined;
    });
  }

  saveLogin(id: string, login: B2Login): Promise<void> {
    return guarded(async () => {
      const stored = await this.read(id);
      if (stored) await this.write({ ...stored, login, lastSeenAt: this.options.clock.now() });
    });
  }

  delete(id: string): Promise<boolean> {
    return guarded(async () => (await this.redis.del(this.name(id))) > 0);
  }

  /** While work runs, the TTL is pushed out well before it could end; a crash just stops that. */
  keepAlive(id: string): Promise<() => Promise<void>> {
    const every = Math.max(1000, Math.floor(this.options.idleMs / 3));
    const timer = setInterval(() => {
      this.get(id).catch(() => {
        // Redis away for a moment: the next tick tries again.
      });
    }, every);
    timer.unref();
    let released = false;
    return Promise.resolve(async () => {
      if (released) return;
      released = true;
      clearInterval(timer);
      // The idle time counts from the end of the work.
      await this.get(id);
    });
  }

  sweep(): Promise<string[]> {
    return Promise.resolve([]);
  }

  async ready(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  size(): Promise<number> {
    return guarded(async () => {
      let count = 0;
      for await (const keys of this.redis.scanIterator({
        MATCH: `${SESSION_PREFIX}*`,
        COUNT: 500,
      })) {
        count += keys.length;
      }
      return count;
    });
  }
}
