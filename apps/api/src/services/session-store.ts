// Sessions as plain data: the account summary, the B2 sign-in and the last use. Nothing live is
// kept here (the connection is rebuilt from `login` for each request, in session-service.ts), so
// a store shared by several processes can hold them.
import { randomBytes } from 'node:crypto';
import type { AccountSummary } from '@b2wiz/shared';
import type { B2Login } from '../b2/b2-types';
import type { Clock } from '../clock';

export interface Session {
  readonly id: string;
  readonly summary: AccountSummary;
  /** The authorization B2 returned and the base URL it came from: secrets, sealed at rest. */
  readonly login: B2Login;
  readonly createdAt: number;
  readonly lastSeenAt: number;
}

export interface SessionStore {
  create(init: { summary: AccountSummary; login: B2Login }): Promise<Session>;
  /** The session, its idle timer restarted; undefined when unknown or idle too long. */
  get(id: string): Promise<Session | undefined>;
  /** Keeps a renewed sign-in (a re-authorization replaced the token). */
  saveLogin(id: string, login: B2Login): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Work in progress: the session does not expire until the returned release is called. */
  keepAlive(id: string): Promise<() => Promise<void>>;
  /** Forgets every session idle too long; answers their ids. */
  sweep(): Promise<string[]>;
  size(): Promise<number>;
  /** Whether the store answers (GET /api/ready). */
  ready(): Promise<boolean>;
}

/** How long a session may live from now: its idle time, cut at its absolute lifetime. */
export function sessionTtl(
  session: Session,
  limits: { idleMs: number; maxLifetimeMs: number },
  now: number,
): number {
  const idleLeft = session.lastSeenAt + limits.idleMs - now;
  const lifeLeft = session.createdAt + limits.maxLifetimeMs - now;
  return Math.min(idleLeft, lifeLeft);
}

/** A copy nobody can change: what the in-memory store keeps and hands out. */
function frozenCopy<T>(value: T): T {
  const freeze = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    Object.freeze(v);
    for (const inner of Object.values(v)) freeze(inner);
  };
  const copy = structuredClone(value);
  freeze(copy);
  return copy;
}

/**
 * The embedded default: one process's memory. Values go in as copies, as with Redis; what comes
 * out is frozen, so it is shared, not copied again (a caller cannot change what is stored).
 */
export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** Work in progress per session id. */
  private readonly holds = new Map<string, number>();

  constructor(
    private readonly idleMs: number,
    private readonly clock: Clock,
    private readonly maxLifetimeMs = 8 * 3_600_000,
  ) {}

  create(init: { summary: AccountSummary; login: B2Login }): Promise<Session> {
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      summary: init.summary,
      login: init.login,
      createdAt: this.clock.now(),
      lastSeenAt: this.clock.now(),
    };
    this.sessions.set(session.id, frozenCopy(session));
    return Promise.resolve(session);
  }

  private expired(session: Session): boolean {
    const now = this.clock.now();
    const limits = { idleMs: this.idleMs, maxLifetimeMs: this.maxLifetimeMs };
    // Work in progress holds off the idle timeout, never the absolute lifetime.
    if ((this.holds.get(session.id) ?? 0) > 0) return now - session.createdAt > this.maxLifetimeMs;
    return sessionTtl(session, limits, now) < 0;
  }

  /** The stored session, or undefined (and forgotten) once it has expired. */
  private live(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (session && this.expired(session)) this.sessions.delete(id);
    return this.sessions.get(id);
  }

  private touch(id: string, change?: Partial<Session>): Session | undefined {
    const session = this.live(id);
    if (!session) return undefined;
    const next = Object.freeze({
      ...session,
      ...(change && frozenCopy(change)),
      lastSeenAt: this.clock.now(),
    });
    this.sessions.set(id, next);
    return next;
  }

  get(id: string): Promise<Session | undefined> {
    const session = this.touch(id);
    return Promise.resolve(session);
  }

  saveLogin(id: string, login: B2Login): Promise<void> {
    this.touch(id, { login });
    return Promise.resolve();
  }

  delete(id: string): Promise<boolean> {
    this.holds.delete(id);
    return Promise.resolve(this.sessions.delete(id));
  }

  keepAlive(id: string): Promise<() => Promise<void>> {
    this.holds.set(id, (this.holds.get(id) ?? 0) + 1);
    let released = false;
    return Promise.resolve(() => {
      if (!released) {
        released = true;
        // The idle time counts from the end of the work, not from its start.
        this.touch(id);
        const left = (this.holds.get(id) ?? 1) - 1;
        if (left > 0) this.holds.set(id, left);
        else this.holds.delete(id);
      }
      return Promise.resolve();
    });
  }

  sweep(): Promise<string[]> {
    const forgotten: string[] = [];
    for (const [id, session] of this.sessions) {
      if (this.expired(session)) {
        this.sessions.delete(id);
        forgotten.push(id);
      }
    }
    return Promise.resolve(forgotten);
  }

  size(): Promise<number> {
    return Promise.resolve(this.sessions.size);
  }

  ready(): Promise<boolean> {
    return Promise.resolve(true);
  }
}
