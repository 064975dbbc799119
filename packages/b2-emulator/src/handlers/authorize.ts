/**
 * b2_authorize_account: the v2 flat (also for v1), v3 grouped and v4 multi-bucket answers
 * (docs/b2-behaviour.md, "API versions").
 */
import { checkBasicAuth } from '../auth';
import type { PathVersion } from '../api-version';
import { badRequest } from '../errors';
import type { CallContext, Reply } from '../context';
import { header } from '../headers';
import { TOKEN_LIFETIME_MS, type KeyRecord } from '../state';

export const RECOMMENDED_PART_SIZE = 100_000_000;
export const ABSOLUTE_MINIMUM_PART_SIZE = 5_000_000;

/**
 * A key made through v4 b2_create_key with `bucketIds` (even one bucket) works only with v4
 * authorize; v1 to v3 refuse it (docs/b2-behaviour.md, "API versions").
 */
function refuseOnOldVersion(key: KeyRecord, pathVersion: PathVersion): void {
  if (pathVersion < 4 && key.createdWithApiVersion === 4 && key.bucketIds !== null) {
    throw badRequest(
      `This request is not currently supported on API version number ${pathVersion}`,
    );
  }
}

export function authorizeAccount(ctx: CallContext): Reply {
  const { state, config, version } = ctx;
  const key = checkBasicAuth(state, header(ctx, 'authorization'));
  refuseOnOldVersion(key, ctx.pathVersion ?? version);
  const lifetime =
    key.expirationTimestamp === null
      ? TOKEN_LIFETIME_MS
      : Math.min(TOKEN_LIFETIME_MS, key.expirationTimestamp - state.now());
  const { token } = state.issueToken(key, 'account', {}, lifetime);
  const bucketId = key.bucketIds?.[0] ?? null;
  const bucketName = bucketId === null ? null : (state.buckets.get(bucketId)?.bucketName ?? null);
  const urls = {
    apiUrl: config.url,
    downloadUrl: config.url,
    s3ApiUrl: config.s3ApiUrl,
    recommendedPartSize: RECOMMENDED_PART_SIZE,
    absoluteMinimumPartSize: ABSOLUTE_MINIMUM_PART_SIZE,
  };
  const capabilities = [...key.capabilities];
  if (version === 2) {
    return {
      json: {
        accountId: key.accountId,
        authorizationToken: token,
        allowed: { bucketId, bucketName, capabilities, namePrefix: key.namePrefix },
        ...urls,
        minimumPartSize: RECOMMENDED_PART_SIZE,
      },
    };
  }
  const storageApi =
    version === 3
      ? {
          infoType: 'storageApi',
          ...urls,
          bucketId,
          bucketName,
          capabilities,
          namePrefix: key.namePrefix,
        }
      : {
          infoType: 'storageApi',
          ...urls,
          allowed: {
            buckets:
              key.bucketIds?.map((id) => ({
                id,
                name: state.buckets.get(id)?.bucketName ?? null,
              })) ?? null,
            capabilities,
            namePrefix: key.namePrefix,
          },
        };
  return {
    json: {
      accountId: key.accountId,
      authorizationToken: token,
      applicationKeyExpirationTimestamp: key.expirationTimestamp,
      apiInfo: { storageApi },
    },
  };
}
