// The bucket step of apply: create it (recognising our own after a lost answer), or bring an
// existing one's rules to what was asked, conditional on its revision.
import { randomBytes } from 'node:crypto';
import { sameBucketName, suggestBucketName, type SetupRequest } from '@b2wiz/shared';
import type { B2Bucket, B2Connection } from '../../b2/b2-types';
import { AppError, isAppError } from '../../errors/app-error';
import type { OpenSession } from '../session-service';
import type { ApplyRecord } from './apply-record';
import { neededCapabilities, requireCapabilities } from './capability-check';
import { refusedOutright } from './refused-outright';
import { desiredRules } from './request-reading';
import { rulesMatch, type Desired } from './rule-match';
import { outcomeUnknown } from '../../b2/b2-call-error';

export function randomSuffix(): string {
  return randomBytes(3).toString('hex');
}

export function bucketTakenByYou(name: string): AppError {
  return new AppError(
    409,
    'bucket_exists',
    `You already have a bucket named “${name}”: set it up as an existing bucket, or pick another name.`,
    { field: 'bucket.name', suggestion: suggestBucketName(name, randomSuffix()) },
  );
}

export async function ownBucketNamed(
  conn: B2Connection,
  name: string,
): Promise<B2Bucket | undefined> {
  const found = await conn.listBuckets({ bucketName: name });
  return found.find(
    (b) => sameBucketName(b.bucketName, name) && b.accountId === conn.authorization.accountId,
  );
}

export async function existingBucket(conn: B2Connection, bucketId: string): Promise<B2Bucket> {
  const [bucket] = await conn.listBuckets({ bucketId });
  if (!bucket) {
    throw new AppError(
      404,
      'bucket_not_found',
      'That bucket is not in this account (or this key cannot see it). Choose another bucket.',
      { field: 'bucket.bucketId' },
    );
  }
  return bucket;
}

export async function createBucket(
  session: OpenSession,
  request: SetupRequest,
  desired: Desired,
  record: ApplyRecord,
  save: () => Promise<void>,
): Promise<B2Bucket> {
  if (request.bucket.mode !== 'create') throw new Error('createBucket needs mode create');
  const spec = request.bucket;
  const conn = session.connection;

  const madeByUs = (found: B2Bucket) =>
    found.bucketType === spec.type &&
    rulesMatch(found, desired) &&
    // Not encryption: B2 decides it now, whatever an old request asked for.
    (found.fileLockEnabled === null || found.fileLockEnabled === spec.objectLock);

  if (record.bucketCreateSent) {
    // An earlier try may have made the bucket and lost the answer: use it if it is the same.
    const found = await ownBucketNamed(conn, spec.name);
    if (found) {
      if (madeByUs(found)) return found;
      throw bucketTakenByYou(spec.name);
    }
  }

  // Journaled before sending: a crash from here on leaves a record that says to look.
  record.bucketCreateSent = true;
  await save();
  try {
    return await conn.createBucket({
      bucketName: spec.name,
      bucketType: spec.type,
      lifecycleRules: desired.lifecycleRules,
      corsRules: desired.corsRules,
      fileLockEnabled: spec.objectLock,
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'duplicate_bucket_name') {
      const own = await ownBucketNamed(conn, spec.name);
      // A repeat of a create whose first answer was lost finds the bucket that attempt made.
      if (own && outcomeUnknown(error) && madeByUs(own)) return own;
      if (own) throw bucketTakenByYou(spec.name);
      record.bucketCreateSent = false;
      throw error.with({ suggestion: suggestBucketName(spec.name, randomSuffix()) });
    } else if (refusedOutright(error)) {
      record.bucketCreateSent = false;
    }
    throw error;
  }
}

export async function updateBucket(
  session: OpenSession,
  request: SetupRequest,
  bucketId: string,
  record?: ApplyRecord,
): Promise<B2Bucket> {
  const conn = session.connection;
  const current = await existingBucket(conn, bucketId);
  const desired = desiredRules(request, current);
  if (rulesMatch(current, desired)) return current;
  requireCapabilities(session, neededCapabilities(request, true));
  // What it had, for undo to list (a resume after a lost answer keeps the first try's).
  if (record && !record.rulesBefore) {
    const { lifecycleRules, corsRules } = current;
    record.rulesBefore = { lifecycleRules, corsRules };
  }
  try {
    return await conn.updateBucket({
      bucketId,
      ifRevisionIs: current.revision,
      lifecycleRules: desired.lifecycleRules,
      corsRules: desired.corsRules,
    });
  } catch (error) {
    // A repeated update whose first try went through: the rules are already ours.
    if (isAppError(error) && (error.code === 'conflict' || outcomeUnknown(error))) {
      const now = await existingBucket(conn, bucketId);
      if (rulesMatch(now, desired)) return now;
    }
    throw error;
  }
}
