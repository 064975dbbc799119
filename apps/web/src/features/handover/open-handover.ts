// What opening the page's link came to: read once from the server, unlocked here with the key
// from the address's #fragment. Without a whole key nothing is read, so nothing is used up.
import type { HandoverBundle } from '@b2wiz/shared';
import { ApiError } from '../setup-wizard/api/api-client';
import { readHandover } from './api/read-handover';
import { openBundle } from './handover-crypto';
import { readHandoverAddress } from './handover-link';

export type GoneCode =
  'handover_opened' | 'handover_expired' | 'handover_revoked' | 'handover_not_found';

export type Opening =
  | { kind: 'incomplete' }
  | { kind: 'shown'; bundle: HandoverBundle }
  | { kind: 'gone'; code: GoneCode; message: string }
  | { kind: 'locked' }
  | { kind: 'failed'; error: unknown };

const GONE_CODES: readonly string[] = [
  'handover_opened',
  'handover_expired',
  'handover_revoked',
  'handover_not_found',
];

/** Reads the address at once (before any await), so the caller may then clear it. */
export async function openHandover(pathname: string, hash: string): Promise<Opening> {
  const { id, key } = readHandoverAddress(pathname, hash);
  if (!id || !key) return { kind: 'incomplete' };
  let ciphertext: string;
  try {
    ({ ciphertext } = await readHandover(id));
  } catch (error) {
    if (error instanceof ApiError && GONE_CODES.includes(error.code)) {
      return { kind: 'gone', code: error.code as GoneCode, message: error.message };
    }
    return { kind: 'failed', error };
  }
  try {
    return { kind: 'shown', bundle: await openBundle(ciphertext, key) };
  } catch {
    return { kind: 'locked' };
  }
}
