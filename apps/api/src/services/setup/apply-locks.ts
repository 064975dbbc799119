// One runner per apply across every instance: a lock per session and idempotencyKey, with an
// expiry (a crashed holder lets go by itself) and a fencing check before each journal write (a
// holder whose lock expired while it stalled must not write over the one that took over).
import { randomBytes } from 'node:crypto';

export interface ApplyLock {
  /** Whether this holder still has the lock (checked before every journal write). */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

export interface ApplyLocks {
  /** The lock, or null when another holder has it. Held until released or `ttlMs` unrenewed. */
  acquire(name: string, ttlMs: number): Promise<ApplyLock | null>;
}

/** A holder renews its lock every third of its lifetime, until it lets go. */
export function renewEvery(ttlMs: number, renew: () => Promise<unknown>): () => void {
  const timer = setInterval(
    () => {
      renew().catch(() => {
        // The store is away for a moment: the fencing check tells if the lock was lost.
      });
    },
    Math.max(50, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

/** The embedded default, for one process. Real time, as a lock's expiry is about a stalled holder. */
export class InMemoryApplyLocks implements ApplyLocks {
  private readonly held = new Map<string, { token: string; until: number }>();

  acquire(name: string, ttlMs: number): Promise<ApplyLock | null> {
    const now = Date.now();
    const current = this.held.get(name);
    if (current && current.until > now) return Promise.resolve(null);
    const token = randomBytes(16).toString('hex');
    this.held.set(name, { token, until: now + ttlMs });
    const mine = () => this.held.get(name)?.token === token;
    const stop = renewEvery(ttlMs, () => {
      if (mine()) this.held.set(name, { token, until: Date.now() + ttlMs });
      return Promise.resolve();
    });
    return Promise.resolve({
      stillHeld: () => Promise.resolve(mine() && this.held.get(name)!.until > Date.now()),
      release: () => {
        stop();
        if (mine()) this.held.delete(name);
        return Promise.resolve();
      },
    });
  }
}

/** The lock, waiting up to `applyWaitMs` while someone else holds it; null when it stayed taken. */
export async function waitForLock(
  locks: ApplyLocks,
  name: string,
  times: { applyLockMs: number; applyWaitMs: number },
): Promise<ApplyLock | null> {
  const until = Date.now() + times.applyWaitMs;
  for (;;) {
    const lock = await locks.acquire(name, times.applyLockMs);
    if (lock) return lock;
    if (Date.now() >= until) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
