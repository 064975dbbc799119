// One schema per wizard step (the tool, bucket, lifecycle, CORS and key), composed into the
// SetupRequest in setup-request.ts.
import { z } from 'zod';
import { bucketNameProblem } from '../rules/bucket-name';
import { corsOriginProblem, corsRulesProblems } from '../rules/cors-rules';
import { extraBucketIdsProblems } from '../rules/extra-buckets';
import { KEY_MAX_VALID_DAYS, keyNameProblem } from '../rules/key-name';
import { lifecycleRulesProblems, MAX_LIFECYCLE_DAYS } from '../rules/lifecycle-rules';
import {
  RETENTION_MODES,
  RETENTION_TEXT,
  RETENTION_UNITS,
  retentionPeriodProblem,
} from '../rules/object-lock-retention';
import { KEY_ACCESS } from '../presets/capabilities';
import { TARGETS } from './target-values';

export { TARGETS };
export const targetSchema = z.enum(TARGETS, { error: 'Choose what you are setting up.' });
export type Target = z.infer<typeof targetSchema>;

export function refineWith(problem: (value: string) => string | null) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  };
}

const wholeDays = (label: string, max?: number) => {
  let schema = z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(1, `${label} must be at least 1.`);
  if (max !== undefined) schema = schema.max(max, `${label} can be at most ${max}.`);
  return schema;
};

// --- Bucket -------------------------------------------------------------------------------------
export const bucketNameSchema = z
  .string({ error: 'Enter a bucket name.' })
  .superRefine(refineWith(bucketNameProblem));

/** Object Lock default retention, B2's own shape (b2_update_bucket defaultRetention). */
export const retentionSchema = z
  .object(
    {
      mode: z.enum(RETENTION_MODES, {
        error: 'Choose the retention mode: "governance" or "compliance".',
      }),
      period: z.object(
        {
          duration: z.number({ error: 'The retention period must be a number, like 30.' }),
          unit: z.enum(RETENTION_UNITS, {
            error: 'The retention period’s unit must be "days" or "years".',
          }),
        },
        { error: 'Give the retention period, like {"duration": 30, "unit": "days"}.' },
      ),
    },
    { error: 'Give the retention as {"mode": "governance", "period": {...}}.' },
  )
  .superRefine((retention, ctx) => {
    const message = retentionPeriodProblem(retention.period);
    if (message) ctx.addIssue({ code: 'custom', path: ['period', 'duration'], message });
  });
export type RetentionSetting = z.infer<typeof retentionSchema>;

