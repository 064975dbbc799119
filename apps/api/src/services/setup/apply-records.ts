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

/**
 * The embedded default. Each record is kept as its JSON text, as the Redis store keeps it (there
 * sealed): only what is saved counts, a read is a copy, and a field left undefined is dropped in
 * both stores alike.
 */
export class InMemoryApplyRecords implements ApplyRecords {
  private readonly bySession = new Map<string, Map<string, string>>();

  /** `maxPerSession`: the oldest records beyond it are dropped. */
  constructor(private readonly maxPerSession: number) {}

  get(sessionId: string, idempotencyKey: string): Promise<ApplyRecord | undefined> {
    const saved = this.bySession.get(sessionId)?.get(idempotencyKey);
    return Promise.resolve(saved === undefined ? undefined : (JSON.parse(saved) as ApplyRecord));
  }

  save(sessionId: string, idempotencyKey: string, record: ApplyRecord): Promise<void> {
    // Written out first: a record that cannot be stored leaves the store as it was.
    let text: string;
    try {
      text = JSON.stringify(record);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    let records = this.bySession.get(sessionId);
    if (!records) {
      records = new Map();
      this.bySession.set(sessionId, records);
    }
    // Delete first, so the newest write is last in the Map's order.
    records.delete(idempotencyKey);
    records.set(idempotencyKey, text);
    for (const oldest of records.keys()) {
      if (records.size <= this.maxPerSession) break;
      records.delete(oldest);
    }
    return Promise.resolve();
  }

  list(sessionId: string): Promise<{ idempotencyKey: string; record: ApplyRecord }[]> {
    const records = [...(this.bySession.get(sessionId) ?? new Map<string, string>())];
    return Promise.resolve(
      records.map(([idempotencyKey, saved]) => ({
        idempotencyKey,
        record: JSON.parse(saved) as ApplyRecord,
      })),
    );
  }

  forget(sessionId: string): Promise<void> {
    this.bySession.delete(sessionId);
    return Promise.resolve();
  }
}
