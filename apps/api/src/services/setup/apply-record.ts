// What one idempotencyKey has done so far; a retry picks up from here. Plain data: it is kept in
// an ApplyRecords store (apply-records.ts) between requests.
import type { SetupResult } from '@b2wiz/shared';
import type { B2Bucket, B2NewKey } from '../../b2/b2-types';

export interface ApplyRecord {
  fingerprint: string;
  result: SetupResult | null;
  bucket: B2Bucket | null;
  /** A create_bucket was sent; its answer may have been lost. */
  bucketCreateSent: boolean;
  key: B2NewKey | null;
  /** A create_key was sent; its answer (and the secret) may have been lost. */
  keyCreateSent: boolean;
  /** Keys of the same name that existed before this apply (never removed by a resume). */
  keysBefore: string[] | null;
  /** The last key check failed for a passing reason (B2 busy, no answer): a retry checks again. */
  recheck: boolean;
  /** Marker files a check could not remove (id unknown when an upload's answer was lost). */
  leftoverMarkers: { fileName: string; fileId: string | null }[];
}

export function newApplyRecord(fingerprint: string): ApplyRecord {
  return {
    fingerprint,
    result: null,
    bucket: null,
    bucketCreateSent: false,
    key: null,
    keyCreateSent: false,
    keysBefore: null,
    recheck: false,
    leftoverMarkers: [],
  };
}
