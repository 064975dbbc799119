/**
 * Who is calling a native B2 call, and what their key allows (docs/b2-behaviour.md, "Capabilities"
 * and "Application keys").
 */
import type { CallContext } from './context';
import { badAuthToken, badBucketId, expiredAuthToken, unauthorized } from './errors';
import { header } from './headers';
import type { Capability } from './rules/capabilities';
import type { Bucket, KeyRecord, State, TokenRecord } from './state';

export interface Caller {
  token: TokenRecord;
  key: KeyRecord;
}

/** Checks an `Authorization` header holding a raw token (no "Bearer"), as B2 expects. */
export function authenticate(
  state: State,
  header: string | undefined,
  kind: TokenRecord['kind'],
): Caller {
  if (header === undefined || header.trim() === '') throw badAuthToken('missing auth token');
  const token = state.tokens.get(header.trim());
  if (!token || token.kind !== kind) throw badAuthToken();
  if (token.expired || token.expiresAt <= state.now()) throw expiredAuthToken();
  const key = state.keys.get(token.keyId);
  if (!key) throw badAuthToken();
  if (key.expirationTimestamp !== null && key.expirationTimestamp <= state.now())
    throw expiredAuthToken();
  return { token, key };
}

/** The caller of an account call: the account token in the Authorization header. */
export const accountCaller = (ctx: CallContext): Caller =>
  authenticate(ctx.state, header(ctx, 'authorization'), 'account');

/** Checks `Authorization: Basic base64(keyId:secret)` for b2_authorize_account. */
export function checkBasicAuth(state: State, header: string | undefined): KeyRecord {
  const match = /^Basic\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match)
    throw unauthorized(
      'b2_authorize_account needs HTTP Basic authorization with keyId:applicationKey',
    );
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw unauthorized('');
  const keyId = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  const key = state.liveKey(keyId) ?? masterByAccountId(state, keyId);
  if (!key || key.secret !== secret) throw unauthorized('');
  return key;
}

// The account id may stand in for the master key id.
function masterByAccountId(state: State, id: string): KeyRecord | undefined {
  return state.masterKeyOf(id);
}

export function requireCapability(caller: Caller, capability: Capability): void {
  if (!caller.key.capabilities.includes(capability)) {
    throw unauthorized(`application key does not have the ${capability} capability`);
  }
}

export const hasCapability = (caller: Caller | null, capability: Capability): boolean =>
  caller !== null && caller.key.capabilities.includes(capability);

/** Calls that name an accountId must name the caller's own. */
export function requireAccount(caller: Caller, accountId: string): void {
  if (accountId !== caller.key.accountId)
    throw unauthorized(`auth token is not valid for account ${accountId}`);
}

export function requireBucket(caller: Caller, bucketId: string): void {
  if (caller.key.bucketIds !== null && !caller.key.bucketIds.includes(bucketId)) {
    throw unauthorized('application key is restricted to another bucket');
  }
}

export function requireNamePrefix(caller: Caller, fileName: string): void {
  const prefix = caller.key.namePrefix;
  if (prefix !== null && !fileName.startsWith(prefix)) {
    throw unauthorized(`application key is restricted to file names starting with ${prefix}`);
  }
}

/** One of the caller's own buckets, or 400 bad_bucket_id. */
export function ownBucket(ctx: CallContext, caller: Caller, bucketId: string): Bucket {
  const bucket = ctx.state.buckets.get(bucketId);
  if (!bucket || bucket.accountId !== caller.key.accountId) throw badBucketId(bucketId);
  return bucket;
}

/**
 * The account caller, holding `capability`, and the bucket the `bucketId` parameter names: the
 * caller's own, and one their key is not restricted away from.
 */
export function callerAndBucket(
  ctx: CallContext,
  capability: Capability,
): { caller: Caller; bucket: Bucket } {
  const caller = accountCaller(ctx);
  requireCapability(caller, capability);
  const bucket = ownBucket(ctx, caller, ctx.params.requiredString('bucketId'));
  requireBucket(caller, bucket.bucketId);
  return { caller, bucket };
}
