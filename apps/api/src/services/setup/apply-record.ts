// What one idempotencyKey has done so far; a retry picks up from here. Plain data: it is kept in
// an ApplyRecords store (apply-records.ts) between requests.
import type { CorsRule, LifecycleRule, SetupResult, Target, UndoResult } from '@b2wiz/shared';
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
  /** What the history shows; missing on records saved before it was kept. */
  about?: SetupAbout;
  /** An existing bucket's rules before this setup changed them (undo lists them to put back). */
  rulesBefore?: { lifecycleRules: LifecycleRule[]; corsRules: CorsRule[] } | null;
  /** What undo has done so far; a repeat removes nothing twice. */
  undo?: UndoState | null;
  /** The key check's outcome, kept before retention is set: a resume never checks again. */
  checked?: SetupResult['verification'] | null;
  /** The b2_update_bucket that sets Object Lock retention was sent; its answer may be lost. */
  retentionSent?: boolean;
}

export interface SetupAbout {
  customer: string | null;
  target: Target;
  /** When the apply first ran, ms since 1970. */
  createdAt: number;
  /** The request asked for a new bucket (undo may delete only such a one). */
  bucketMade: boolean;
}

export interface UndoState {
  keyRemoved: boolean;
  bucketRemoved: boolean;
  result: UndoResult;
}

export function newApplyRecord(fingerprint: string, about?: SetupAbout): ApplyRecord {
  return {
    ...(about && { about }),
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
