// Where each apply's record is kept between requests, by session and idempotencyKey: a retry
// reads what the earlier attempts did (docs/architecture.md "One apply, end to end").
import type { ApplyRecord } from './apply-record';

export interface ApplyRecords {
  get(sessionId: string, idempotencyKey: string): Promise<ApplyRecord | undefined>;
  save(sessionId: string, idempotencyKey: string, record: ApplyRecord): Promise<void>;
  /** Every record of the session, oldest first. */
  list(sessionId: string): Promise<{ idempotencyKey: string; record: ApplyRecord }[]>;
  /** The session ended: its records go with it. */
  forget(sessionId: string): Promise<void>;
}

/** The embedded default. Copies in and out, so only what is saved counts, as with Redis. */
export class InMemoryApplyRecords implements ApplyRecords {
  private readonly bySession = new Map<string, Map<string, ApplyRecord>>();

  /** `maxPerSession`: the oldest records beyond it are dropped. */
  constructor(private readonly maxPerSession: number) {}

  get(sessionId: string, idempotencyKey: string): Promise<ApplyRecord | undefined> {
    const record = this.bySession.get(sessionId)?.get(idempotencyKey);
    return Promise.resolve(record && structuredClone(record));
  }

  save(sessionId: string, idempotencyKey: string, record: ApplyRecord): Promise<void> {
    let records = this.bySession.get(sessionId);
    if (!records) {
      records = new Map();
      this.bySession.set(sessionId, records);
    }
    // Delete first, so the newest write is last in the Map's order.
    records.delete(idempotencyKey);
    records.set(idempotencyKey, structuredClone(record));
    for (const oldest of records.keys()) {
      if (records.size <= this.maxPerSession) break;
      records.delete(oldest);
    }
    return Promise.resolve();
  }

  list(sessionId: string): Promise<{ idempotencyKey: string; record: ApplyRecord }[]> {
    const records = [...(this.bySession.get(sessionId) ?? new Map<string, ApplyRecord>())];
    return Promise.resolve(
      records.map(([idempotencyKey, record]) => ({
        idempotencyKey,
        record: structuredClone(record),
      })),
    );
  }

  forget(sessionId: string): Promise<void> {
    this.bySession.delete(sessionId);
    return Promise.resolve();
  }
}
