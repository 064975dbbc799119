// The key's other buckets (key.extraBucketIds), read before anything is written, in the plan and
// at apply: the tool must be able to use a key for several buckets, and each must be a bucket of
// the account the connected key can see, not the setup's own (docs/b2-behaviour.md "Keys for
// several buckets").
import {
  EXTRA_BUCKETS_TEXT,
  multiBucketKeyRefusal,
  multiBucketKeysWork,
  type SetupRequest,
} from '@b2wiz/shared';
import { AppError } from '../../errors/app-error';
import { listBuckets } from '../bucket-list';
import type { OpenSession } from '../session-service';

const FIELD = 'key.extraBucketIds';

export interface ExtraBucket {
  bucketId: string;
  bucketName: string;
}

/** The other buckets asked for; none for a key that reaches every bucket anyway. */
export function extraBucketIdsOf(request: SetupRequest): string[] {
  return request.key.restrictToBucket ? (request.key.extraBucketIds ?? []) : [];
}

const fieldError = (status: 404 | 422, message: string) =>
  new AppError(status, status === 404 ? 'bucket_not_found' : 'invalid_request', message, {
    field: FIELD,
  });

/**
 * The other buckets with their names, in the request's order ([] when it names none). `ownBucketId`
 * is the setup's bucket once it has an ID (an existing one, or the one apply made).
 */
export async function readExtraBuckets(
  session: OpenSession,
  request: SetupRequest,
  ownBucketId: string | null,
): Promise<ExtraBucket[]> {
  const ids = extraBucketIdsOf(request);
  if (ids.length === 0) return [];
  if (!multiBucketKeysWork(request.target)) {
    throw fieldError(
      422,
      `${multiBucketKeyRefusal(request.target)} Leave ${FIELD} out, or make a key for one bucket.`,
    );
  }
  const { buckets } = await listBuckets(session);
  return ids.map((id) => {
    if (id === ownBucketId) throw fieldError(422, EXTRA_BUCKETS_TEXT.ownBucket);
    const found = buckets.find((b) => b.bucketId === id);
    if (!found) {
      throw fieldError(
        404,
        `${FIELD}: the bucket ID “${id}” is not a bucket of this account that the connected key can see. Remove it from ${FIELD}, or pick the other buckets from the account’s list.`,
      );
    }
    return { bucketId: id, bucketName: found.bucketName };
  });
}

const quoted = (names: string[]) => names.map((n) => `“${n}”`);

/** “a”, “b” and “c”. */
export function bucketNameList(names: string[]): string {
  const q = quoted(names);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}
