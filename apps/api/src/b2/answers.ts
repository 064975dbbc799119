// B2's JSON for the native calls besides authorize (authorize-answer.ts), read once here and
// turned into the plain values of b2-types.ts.
import { z } from 'zod';
import { corsRuleSchema, lifecycleRuleSchema, type BucketRetention } from '@b2wiz/shared';
import { B2CallError } from './b2-call-error';
import type { B2Bucket, B2Key, B2NewKey } from './b2-types';

export const bucketAnswer = z.object({
  accountId: z.string(),
  bucketId: z.string(),
  bucketName: z.string(),
  bucketType: z.string(),
  lifecycleRules: z.array(lifecycleRuleSchema).nullable().optional(),
  corsRules: z.array(corsRuleSchema).nullable().optional(),
  revision: z.number().int().optional().default(0),
  defaultServerSideEncryption: z
    .object({
      isClientAuthorizedToRead: z.boolean(),
      value: z
        .object({
          mode: z.string().nullable().optional(),
          algorithm: z.string().nullable().optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  fileLockConfiguration: z
    .object({
      isClientAuthorizedToRead: z.boolean(),
      value: z
        .object({
          isFileLockEnabled: z.boolean().nullable().optional(),
          defaultRetention: z
            .object({
              mode: z.string().nullable().optional(),
              period: z.object({ duration: z.number(), unit: z.string() }).nullable().optional(),
            })
            .nullable()
            .optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});

export const bucketListAnswer = z.object({ buckets: z.array(bucketAnswer) });

export const keyAnswer = z.object({
  applicationKeyId: z.string(),
  applicationKey: z.string().optional(),
  keyName: z.string(),
  capabilities: z.array(z.string()),
  bucketId: z.string().nullable().optional(),
  bucketIds: z.array(z.string()).nullable().optional(),
  namePrefix: z.string().nullable().optional(),
  expirationTimestamp: z.number().nullable().optional(),
});

export const keyPageAnswer = z.object({
  keys: z.array(keyAnswer),
  nextApplicationKeyId: z.string().nullable().optional(),
});

export const uploadUrlAnswer = z.object({ uploadUrl: z.string(), authorizationToken: z.string() });
export const fileAnswer = z.object({ fileId: z.string(), fileName: z.string() });
export const fileListAnswer = z.object({ files: z.array(fileAnswer) });
/** A delete's answer, which nothing reads. */
export const unreadAnswer = z.unknown();

/**
 * Encryption and Object Lock read back only with the read capabilities; without them we cannot
 * tell (null). An old bucket may still read `none` (docs/b2-behaviour.md "Encryption").
 */
export function toBucket(raw: z.infer<typeof bucketAnswer>): B2Bucket {
  const sse = raw.defaultServerSideEncryption;
  const mode = sse?.isClientAuthorizedToRead ? sse.value?.mode : undefined;
  const lock = raw.fileLockConfiguration;
  return {
    accountId: raw.accountId,
    bucketId: raw.bucketId,
    bucketName: raw.bucketName,
    bucketType: raw.bucketType,
    lifecycleRules: raw.lifecycleRules ?? [],
    corsRules: raw.corsRules ?? [],
    defaultServerSideEncryption:
      mode === undefined
        ? null
        : {
            mode: mode === 'SSE-B2' ? 'SSE-B2' : mode === null ? null : 'none',
            algorithm: sse?.value?.algorithm ?? null,
          },
    fileLockEnabled: lock?.isClientAuthorizedToRead
      ? (lock.value?.isFileLockEnabled ?? false)
      : null,
    ...(lock?.isClientAuthorizedToRead && {
      defaultRetention: toRetention(lock.value?.defaultRetention),
    }),
    revision: raw.revision,
  };
}

type RawRetention = { mode?: string | null; period?: { duration: number; unit: string } | null };

/** B2's `{"mode": null}` (or a shape we do not know) is no retention. */
function toRetention(raw: RawRetention | null | undefined): BucketRetention | null {
  const mode = raw?.mode;
  const period = raw?.period;
  if ((mode !== 'governance' && mode !== 'compliance') || !period) return null;
  if (period.unit !== 'days' && period.unit !== 'years') return null;
  return { mode, period: { duration: period.duration, unit: period.unit } };
}

/** v4 names `bucketIds`, v1-v3 one `bucketId` (docs/b2-behaviour.md "API versions"). */
export function toKey(raw: z.infer<typeof keyAnswer>): B2Key {
  const bucketIds = raw.bucketIds ?? (raw.bucketId ? [raw.bucketId] : null);
  return {
    applicationKeyId: raw.applicationKeyId,
    keyName: raw.keyName,
    capabilities: raw.capabilities,
    bucketId: bucketIds?.[0] ?? null,
    bucketIds,
    namePrefix: raw.namePrefix ?? null,
    expirationTimestamp: raw.expirationTimestamp ?? null,
  };
}

/** b2_create_key's answer is the only one that holds the secret. */
export function toNewKey(raw: z.infer<typeof keyAnswer>): B2NewKey {
  if (!raw.applicationKey) {
    throw new B2CallError(502, 'unexpected_answer', 'Backblaze did not return the new key.', {
      logDetail: 'b2_create_key: no applicationKey in the answer',
    });
  }
  return { ...toKey(raw), applicationKey: raw.applicationKey };
}
