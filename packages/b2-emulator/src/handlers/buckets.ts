/**
 * b2_create_bucket, b2_update_bucket, b2_list_buckets, b2_delete_bucket (docs/b2-behaviour.md,
 * "Buckets, lifecycle and CORS").
 */
import {
  accountCaller,
  ownBucket,
  requireAccount,
  requireBucket,
  requireCapability,
} from '../auth';
import { B2Error, badRequest, unauthorized } from '../errors';
import type { CallContext, Reply } from '../context';
import { checkBucketInfo } from '../rules/bucket-info';
import { checkBucketName } from '../rules/bucket-name';
import { checkBucketType, checkBucketTypesFilter } from '../rules/bucket-type';
import { checkCorsRules } from '../rules/cors-rules';
import { checkLifecycleRules } from '../rules/lifecycle-rules';
import { checkDefaultRetention } from '../rules/retention';
import { checkDefaultSse } from '../encryption';
import { bucketJson } from '../answers';
import { MAX_BUCKETS_PER_ACCOUNT, compareNames, type Bucket } from '../state';

function replicationOf(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('replicationConfiguration must be an object');
  }
  return Object.keys(value).length === 0 ? null : structuredClone(value as Record<string, unknown>);
}

const isReplicationSource = (bucket: Bucket): boolean =>
  bucket.replicationConfiguration !== null &&
  bucket.replicationConfiguration.asReplicationSource !== null &&
  bucket.replicationConfiguration.asReplicationSource !== undefined;

export function createBucket(ctx: CallContext): Reply {
  const { params: p, state } = ctx;
  const caller = accountCaller(ctx);
  requireCapability(caller, 'writeBuckets');
  requireAccount(caller, p.requiredString('accountId'));
  const bucketName = checkBucketName(p.value('bucketName'));
  const bucketType = checkBucketType(p.value('bucketType'));
  const bucketInfo = p.has('bucketInfo') ? checkBucketInfo(p.value('bucketInfo')) : {};
  const corsRules = p.has('corsRules') ? checkCorsRules(p.value('corsRules')) : [];
  const lifecycleRules = p.has('lifecycleRules')
    ? checkLifecycleRules(p.value('lifecycleRules'))
    : [];
  const sse = p.has('defaultServerSideEncryption')
    ? checkDefaultSse(p.value('defaultServerSideEncryption'))
    : null;
  const fileLockEnabled = p.bool('fileLockEnabled') ?? false;
  const replication = p.has('replicationConfiguration')
    ? replicationOf(p.value('replicationConfiguration'))
    : null;
  if (sse) requireCapability(caller, 'writeBucketEncryption');
  if (fileLockEnabled) requireCapability(caller, 'writeBucketRetentions');
  if (state.bucketByName(bucketName)) {
    throw new B2Error(400, 'duplicate_bucket_name', `Bucket name is already in use: ${bucketName}`);
  }
  if (state.bucketsOf(caller.key.accountId).length >= MAX_BUCKETS_PER_ACCOUNT) {
    throw new B2Error(
      400,
      'too_many_buckets',
      `An account may have at most ${MAX_BUCKETS_PER_ACCOUNT} buckets`,
    );
  }
  const bucket = state.addBucket(caller.key.accountId, bucketName, bucketType);
  Object.assign(bucket, {
    bucketInfo,
    corsRules,
    lifecycleRules,
    fileLockEnabled,
    replicationConfiguration: replication,
  });
  if (sse) bucket.defaultServerSideEncryption = sse;
  return { json: bucketJson(bucket, caller) };
}

