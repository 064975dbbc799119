// Handover links in Redis, apart from sessions: per link a sealed record and a sealed ciphertext
// (its TTL the link's expiry), and per sending session a sealed list of its link ids. Key names
// carry hashes only. Handing out and revoking are one Lua step (GETDEL), so one reader wins.
import {
  HANDOVER_RECORD_GRACE_MS,
  HANDOVERS_LISTED,
  newHandoverId,
  type HandoverRecord,
  type HandoverStore,
} from '../services/handover-store';
import type { Clock } from '../clock';
import { guarded, keyPart, type Redis } from './redis-client';
import { SealError, type Sealer } from './seal';

export const HANDOVER_PREFIX = 'b2wiz:handover:';
export const HANDOVER_OWNER_PREFIX = 'b2wiz:handovers:';

/** KEYS: ciphertext, record. ARGV: the sealed ended record. The ciphertext, once, or nil. */
const TAKE = `local v = redis.call('GETDEL', KEYS[1])
if v then redis.call('SET', KEYS[2], ARGV[1], 'KEEPTTL') end
return v`;

/** KEYS: the owner's list. ARGV: a sealed id, the list's least TTL in ms, how many to keep. */
const REMEMBER = `redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1`;

export class RedisHandoverStore implements HandoverStore {
  constructor(
    private readonly redis: Redis,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {}

  private recordKey(id: string): string {
    return HANDOVER_PREFIX + keyPart(id);
  }

  private ciphertextKey(id: string): string {
    return `${this.recordKey(id)}:ciphertext`;
  }

  private ownerKey(owner: string): string {
    return HANDOVER_OWNER_PREFIX + keyPart(owner);
  }

  /** A record that does not open (retired key, tampering) counts as unknown. */
  private openRecord(value: string | null, id: string): HandoverRecord | undefined {
    if (value === null) return undefined;
    try {
      const record = this.sealer.openJson<HandoverRecord>(value, this.recordKey(id));
      return record.id === id ? record : undefined;
    } catch (error) {
      if (error instanceof SealError) return undefined;
      throw error;
    }
  }

  create(init: { owner: string; ciphertext: string; expiresAt: number }): Promise<HandoverRecord> {
    return guarded(async () => {
      const now = this.clock.now();
      const record: HandoverRecord = {
        id: newHandoverId(),
        owner: init.owner,
        createdAt: now,
        expiresAt: init.expiresAt,
        ended: null,
      };
      const { id } = record;
      const live = Math.max(1, init.expiresAt - now);
      const kept = live + HANDOVER_RECORD_GRACE_MS;
      const ownerKey = this.ownerKey(init.owner);
      await this.redis
        .multi()
        .set(this.recordKey(id), this.sealer.sealJson(record, this.recordKey(id)), {
          expiration: { type: 'PX', value: kept },
        })
        .set(this.ciphertextKey(id), this.sealer.seal(init.ciphertext, this.ciphertextKey(id)), {
          expiration: { type: 'PX', value: live },
        })
        .eval(REMEMBER, {
          keys: [ownerKey],
          arguments: [this.sealer.seal(id, ownerKey), String(kept), String(HANDOVERS_LISTED)],
        })
        .exec();
      return record;
    });
  }

  find(id: string): Promise<HandoverRecord | undefined> {
    return guarded(async () => this.openRecord(await this.redis.get(this.recordKey(id)), id));
  }

  end(id: string, how: 'opened' | 'revoked'): Promise<string | null> {
    return guarded(async () => {
      const record = this.openRecord(await this.redis.get(this.recordKey(id)), id);
      if (!record || record.ended || this.clock.now() >= record.expiresAt) {
        // Past its expiry by our clock: the ciphertext goes now, whatever Redis's TTL says.
        if (record && !record.ended) await this.redis.del(this.ciphertextKey(id));
        return null;
      }
      const ended: HandoverRecord = { ...record, ended: { how, at: this.clock.now() } };
      const taken = await this.redis.eval(TAKE, {
        keys: [this.ciphertextKey(id), this.recordKey(id)],
        arguments: [this.sealer.sealJson(ended, this.recordKey(id))],
      });
      if (typeof taken !== 'string') return null;
      return this.sealer.open(taken, this.ciphertextKey(id));
    });
  }

  listByOwner(owner: string): Promise<HandoverRecord[]> {
    return guarded(async () => {
      const ownerKey = this.ownerKey(owner);
      const sealedIds = await this.redis.lRange(ownerKey, 0, -1);
      const ids = new Set<string>();
      for (const sealed of sealedIds.reverse()) {
        try {
          ids.add(this.sealer.open(sealed, ownerKey));
        } catch (error) {
          if (!(error instanceof SealError)) throw error;
        }
      }
      if (ids.size === 0) return [];
      const list = [...ids];
      const values = await this.redis.mGet(list.map((id) => this.recordKey(id)));
      return list
        .map((id, i) => this.openRecord(values[i] ?? null, id))
        .filter((record): record is HandoverRecord => record?.owner === owner);
    });
  }
}
