// Handover links: a connected session leaves a ciphertext it made in the browser, anyone with the
// link takes it once, and only the sending session may revoke it or see its links listed.
import { createHash } from 'node:crypto';
import {
  HANDOVER_ID_PATTERN,
  type HandoverCiphertext,
  type HandoverCreateRequest,
  type HandoverCreated,
  type HandoverList,
  type HandoverSummary,
} from '@b2wiz/shared';
import type { Clock } from '../clock';
import { AppError } from '../errors/app-error';
import { handoverState, type HandoverRecord, type HandoverStore } from './handover-store';

/** The owner marker of a session: a hash, so the store never holds the cookie's value. */
export function handoverOwner(sessionId: string): string {
  return createHash('sha256').update(`b2wiz handover owner\n${sessionId}`).digest('base64url');
}

function utc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/:\d\d\.\d+Z$/, ' UTC')
    .replace('T', ' ');
}

export function notFound(): AppError {
  return new AppError(
    404,
    'handover_not_found',
    'This handover link is not known here. Part of it may be missing, or it ended more than a week ago.',
  );
}

/** Why a link no longer hands anything out, in words its visitor can act on. */
function gone(record: HandoverRecord, now: number): AppError {
  switch (handoverState(record, now)) {
    case 'revoked':
      return new AppError(
        410,
        'handover_revoked',
        'The person who sent this link revoked it, so what it held was deleted.',
      );
    case 'expired':
      return new AppError(
        410,
        'handover_expired',
        `This link expired on ${utc(record.expiresAt)}, so what it held was deleted.`,
      );
    default:
      return new AppError(
        410,
        'handover_opened',
        'This link was already opened, and a link works only once, so what it held is gone.',
      );
  }
}

export class HandoverService {
  constructor(private readonly deps: { store: HandoverStore; clock: Clock }) {}

  private summary(record: HandoverRecord): HandoverSummary {
    return {
      id: record.id,
      expiresAt: new Date(record.expiresAt).toISOString(),
      state: handoverState(record, this.deps.clock.now()),
    };
  }

  private async find(id: string): Promise<HandoverRecord> {
    const record = HANDOVER_ID_PATTERN.test(id) ? await this.deps.store.find(id) : undefined;
    if (!record) throw notFound();
    return record;
  }

  async create(sessionId: string, request: HandoverCreateRequest): Promise<HandoverCreated> {
    const record = await this.deps.store.create({
      owner: handoverOwner(sessionId),
      ciphertext: request.ciphertext,
      expiresAt: this.deps.clock.now() + request.ttlHours * 3_600_000,
    });
    return { id: record.id, expiresAt: new Date(record.expiresAt).toISOString() };
  }

  /** The ciphertext, to the first caller only. */
  async open(id: string): Promise<HandoverCiphertext> {
    const record = await this.find(id);
    const ciphertext = await this.deps.store.end(id, 'opened');
    if (ciphertext !== null) return { ciphertext };
    // Taken meanwhile (or just now by a second reader): say what became of it.
    throw gone((await this.deps.store.find(id)) ?? record, this.deps.clock.now());
  }

  async revoke(sessionId: string, id: string): Promise<HandoverSummary> {
    const record = await this.find(id);
    if (record.owner !== handoverOwner(sessionId)) {
      throw new AppError(
        403,
        'handover_not_yours',
        'This link was made in another browser session, so it cannot be revoked from here.',
      );
    }
    await this.deps.store.end(id, 'revoked');
    return this.summary((await this.deps.store.find(id)) ?? record);
  }

  async list(sessionId: string): Promise<HandoverList> {
    const records = await this.deps.store.listByOwner(handoverOwner(sessionId));
    return { handovers: records.map((record) => this.summary(record)) };
  }
}
