/**
 * Test-only seeding of buckets that B2's API can no longer make, such as a legacy bucket still
 * reading back `{"mode": "none"}` (docs/b2-behaviour.md, "Encryption"). Names and rules are
 * checked with the emulator's own B2 rules.
 */
import { legacySse } from './encryption';
import { B2Error, badRequest } from './errors';
import { checkBucketInfo } from './rules/bucket-info';
import { checkBucketName } from './rules/bucket-name';
import { checkBucketType } from './rules/bucket-type';
import { checkCorsRules } from './rules/cors-rules';
import { checkLifecycleRules } from './rules/lifecycle-rules';
import { MAX_BUCKETS_PER_ACCOUNT, type Bucket, type State } from './state';

export interface SeedBucketSpec {
  bucketName: string;
  /** Default: the emulator's own (demo) account. */
  accountId?: string;
  /** Default "allPrivate". */
  bucketType?: 'allPrivate' | 'allPublic';
  /** true: the bucket reads back `{"mode": "none"}`, as a bucket not yet moved to SSE-B2. */
  legacyEncryption?: boolean;
  lifecycleRules?: unknown[];
  corsRules?: unknown[];
  bucketInfo?: Record<string, string>;
}

const FIELDS = [
  'bucketName',
  'accountId',
  'bucketType',
  'legacyEncryption',
  'lifecycleRules',
  'corsRules',
  'bucketInfo',
];

const given = (v: unknown): boolean => v !== undefined && v !== null;

export function seedBucket(state: State, input: unknown): Bucket {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw badRequest('seed bucket: send a JSON object');
  const spec = input as Record<string, unknown>;
  const unknown = Object.keys(spec).find((k) => !FIELDS.includes(k));
  if (unknown !== undefined) throw badRequest(`seed bucket: unknown field ${unknown}`);
  const bucketName = checkBucketName(spec.bucketName);
  const accountId = given(spec.accountId)
    ? spec.accountId
    : state.accounts.find((a) => a.isDemo)?.accountId;
  if (typeof accountId !== 'string' || !state.accounts.some((a) => a.accountId === accountId))
    throw badRequest(`accountId: no such account: ${JSON.stringify(accountId)}`);
  const bucketType = given(spec.bucketType) ? checkBucketType(spec.bucketType) : 'allPrivate';
  if (given(spec.legacyEncryption) && typeof spec.legacyEncryption !== 'boolean')
    throw badRequest('legacyEncryption must be true or false');
  const lifecycleRules = given(spec.lifecycleRules) ? checkLifecycleRules(spec.lifecycleRules) : [];
  const corsRules = given(spec.corsRules) ? checkCorsRules(spec.corsRules) : [];
  const bucketInfo = given(spec.bucketInfo) ? checkBucketInfo(spec.bucketInfo) : {};
  if (state.bucketByName(bucketName))
    throw new B2Error(400, 'duplicate_bucket_name', `Bucket name is already in use: ${bucketName}`);
  if (state.bucketsOf(accountId).length >= MAX_BUCKETS_PER_ACCOUNT)
    throw new B2Error(
      400,
      'too_many_buckets',
      `An account may have at most ${MAX_BUCKETS_PER_ACCOUNT} buckets`,
    );
  const bucket = state.addBucket(accountId, bucketName, bucketType);
  Object.assign(bucket, { lifecycleRules, corsRules, bucketInfo });
  if (spec.legacyEncryption === true) bucket.defaultServerSideEncryption = legacySse();
  return bucket;
}