export function updateBucket(ctx: CallContext): Reply {
  const { params: p } = ctx;
  const caller = accountCaller(ctx);
  requireCapability(caller, 'writeBuckets');
  requireAccount(caller, p.requiredString('accountId'));
  const bucket = ownBucket(ctx, caller, p.requiredString('bucketId'));
  requireBucket(caller, bucket.bucketId);
  const ifRevisionIs = p.int('ifRevisionIs');
  if (ifRevisionIs !== undefined && ifRevisionIs !== bucket.revision) {
    throw new B2Error(
      409,
      'conflict',
      `ifRevisionIs is ${ifRevisionIs} but the bucket's revision is ${bucket.revision}`,
    );
  }
  const changes: Partial<Bucket> = {};
  if (p.has('bucketType')) changes.bucketType = checkBucketType(p.value('bucketType'));
  if (p.has('bucketInfo')) changes.bucketInfo = checkBucketInfo(p.value('bucketInfo'));
  if (p.has('corsRules')) changes.corsRules = checkCorsRules(p.value('corsRules'));
  if (p.has('lifecycleRules'))
    changes.lifecycleRules = checkLifecycleRules(p.value('lifecycleRules'));
  if (p.has('replicationConfiguration'))
    changes.replicationConfiguration = replicationOf(p.value('replicationConfiguration'));
  if (p.has('defaultServerSideEncryption')) {
    changes.defaultServerSideEncryption = checkDefaultSse(p.value('defaultServerSideEncryption'));
    requireCapability(caller, 'writeBucketEncryption');
  }
  const lock = p.bool('fileLockEnabled');
  if (lock === false && bucket.fileLockEnabled) {
    throw new B2Error(
      400,
      'file_lock_conflict',
      'fileLockEnabled value of false is not allowed when bucket is already file lock enabled.',
    );
  }
  if (lock === true && !bucket.fileLockEnabled) {
    requireCapability(caller, 'writeBucketRetentions');
    if (isReplicationSource({ ...bucket, ...changes })) {
      throw new B2Error(
        400,
        'source_replication_conflict',
        'Object Lock cannot be enabled on a replication source bucket',
      );
    }
    changes.fileLockEnabled = true;
  }
  if (p.has('defaultRetention')) {
    requireCapability(caller, 'writeBucketRetentions');
    const retention = checkDefaultRetention(p.value('defaultRetention'));
    if (retention.mode !== null && !(changes.fileLockEnabled ?? bucket.fileLockEnabled)) {
      throw badRequest(
        'defaultRetention needs a bucket with Object Lock (fileLockEnabled) turned on',
      );
    }
    changes.defaultRetention = retention;
  }
  if (Object.keys(changes).length > 0) {
    Object.assign(bucket, changes);
    bucket.revision += 1;
  }
  return { json: bucketJson(bucket, caller) };
}

export function listBuckets(ctx: CallContext): Reply {
  const { params: p, state } = ctx;
  const caller = accountCaller(ctx);
  requireCapability(caller, 'listBuckets');
  requireAccount(caller, p.requiredString('accountId'));
  const bucketId = p.string('bucketId');
  const bucketName = p.string('bucketName');
  const types = checkBucketTypesFilter(p.list('bucketTypes'));
  const mine = state.bucketsOf(caller.key.accountId);
  const allowed = caller.key.bucketIds;
  if (allowed !== null) {
    // A bucket-restricted key must name its own bucket (B2 v2 removed the v1 workaround).
    if (bucketId === undefined && bucketName === undefined) {
      throw unauthorized(
        'application key is restricted to a bucket: name it with bucketId or bucketName',
      );
    }
    if (bucketId !== undefined && !allowed.includes(bucketId))
      throw unauthorized('application key is restricted to another bucket');
    if (bucketName !== undefined) {
      const named = mine.find((b) => b.bucketName.toLowerCase() === bucketName.toLowerCase());
      if (!named || !allowed.includes(named.bucketId))
        throw unauthorized('application key is restricted to another bucket');
    }
  }
  const buckets = mine
    .filter((b) => bucketId === undefined || b.bucketId === bucketId)
    .filter(
      (b) => bucketName === undefined || b.bucketName.toLowerCase() === bucketName.toLowerCase(),
    )
    .filter((b) => types === 'all' || types.includes(b.bucketType))
    .sort((a, b) => compareNames(a.bucketName, b.bucketName));
  return { json: { buckets: buckets.map((b) => bucketJson(b, caller)) } };
}

export function deleteBucket(ctx: CallContext): Reply {
  const { params: p, state } = ctx;
  const caller = accountCaller(ctx);
  requireCapability(caller, 'deleteBuckets');
  requireAccount(caller, p.requiredString('accountId'));
  const bucket = ownBucket(ctx, caller, p.requiredString('bucketId'));
  requireBucket(caller, bucket.bucketId);
  if ([...state.files.values()].some((f) => f.bucketId === bucket.bucketId)) {
    throw new B2Error(
      400,
      'cannot_delete_non_empty_bucket',
      'A bucket must be empty before it can be deleted',
    );
  }
  state.buckets.delete(bucket.bucketId);
  return { json: bucketJson(bucket, caller) };
}
