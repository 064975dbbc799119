// The SetupRequest contract (DESIGN.md): one schema per wizard step, composed into the request.
import { z } from 'zod';
import { bucketNameProblem } from '../rules/bucket-name';
import { configNameProblem } from '../rules/config-name';
import { hasControlCharacter } from '../rules/control-characters';
import { corsOriginProblem, corsRulesProblems } from '../rules/cors-rules';
import { KEY_MAX_VALID_DAYS, keyNameProblem } from '../rules/key-name';
import { lifecycleRulesProblems, MAX_LIFECYCLE_DAYS } from '../rules/lifecycle-rules';
import { KEY_ACCESS } from '../presets/capabilities';
import { CONFIRMABLE_WARNINGS } from '../presets/plan-warnings';

export const TARGETS = [
  'litestream',
  'jetbackup',
  'laravel',
  'rclone',
  'restic',
  'aws-cli',
  'other',
] as const;
export const targetSchema = z.enum(TARGETS, { error: 'Choose what you are setting up.' });
export type Target = z.infer<typeof targetSchema>;

function refineWith(problem: (value: string) => string | null) {
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

export const bucketStepSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({
      mode: z.literal('create'),
      name: bucketNameSchema,
      type: z.enum(['allPrivate', 'allPublic']).default('allPrivate'),
      /** Accepted from older scripts and recipes, and ignored: B2 encrypts every bucket. */
      encryption: z.boolean().optional(),
      objectLock: z.boolean().default(false),
    }),
    z.object({
      mode: z.literal('existing'),
      bucketId: z.string({ error: 'Choose a bucket.' }).min(1, 'Choose a bucket.').max(200),
    }),
  ],
  { error: "Choose whether to create a new bucket ('create') or use one you have ('existing')." },
);
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
export const corsRuleSchema = z.object({
  corsRuleName: z.string({ error: 'Enter a rule name.' }),
  allowedOrigins: z.array(z.string()),
  allowedOperations: z.array(z.string()),
  allowedHeaders: z.array(z.string()).nullable().optional(),
  exposeHeaders: z.array(z.string()).nullable().optional(),
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
  },
  { error: 'Fill in the application key step: at least a key name.' },
);
export type KeyStep = z.infer<typeof keyStepSchema>;

// --- Target options -----------------------------------------------------------------------------
const relativePath = (label: string) =>
  z
    .string()
    .max(1000, `${label} can have at most 1000 characters.`)
    .refine(
      (p) => !p.startsWith('/'),
      `${label} is inside the bucket, so it must not start with '/'.`,
    )
    .refine((p) => !hasControlCharacter(p), `${label} can't contain control characters.`);

const absolutePath = (label: string) =>
  z
    .string()
    .min(1, `Enter ${label.toLowerCase()}.`)
    .max(1000, `${label} can have at most 1000 characters.`)
    .refine(
      (p) => p.startsWith('/'),
      `${label} must be a full path starting with '/', like /var/lib/app/app.db.`,
    )
    .refine((p) => !hasControlCharacter(p), `${label} can't contain control characters.`);

const profileName = (label: string) =>
  z.string().superRefine(refineWith((name) => configNameProblem(label, name)));

// Litestream expands $VAR and ${VAR} anywhere in its config file and has no escape for '$'.
const LITESTREAM_NO_DOLLAR = {
  message: "Litestream reads '$' as the start of an environment variable. Remove the '$'.",
};

export const targetOptionsSchema = z.object({
  litestream: z
    .object({
      dbPath: absolutePath('The database path')
        .refine((p) => !p.includes('$'), LITESTREAM_NO_DOLLAR)
        .default('/var/lib/app/app.db'),
      replicaPath: relativePath('The replica path')
        .refine((p) => !p.includes('$'), LITESTREAM_NO_DOLLAR)
        .default('app.db'),
    })
    .optional(),
  jetbackup: z
    .object({
      destinationName: z
        .string()
        .min(1, 'Enter a destination name.')
        .max(40, 'JetBackup destination names can have at most 40 characters.')
        .refine(
          (name) => !hasControlCharacter(name),
          "The destination name can't contain control characters.",
        )
        .default('Backblaze B2'),
      backupDirectory: relativePath('The backup directory').default('jetbackup'),
    })
    .optional(),
  laravel: z
    .object({
      appUrl: corsOriginSchema.optional(),
      diskName: profileName('Disk name').default('b2'),
    })
    .optional(),
  rclone: z.object({ remoteName: profileName('Remote name').default('b2') }).optional(),
  restic: z
    .object({
      repositoryPath: relativePath('The repository path')
        .min(1, 'Enter a repository path.')
        .default('restic'),
    })
    .optional(),
  awsCli: z.object({ profile: profileName('Profile name').default('b2') }).optional(),
});
export type TargetOptions = z.infer<typeof targetOptionsSchema>;

// --- The whole request --------------------------------------------------------------------------
const KEEP_CURRENT_NEW_BUCKET =
  '“Keep the rules it has now” is only for a bucket you already have. Choose a rule for the new bucket.';

/** The request's fields without the rules across steps (for picking single steps). */
export const setupRequestFields = z.object({
  target: targetSchema,
  bucket: bucketStepSchema,
  lifecycle: lifecycleStepSchema,
  cors: corsStepSchema,
  key: keyStepSchema,
  options: targetOptionsSchema.optional(),
});

function keepCurrentOnlyForExisting(
  request: z.infer<typeof setupRequestFields>,
  ctx: z.RefinementCtx,
): void {
  if (request.bucket.mode === 'existing') return;
  for (const step of ['lifecycle', 'cors'] as const) {
    if (request[step].preset === 'keepCurrent') {
      ctx.addIssue({ code: 'custom', path: [step, 'preset'], message: KEEP_CURRENT_NEW_BUCKET });
    }
  }
}

export const setupRequestSchema = setupRequestFields.superRefine(keepCurrentOnlyForExisting);
export type SetupRequest = z.infer<typeof setupRequestSchema>;
export type SetupRequestInput = z.input<typeof setupRequestSchema>;

export const idempotencyKeySchema = z
  .string({ error: 'Send an idempotencyKey with apply, so a retry cannot create things twice.' })
  .min(8, 'idempotencyKey needs at least 8 characters.')
  .max(128, 'idempotencyKey can have at most 128 characters.')
  .regex(/^[A-Za-z0-9_-]+$/, "idempotencyKey can only use letters, digits, '-' and '_'.");

export const applyRequestSchema = setupRequestFields
  .extend({
    idempotencyKey: idempotencyKeySchema,
    /** The plan's consequences the user agreed to; apply refuses the others (409). */
    confirm: z
      .array(
        z.enum(CONFIRMABLE_WARNINGS, {
          error: `confirm lists warning codes: ${CONFIRMABLE_WARNINGS.join(', ')}.`,
        }),
        { error: `confirm must be a list of warning codes, like ["${CONFIRMABLE_WARNINGS[0]}"].` },
      )
      .max(CONFIRMABLE_WARNINGS.length)
      .optional(),
  })
  .superRefine(keepCurrentOnlyForExisting);
export type ApplyRequest = z.infer<typeof applyRequestSchema>;
