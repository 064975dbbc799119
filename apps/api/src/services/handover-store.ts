// Where handover links are kept: plain data, apart from sessions (a link outlives the session that
// sent it). The ciphertext goes at its expiry; the record of what became of the link stays a week
// longer, so a late visitor is told "expired" or "already opened" rather than "unknown".
import { randomBytes } from 'node:crypto';
import type { HandoverState } from '@b2wiz/shared';
import type { Clock } from '../clock';

/** How long a link's record (never its ciphertext) is kept after it expired. */
export const HANDOVER_RECORD_GRACE_MS = 7 * 24 * 3_600_000;
/** Links listed per sending session; older ones are still readable, just not listed. */
export const HANDOVERS_LISTED = 50;

export interface HandoverRecord {
  readonly id: string;
  /** A hash of the sending session's id, never the id itself. */
  readonly owner: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** Set once, when the ciphertext was handed out or revoked. */
  readonly ended: { readonly how: 'opened' | 'revoked'; readonly at: number } | null;
}

export interface HandoverStore {
  create(init: { owner: string; ciphertext: string; expiresAt: number }): Promise<HandoverRecord>;
  find(id: string): Promise<HandoverRecord | undefined>;
  /**
   * Removes the ciphertext and records how the link ended, as one step: of two callers at once,
   * only one gets the ciphertext; the other, and any caller after expiry, gets null.
   */
  end(id: string, how: 'opened' | 'revoked'): Promise<string | null>;
  /** The owner's links, newest first. */
  listByOwner(owner: string): Promise<HandoverRecord[]>;
}

export function newHandoverId(): string {
  return randomBytes(16).toString('base64url');
}

export function handoverState(record: HandoverRecord, now: number): HandoverState {
  if (record.ended) return record.ended.how;
  return now >= record.expiresAt ? 'expired' : 'waiting';
}

/** The embedded default: this process's memory, values copied in and out as with Redis. */
export class InMemoryHandoverStore implements HandoverStore {
  private readonly entries = new Map<
    string,
    { record: HandoverRecord; ciphertext: string | null }
  >();

  constructor(private readonly clock: Clock) {}

  /** Drops ciphertexts past their expiry and records past the grace after it. */
  private purge(): void {
    const now = this.clock.now();
    for (const [id, entry] of this.entries) {
      if (now >= entry.record.expiresAt + HANDOVER_RECORD_GRACE_MS) this.entries.delete(id);
      else if (now >= entry.record.expiresAt) entry.ciphertext = null;
    }
  }

  create(init: { owner: string; ciphertext: string; expiresAt: number }): Promise<HandoverRecord> {
    this.purge();
    const record: HandoverRecord = {
      id: newHandoverId(),
      owner: init.owner,
      createdAt: this.clock.now(),
      expiresAt: init.expiresAt,
      ended: null,
    };
    this.entries.set(record.id, { record: structuredClone(record), ciphertext: init.ciphertext });
    return Promise.resolve(record);
  }

  find(id: string): Promise<HandoverRecord | undefined> {
    this.purge();
    const entry = this.entries.get(id);
    return Promise.resolve(entry && structuredClone(entry.record));
  }

  end(id: string, how: 'opened' | 'revoked'): Promise<string | null> {
    this.purge();
    const entry = this.entries.get(id);
    if (!entry || entry.ciphertext === null) return Promise.resolve(null);
    const { ciphertext } = entry;
    entry.ciphertext = null;
    entry.record = { ...entry.record, ended: { how, at: this.clock.now() } };
    return Promise.resolve(ciphertext);
  }

  listByOwner(owner: string): Promise<HandoverRecord[]> {
    this.purge();
    const mine = [...this.entries.values()]
      .map((entry) => entry.record)
      .filter((record) => record.owner === owner)
      .reverse()
      .slice(0, HANDOVERS_LISTED);
    return Promise.resolve(structuredClone(mine));
  }
}
