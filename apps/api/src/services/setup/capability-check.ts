// What the connected key must hold for a request, checked before any B2 write.
import { WIZARD_CAPABILITIES, type SetupRequest } from '@b2wiz/shared';
import { AppError } from '../../errors/app-error';
import type { OpenSession } from '../session-service';

/** The capabilities this request needs from the connected key, with what each is for. */
export function neededCapabilities(request: SetupRequest, bucketWrite: boolean): string[] {
  const needed: string[] = ['listBuckets', 'writeKeys'];
  if (bucketWrite) needed.push('writeBuckets');
  // No writeBucketEncryption: B2 encrypts a new bucket without being asked.
  if (request.bucket.mode === 'create' && request.bucket.objectLock) {
    needed.push('writeBucketRetentions');
  }
  return needed;
}

export function requireCapabilities(session: OpenSession, needed: string[]): void {
  const held = session.summary.capabilities;
  const missing = needed.filter((c) => !held.includes(c));
  if (missing.length === 0) return;
  const purpose = (c: string) =>
    (WIZARD_CAPABILITIES as Record<string, string>)[c] ?? 'do this step';
  const list = missing.map((c) => `“${c}” (needed to ${purpose(c)})`).join(' and ');
  throw new AppError(
    403,
    'missing_capability',
    `The connected key lacks the capability ${list}. Connect with the master application key, or a key that has ${missing.length > 1 ? 'these capabilities' : 'it'}.`,
  );
}