/** Retention is only for a new bucket with Object Lock on. */
export function retentionNeedsObjectLock(
  bucket: { mode: string; objectLock?: boolean; retention?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (bucket.mode === 'create' && bucket.retention !== undefined && bucket.objectLock !== true) {
    ctx.addIssue({ code: 'custom', path: ['retention'], message: RETENTION_TEXT.needsObjectLock });
  }
}

export const bucketStepSchema = z
  .discriminatedUnion(
    'mode',
    [
      z.object({
        mode: z.literal('create'),
        name: bucketNameSchema,
        type: z.enum(['allPrivate', 'allPublic']).default('allPrivate'),
        /** Accepted from older scripts and recipes, and ignored: B2 encrypts every bucket. */
        encryption: z.boolean().optional(),
        objectLock: z.boolean().default(false),
        /** Set after the key check; needs objectLock. */
        retention: retentionSchema.optional(),
      }),
      z.object({
        mode: z.literal('existing'),
        bucketId: z.string({ error: 'Choose a bucket.' }).min(1, 'Choose a bucket.').max(200),
      }),
    ],
    { error: "Choose whether to create a new bucket ('create') or use one you have ('existing')." },
  )
  .superRefine(retentionNeedsObjectLock);
export type BucketStep = z.infer<typeof bucketStepSchema>;

// --- Lifecycle ----------------------------------------------------------------------------------
// Day ranges are checked by lifecycleRulesProblems, so each mistake is reported once.
const nullableDays = (label: string) =>
  z.number({ error: `${label} must be a number, or left empty.` }).nullable();
export const lifecycleRuleSchema = z.object({
  fileNamePrefix: z
    .string({ error: 'Enter a file path prefix, or leave it empty for the whole bucket.' })
    .max(1024, 'A file path prefix can have at most 1024 characters.'),
  daysFromUploadingToHiding: nullableDays('Days until a file is hidden').default(null),
  daysFromHidingToDeleting: nullableDays('Days until a hidden file is deleted').default(null),
  daysFromStartingToCancelingUnfinishedLargeFiles: nullableDays(
    'Days until an unfinished upload is cancelled',
  ).optional(),
});
export type LifecycleRule = z.infer<typeof lifecycleRuleSchema>;

export const lifecycleRulesSchema = z.array(lifecycleRuleSchema).superRefine((rules, ctx) => {
  for (const p of lifecycleRulesProblems(rules))
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});

export const lifecycleStepSchema = z.discriminatedUnion(
  'preset',
  [
    z.object({ preset: z.literal('keepAll') }),
    z.object({ preset: z.literal('keepLatest') }),
    z.object({
      preset: z.literal('keepPriorDays'),
      days: wholeDays('Number of days', MAX_LIFECYCLE_DAYS),
    }),
    z.object({ preset: z.literal('custom'), rules: lifecycleRulesSchema }),
    // An existing bucket's rules as they are (checked against bucket.mode below).
    z.object({ preset: z.literal('keepCurrent') }),
  ],
  { error: 'Choose how long to keep old versions.' },
);
export type LifecycleStep = z.infer<typeof lifecycleStepSchema>;

// --- CORS ---------------------------------------------------------------------------------------
const textList = (field: string, example: string) =>
  z.array(z.string({ error: `Each of ${field} must be text, like "${example}".` }), {
    error: `${field} must be a list, like ["${example}"].`,
  });

export const corsRuleSchema = z.object({
  corsRuleName: z.string({ error: 'Enter a rule name.' }),
  allowedOrigins: textList('allowedOrigins', 'https://www.example.com'),
  allowedOperations: textList('allowedOperations', 'b2_download_file_by_name'),
  allowedHeaders: textList('allowedHeaders', 'range').nullable().optional(),
  exposeHeaders: textList('exposeHeaders', 'x-bz-file-name').nullable().optional(),
  maxAgeSeconds: z.number({ error: 'Max age must be a number of seconds.' }),
});
export type CorsRule = z.infer<typeof corsRuleSchema>;

export const corsRulesSchema = z.array(corsRuleSchema).superRefine((rules, ctx) => {
  for (const p of corsRulesProblems(rules))
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});

export const corsApisSchema = z.enum(['b2', 's3', 'both']).default('both');
export const corsOriginSchema = z
  .string({ error: 'Enter your website’s origin, like https://www.example.com.' })
  .superRefine(
    refineWith((o) =>
      o === '*' || o === 'https'
        ? 'Enter one origin, like https://www.example.com.'
        : corsOriginProblem(o),
    ),
  );

export const corsStepSchema = z.discriminatedUnion(
  'preset',
  [
    z.object({ preset: z.literal('none') }),
    z.object({
      preset: z.literal('allHttps'),
      apis: corsApisSchema,
      uploads: z.boolean().default(false),
    }),
    z.object({
      preset: z.literal('anyOrigin'),
      apis: corsApisSchema,
      uploads: z.boolean().default(false),
    }),
    z.object({
      preset: z.literal('oneOrigin'),
      origin: corsOriginSchema,
      apis: corsApisSchema,
      uploads: z.boolean().default(false),
    }),
    z.object({ preset: z.literal('custom'), rules: corsRulesSchema }),
    z.object({ preset: z.literal('keepCurrent') }),
  ],
  { error: 'Choose who may use this bucket from a web browser.' },
);
export type CorsStep = z.infer<typeof corsStepSchema>;

// --- Application key ----------------------------------------------------------------------------
export const keyNameSchema = z
  .string({ error: 'Enter a name for the key.' })
  .superRefine(refineWith(keyNameProblem));

/** Other buckets of the account the key may also reach; the setup's own is always included. */
export const extraBucketIdsSchema = z
  .array(
    z.string({
      error: 'Each of key.extraBucketIds must be a bucket ID, like "4a48fe8875c6214145260818".',
    }),
    {
      error: 'key.extraBucketIds must be a list of bucket IDs, like ["4a48fe8875c6214145260818"].',
    },
  )
  .superRefine((ids, ctx) => {
    for (const p of extraBucketIdsProblems(ids))
      ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });

export const keyStepSchema = z.object(
  {
    name: keyNameSchema,
    access: z.enum(KEY_ACCESS, { error: 'Choose the type of access.' }).default('readWrite'),
    restrictToBucket: z.boolean().default(true),
    namePrefix: z
      .string()
      .max(1024, 'A file name prefix can have at most 1024 characters.')
      .refine(
        (p) => !p.startsWith('/'),
        "File names in B2 don't start with '/'. Remove the leading '/'.",
      )
      .optional(),
    validDays: wholeDays('Days until the key expires', KEY_MAX_VALID_DAYS).optional(),
    listAllBucketNames: z.boolean().optional(),
    extraBucketIds: extraBucketIdsSchema.optional(),
  },
  { error: 'Fill in the application key step: at least a key name.' },
);
export type KeyStep = z.infer<typeof keyStepSchema>;
