// A change that can destroy data or break a working site is applied only when the request
// confirms it; checked before anything is saved or written.
import {
  needsConfirmation,
  type ApplyRequest,
  type ConfirmableWarning,
  type PlanWarning,
} from '@b2wiz/shared';
import { AppError } from '../../errors/app-error';
import type { OpenSession } from '../session-service';
import { existingBucket } from './bucket-step';
import { readExtraBuckets } from './extra-buckets';
import { desiredRules } from './request-reading';
import { OBJECT_LOCK_PERMANENT, ruleChangeWarnings } from './rule-warnings';

/** 409 confirmation_needed, writing nothing, unless `confirm` lists every destructive change. */
export async function requireConfirmations(
  session: OpenSession,
  request: ApplyRequest,
): Promise<void> {
  // Not a confirmation, but also before anything is written: the key's other buckets exist.
  await readExtraBuckets(
    session,
    request,
    request.bucket.mode === 'existing' ? request.bucket.bucketId : null,
  );
  const warnings: PlanWarning[] = [];
  if (request.bucket.mode === 'create') {
    if (request.bucket.objectLock) warnings.push(OBJECT_LOCK_PERMANENT);
  } else {
    const current = await existingBucket(session.connection, request.bucket.bucketId);
    warnings.push(...ruleChangeWarnings(current, desiredRules(request, current)));
  }
  const confirmed = new Set(request.confirm ?? []);
  const missing = warnings.filter((w) => needsConfirmation(w.code) && !confirmed.has(w.code));
  if (missing.length === 0) return;
  throw new AppError(
    409,
    'confirmation_needed',
    `This setup would ${missing.length === 1 ? 'make a change' : 'make changes'} that cannot be undone: ${missing.map((w) => w.message).join(' ')} Send the request again with confirm: [${missing.map((w) => `"${w.code}"`).join(', ')}] if that is what you want.`,
    {
      field: 'confirm',
      confirmations: missing.map((w) => ({
        code: w.code as ConfirmableWarning,
        message: w.message,
      })),
    },
  );
}
