// The retention step of apply: Object Lock default retention on the new bucket, set after the
// key check, because the check's marker must still be deletable (docs/b2-behaviour.md "Object
// Lock retention"). Journaled like the other steps; a resume skips it when the bucket already
// reads back the retention asked for.
import {
  RETENTION_MODE_WORDS,
  RETENTION_TEXT,
  keyCheckLabel,
  retentionWords,
  type BucketRetention,
  type PlanStep,
  type SetupRequest,
  type SetupResult,
} from '@b2wiz/shared';
import type { B2Bucket } from '../../b2/b2-types';
import type { OpenSession } from '../session-service';
import type { ApplyRecord } from './apply-record';
import { existingBucket } from './bucket-step';
import { refusedOutright } from './refused-outright';

/** The retention a request asks for, if any. */
export function retentionOf(request: SetupRequest): BucketRetention | null {
  return request.bucket.mode === 'create' ? (request.bucket.retention ?? null) : null;
}

export function sameRetention(
  found: BucketRetention | null | undefined,
  wanted: BucketRetention,
): boolean {
  return (
    found?.mode === wanted.mode &&
    found.period.duration === wanted.period.duration &&
    found.period.unit === wanted.period.unit
  );
}

export const retentionSetDetail = (retention: BucketRetention) =>
  `Files uploaded from now on are locked: ${retentionWords(retention)}.`;

export async function setRetention(
  session: OpenSession,
  bucket: B2Bucket,
  retention: BucketRetention,
  record: ApplyRecord,
  save: () => Promise<void>,
): Promise<B2Bucket> {
  const conn = session.connection;
  if (sameRetention(bucket.defaultRetention, retention)) return bucket;
  if (record.retentionSent) {
    // An earlier try may have set it and lost the answer.
    const now = await existingBucket(conn, bucket.bucketId);
    if (sameRetention(now.defaultRetention, retention)) return now;
  }
  record.retentionSent = true;
  await save();
  try {
    return await conn.setDefaultRetention({ bucketId: bucket.bucketId, retention });
  } catch (error) {
    if (refusedOutright(error)) record.retentionSent = false;
    throw error;
  }
}

/**
 * After the key check: set the retention, and say so among the checks. When the check must run
 * again (B2 was busy), the retention waits for that run, so its marker can still be deleted.
 */
export async function lockAfterCheck(
  session: OpenSession,
  request: SetupRequest,
  bucket: B2Bucket,
  verification: SetupResult['verification'],
  record: ApplyRecord,
  save: () => Promise<void>,
): Promise<B2Bucket> {
  const retention = retentionOf(request);
  if (!retention) return bucket;
  const label = keyCheckLabel('retention', bucket.bucketName);
  if (record.recheck) {
    verification.checks.push({
      name: 'retention',
      label,
      ok: false,
      status: 'notChecked',
      detail:
        'Object Lock retention is not set yet: the key check must finish first. Send the same setup again to finish it.',
    });
    verification.ok = false;
    return bucket;
  }
  record.checked = structuredClone(verification);
  const locked = await setRetention(session, bucket, retention, record, save);
  record.bucket = locked;
  await save();
  verification.checks.push({
    name: 'retention',
    label,
    ok: true,
    status: 'passed',
    detail: retentionSetDetail(retention),
  });
  return locked;
}

/** The plan's step for it: the setting, what its mode means, and what a locked file costs. */
export function retentionPlanStep(retention: BucketRetention): PlanStep {
  return {
    kind: 'setRetention',
    title: `Set Object Lock retention on the bucket: ${retentionWords(retention)}`,
    details: [
      `${RETENTION_MODE_WORDS[retention.mode].label}: ${RETENTION_MODE_WORDS[retention.mode].description}`,
      RETENTION_TEXT.cost,
      RETENTION_TEXT.afterCheck,
    ],
    call: 'b2_update_bucket',
  };
}
