// GET /api/keys, DELETE /api/keys/:applicationKeyId and POST /api/keys/:applicationKeyId/replace:
// the account's application keys without secrets, a delete's answer, and a replace's request
// (its answer is a SetupResult for the new key).
import { z } from 'zod';
import { targetSchema } from './request-steps';
import { idempotencyKeySchema } from './setup-request';
import { targetOptionsSchema } from './target-options';

export const applicationKeyIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9]{1,100}$/,
    'An application key ID has 1 to 100 letters and digits. Check the address.',
  );

/** Why a key is marked as made by this wizard: this session's history, or only its name. */
export const KEY_MARKS = ['history', 'name'] as const;
export type KeyMark = (typeof KEY_MARKS)[number];

/** Keys the panel never deletes or replaces. */
export const KEY_PROTECTIONS = ['masterKey', 'connectedKey'] as const;

export const accountKeySchema = z.object({
  applicationKeyId: z.string(),
  keyName: z.string(),
  capabilities: z.array(z.string()),
  /** The buckets it is limited to, B2's order; null when it reaches every bucket. */
  buckets: z
    .array(z.object({ bucketId: z.string(), bucketName: z.string().nullable() }))
    .nullable(),
  namePrefix: z.string().nullable(),
  /** ms since 1970; null when it never expires. */
  expirationTimestamp: z.number().nullable(),
  madeByWizard: z.enum(KEY_MARKS).nullable(),
  /** Why it cannot be deleted (or replaced) here; null when it can. */
  cannotDelete: z.object({ reason: z.enum(KEY_PROTECTIONS), message: z.string() }).nullable(),
  /** Why it cannot be replaced here; null when it can. */
  cannotReplace: z.string().nullable(),
});
export type AccountKey = z.infer<typeof accountKeySchema>;

export const accountKeyListSchema = z.object({
  accountId: z.string(),
  /** As b2_list_keys lists them (never the master key), by application key ID. */
  keys: z.array(accountKeySchema),
});
export type AccountKeyList = z.infer<typeof accountKeyListSchema>;

export const keyDeletedSchema = z.object({
  applicationKeyId: z.string(),
  keyName: z.string(),
  /** In plain words, with what stops working. */
  message: z.string(),
});
export type KeyDeleted = z.infer<typeof keyDeletedSchema>;

export const replaceKeyRequestSchema = z.object(
  {
    /** The tool the new key's files are for. */
    target: targetSchema,
    /** Sent again after a lost answer, the same replace answers again instead of making a key. */
    idempotencyKey: idempotencyKeySchema.optional(),
    options: targetOptionsSchema.optional(),
  },
  { error: 'Send {"target": "<tool>"}: the tool the new key’s files are for.' },
);
export type ReplaceKeyRequest = z.infer<typeof replaceKeyRequestSchema>;
