// Apply locks in Redis: SET NX PX with a random token, renewed while held; renewal, the fencing
// check and release only act when the token is still this holder's.
import { randomBytes } from 'node:crypto';
import { renewEvery, type ApplyLock, type ApplyLocks } from '../services/setup/apply-locks';
import { guarded, keyPart, type Redis } from './redis-client';

export const LOCK_PREFIX = 'b2wiz:lock:';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RedisApplyLocks implements ApplyLocks {
  constructor(private readonly redis: Redis) {}

  acquire(name: string, ttlMs: number): Promise<ApplyLock | null> {
    return guarded(async () => {
      const key = LOCK_PREFIX + keyPart(name);
      const token = randomBytes(16).toString('hex');
      const set = await this.redis.set(key, token, {
        condition: 'NX',
        expiration: { type: 'PX', value: ttlMs },
      });
      if (set !== 'OK') return null;
      const stop = renewEvery(ttlMs, () =>
        this.redis.eval(RENEW, { keys: [key], arguments: [token, String(ttlMs)] }),
      );
      return {
        stillHeld: () => guarded(async () => (await this.redis.get(key)) === token),
        release: async () => {
          stop();
          await this.redis.eval(RELEASE, { keys: [key], arguments: [token] }).catch(() => {
            // Unreleased, it expires on its own.
          });
        },
      };
    });
  }
}
