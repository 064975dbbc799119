/** b2_create_key, b2_list_keys, b2_delete_key (docs/b2-behaviour.md, "Application keys"). */
import { accountCaller, requireAccount, requireCapability } from '../auth';
import { badBucketId, badRequest } from '../errors';
import type { CallContext, Reply } from '../context';
import { newSecret } from '../ids';
import { checkCapabilities } from '../rules/capabilities';
import { checkKeyName, checkValidDuration } from '../rules/key-name';
import { isMultiBucketKey, keyJson } from '../answers';
import { compareNames, type KeyRecord } from '../state';

/** v4 takes `bucketIds`, earlier versions one `bucketId`; the other spelling is an unknown field. */
function bucketIdsOf(ctx: CallContext): string[] | null {
  const { params: p, version } = ctx;
  if (version < 4) {
    const id = p.string('bucketId');
    return id === undefined ? null : [id];
  }
  const ids = p.list('bucketIds');
  if (ids === undefined) return null;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
    throw badRequest('bucketIds must be a non-empty list of bucket ids');
  }
  return [...new Set(ids as string[])];
}

export function createKey(ctx: CallContext): Reply {
  const { params: p, state, version } = ctx;
  const caller = accountCaller(ctx);
  requireCapability(caller, 'writeKeys');
  requireAccount(caller, p.requiredString('accountId'));
  const keyName = checkKeyName(p.value('keyName'));
  const bucketIds = bucketIdsOf(ctx);
  for (const id of bucketIds ?? []) {
    const bucket = state.buckets.get(id);
    if (!bucket || bucket.accountId !== caller.key.accountId) throw badBucketId(id);
  }
  const capabilities = checkCapabilities(p.value('capabilities'), bucketIds !== null);
  const duration = checkValidDuration(p.number('validDurationInSeconds'));
  const namePrefix = p.string('namePrefix');
  const key: KeyRecord = {
    accountId: caller.key.accountId,
    applicationKeyId: state.newKeyId(caller.key.accountId),
    secret: newSecret(state.cluster, state.secretStyle),
    keyName,
    capabilities,
    bucketIds,
    namePrefix: namePrefix === undefined || namePrefix === '' ? null : namePrefix,
    expirationTimestamp: duration === null ? null : state.now() + duration * 1000,
    isMaster: false,
    createdWithApiVersion: ctx.pathVersion ?? version,
  };
  state.keys.set(key.applicationKeyId, key);
  // The only answer that ever carries the secret.
  return { json: { ...keyJson(key, version), applicationKey: key.secret } };
}

export function listKeys(ctx: CallContext): Reply {
  const { params: p, state, version } = ctx;
  const caller = accountCaller(ctx);
  requireCapability(caller, 'listKeys');
  requireAccount(caller, p.requiredString('accountId'));
  const max = p.int('maxKeyCount') ?? 100;
  if (max < 1 || max > 10000) throw badRequest('maxKeyCount must be from 1 to 10000');
  const start = p.string('startApplicationKeyId');
  const keys = [...state.keys.keys()]
    .map((id) => state.liveKey(id))
    .filter(
      (k): k is KeyRecord => k !== undefined && !k.isMaster && k.accountId === caller.key.accountId,
    )
    // Before v4, multi-bucket keys are skipped silently.
    .filter((k) => version >= 4 || !isMultiBucketKey(k))
    .filter((k) => start === undefined || compareNames(k.applicationKeyId, start) >= 0)
    .sort((a, b) => compareNames(a.applicationKeyId, b.applicationKeyId));
  const page = keys.slice(0, max);
  return {
    json: {
      keys: page.map((k) => keyJson(k, version)),
      nextApplicationKeyId: keys[max]?.applicationKeyId ?? null,
    },
  };
}

export function deleteKey(ctx: CallContext): Reply {
  const { params: p, state, version } = ctx;
  const caller = accountCaller(ctx);
  requireCapability(caller, 'deleteKeys');
  const id = p.requiredString('applicationKeyId');
  const key = state.liveKey(id);
  if (!key || key.isMaster || key.accountId !== caller.key.accountId) {
    throw badRequest(`application key does not exist: ${id}`);
  }
  // v1-v3 cannot delete a key for several buckets; B2's one documented shape for a v1-v3 call
  // refused over such a key is the authorize refusal's (docs/b2-behaviour.md "API versions").
  if (version < 4 && isMultiBucketKey(key)) {
    throw badRequest(
      `This request is not currently supported on API version number ${ctx.pathVersion ?? version}`,
    );
  }
  state.keys.delete(id);
  return { json: keyJson(key, version) };
}
