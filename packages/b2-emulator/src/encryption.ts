/**
 * Bucket default encryption as B2 has it since 2026: SSE-B2 is always on and `{"mode": "none"}`
 * is refused (docs/b2-behaviour.md, "Encryption"). Only legacy buckets, not yet moved over, still
 * read back "none".
 */
import { badRequest } from './errors';

export interface ServerSideEncryption {
  mode: 'none' | 'SSE-B2';
  algorithm?: 'AES256';
}

export const SSE_NONE_REFUSED =
  'defaultServerSideEncryption mode none is no longer supported: B2 encrypts every bucket with SSE-B2. Omit defaultServerSideEncryption to use the default.';

/** What every new bucket gets; a fresh object each time. */
export const sseB2 = (): ServerSideEncryption => ({ mode: 'SSE-B2', algorithm: 'AES256' });

/** What a legacy bucket reads back. */
export const legacySse = (): ServerSideEncryption => ({ mode: 'none' });

/**
 * A `defaultServerSideEncryption` sent on create or update. SSE-B2 is kept; `{"mode": null}` (or no
 * mode) resets to SSE-B2; "none" is refused.
 */
export function checkDefaultSse(value: unknown): ServerSideEncryption {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('defaultServerSideEncryption must be an object');
  }
  const { mode, algorithm } = value as { mode?: unknown; algorithm?: unknown };
  if (mode === 'none') throw badRequest(SSE_NONE_REFUSED);
  if (mode === null || mode === undefined) {
    if (algorithm !== undefined && algorithm !== null && algorithm !== 'AES256')
      throw badRequest('defaultServerSideEncryption: algorithm must be AES256');
    return sseB2();
  }
  if (mode === 'SSE-B2') {
    if (algorithm !== 'AES256')
      throw badRequest('defaultServerSideEncryption: algorithm must be AES256');
    return sseB2();
  }
  if (mode === 'SSE-C')
    throw badRequest('defaultServerSideEncryption: SSE-C cannot be a bucket default');
  throw badRequest(`defaultServerSideEncryption: unknown mode ${JSON.stringify(mode)}`);
}
