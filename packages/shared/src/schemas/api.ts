// Requests and responses of the API contract (v1) besides SetupRequest.
import { z } from 'zod';
import { KEY_CHECK_STATUSES } from '../presets/key-checks';
import { CONFIRMABLE_WARNINGS } from '../presets/plan-warnings';
import {
  corsRuleSchema,
  lifecycleRuleSchema,
  retentionSchema,
  targetSchema,
} from './setup-request';

export const connectRequestSchema = z.union(
  [
    z.object({ sandbox: z.literal(true) }),
    z.object({
      applicationKeyId: z
        .string({ error: 'Enter the application key ID.' })
        .trim()
        // The regexes accept '' so an empty field gets only the "Enter ..." message.
        .min(1, 'Enter the application key ID.')
        .max(
          100,
          'An application key ID has at most 100 characters. Check that you pasted the key ID.',
        )
        .regex(
          /^[A-Za-z0-9]*$/,
          'An application key ID has only letters and digits. Check what you pasted.',
        ),
      applicationKey: z
        .string({ error: 'Enter the application key.' })
        .trim()
        .min(1, 'Enter the application key.')
        .max(200, 'An application key has at most 200 characters. Check what you pasted.')
        .regex(
          /^[\x21-\x7e]*$/,
          'The application key has a space or hidden character in it. Paste it again.',
        ),
    }),
  ],
  { error: 'Send an application key ID and key, or {"sandbox": true}.' },
);
export type ConnectRequest = z.infer<typeof connectRequestSchema>;

/** GET /api/health: alive, and whether this server offers the practice sandbox. */
export const healthSchema = z.object({
  ok: z.boolean(),
  /** Missing from servers before it said: taken as offered. */
  sandbox: z.boolean().optional(),
});
export type Health = z.infer<typeof healthSchema>;

export const accountSummarySchema = z.object({
  accountId: z.string(),
  isMasterKey: z.boolean(),
  capabilities: z.array(z.string()),
  missingCapabilities: z.array(z.string()),
  restrictedBucket: z
    .object({ bucketId: z.string(), bucketName: z.string().nullable() })
    .nullable(),
  namePrefix: z.string().nullable(),
  s3Endpoint: z.string(),
  s3Region: z.string(),
  sandbox: z.boolean(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const encryptionSettingSchema = z.object({
  mode: z.enum(['SSE-B2', 'none']).nullable(),
  algorithm: z.string().nullable().optional(),
});
/** A bucket's default encryption as B2 answers it; "none" only on buckets B2 has not moved yet. */
export type EncryptionSetting = z.infer<typeof encryptionSettingSchema>;

export const bucketSummarySchema = z.object({
  bucketId: z.string(),
  bucketName: z.string(),
  bucketType: z.string(),
  lifecycleRules: z.array(lifecycleRuleSchema),
  corsRules: z.array(corsRuleSchema),
  /** null when the connected key may not read it. */
  defaultServerSideEncryption: encryptionSettingSchema.nullable(),
  fileLockEnabled: z.boolean().nullable(),
  /** Object Lock default retention: null when none is set; left out when not known. */
  defaultRetention: retentionSchema.nullable().optional(),
  revision: z.number().int(),
});
export type BucketSummary = z.infer<typeof bucketSummarySchema>;

export const bucketListSchema = z.object({ buckets: z.array(bucketSummarySchema) });
export type BucketList = z.infer<typeof bucketListSchema>;

export const PLAN_STEP_KINDS = [
  'createBucket',
  'updateBucket',
  'useBucket',
  'createKey',
  'checkKey',
  'setRetention',
  'generateFiles',
] as const;

export const planStepSchema = z.object({
  kind: z.enum(PLAN_STEP_KINDS),
  /** One line in plain words: "Create the private bucket 'acme-db-backups'". */
  title: z.string(),
  /** Further lines a reviewer may want to read. */
  details: z.array(z.string()),
  /** The B2 call this step makes, if any. */
  call: z.string().nullable(),
  /** For an existing bucket: today's rules beside the ones the wizard would set. */
  current: z
    .object({ lifecycleRules: z.array(lifecycleRuleSchema), corsRules: z.array(corsRuleSchema) })
    .optional(),
  proposed: z
    .object({ lifecycleRules: z.array(lifecycleRuleSchema), corsRules: z.array(corsRuleSchema) })
    .optional(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type PlanWarning = z.infer<typeof planWarningSchema>;

export const planSchema = z.object({
  steps: z.array(planStepSchema),
  warnings: z.array(planWarningSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const generatedFileSchema = z.object({
  target: z.union([targetSchema, z.literal('all')]),
  filename: z.string(),
  mediaType: z.string(),
  content: z.string(),
});
export type GeneratedFile = z.infer<typeof generatedFileSchema>;

export const verificationCheckSchema = z.object({
  /** A stable id scripts read (KEY_CHECK_NAMES). */
  name: z.string(),
  /** What the page shows, in plain words. */
  label: z.string(),
  /** Passed only; a check that was not run is never "ok". */
  ok: z.boolean(),
  status: z.enum(KEY_CHECK_STATUSES),
  detail: z.string(),
});
export type VerificationCheck = z.infer<typeof verificationCheckSchema>;

export const setupResultSchema = z.object({
  /** The bucket as B2 answered after the setup (its revision is no business of the result). */
  bucket: bucketSummarySchema.omit({ revision: true }),
  key: z.object({
    applicationKeyId: z.string(),
    applicationKey: z.string(),
    keyName: z.string(),
    capabilities: z.array(z.string()),
    /** The first of `bucketIds`. */
    bucketId: z.string().nullable(),
    /** Every bucket the key is limited to, the setup’s own first; empty when it may use all. */
    bucketIds: z.array(z.string()),
    namePrefix: z.string().nullable(),
    expirationTimestamp: z.number().nullable(),
  }),
  endpoint: z.object({ s3Endpoint: z.string(), s3Region: z.string() }),
  verification: z.object({ ok: z.boolean(), checks: z.array(verificationCheckSchema) }),
  files: z.array(generatedFileSchema),
});
export type SetupResult = z.infer<typeof setupResultSchema>;

export const fieldIssueSchema = z.object({ field: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    issues: z.array(fieldIssueSchema).optional(),
    /** For apply failures part way: what exists now, so a retry can finish the rest. */
    created: z
      .object({
        bucket: z.object({ bucketId: z.string(), bucketName: z.string() }).optional(),
        key: z.object({ applicationKeyId: z.string(), keyName: z.string() }).optional(),
      })
      .optional(),
    /** True when sending the same request again may succeed. */
    retryable: z.boolean().optional(),
    /** A free name to offer when the bucket name is taken. */
    suggestion: z.string().optional(),
    /** With 409 confirmation_needed: what the request must list in `confirm`, and why. */
    confirmations: z
      .array(z.object({ code: z.enum(CONFIRMABLE_WARNINGS), message: z.string() }))
      .optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
export type ErrorBody = ErrorEnvelope['error'];

/** Per-field issues from a failed zod parse, with dotted field paths ("bucket.name"). */
export function issuesFromZodError(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
