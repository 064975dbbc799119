// The SetupRequest contract: the step schemas composed into one request, and the apply request.
import { z } from 'zod';
import { CONFIRMABLE_WARNINGS } from '../presets/plan-warnings';
import { customerProblem } from '../rules/customer-label';
import { EXTRA_BUCKETS_TEXT } from '../rules/extra-buckets';
import {
  bucketStepSchema,
  corsStepSchema,
  keyStepSchema,
  lifecycleStepSchema,
  refineWith,
  targetSchema,
} from './request-steps';
import { targetOptionsSchema } from './target-options';

export * from './request-steps';
export * from './target-options';

// --- The whole request --------------------------------------------------------------------------
const KEEP_CURRENT_NEW_BUCKET =
  '“Keep the rules it has now” is only for a bucket you already have. Choose a rule for the new bucket.';

/** "Customer or ticket": optional, for the names, the summary and the history; '' is none. */
export const customerSchema = z
  .string({ error: 'Customer or ticket must be text, like "Acme GmbH #4512".' })
  .trim()
  .superRefine(refineWith(customerProblem))
  .transform((label) => (label === '' ? undefined : label));

/** The request's fields without the rules across steps (for picking single steps). */
export const setupRequestFields = z.object({
  target: targetSchema,
  customer: customerSchema.optional(),
  bucket: bucketStepSchema,
  lifecycle: lifecycleStepSchema,
  cors: corsStepSchema,
  key: keyStepSchema,
  options: targetOptionsSchema.optional(),
});

export function keepCurrentOnlyForExisting(
  request: { bucket: { mode: string }; lifecycle: { preset: string }; cors: { preset: string } },
  ctx: z.RefinementCtx,
): void {
  if (request.bucket.mode === 'existing') return;
  for (const step of ['lifecycle', 'cors'] as const) {
    if (request[step].preset === 'keepCurrent') {
      ctx.addIssue({ code: 'custom', path: [step, 'preset'], message: KEEP_CURRENT_NEW_BUCKET });
    }
  }
}

/** Other buckets need a key limited to buckets, and never name the setup's own bucket. */
export function extraBucketsFitKey(
  request: {
    bucket: { mode: string; bucketId?: string };
    key: { restrictToBucket?: boolean; extraBucketIds?: string[] | undefined };
  },
  ctx: z.RefinementCtx,
): void {
  const extras = request.key.extraBucketIds ?? [];
  if (extras.length === 0) return;
  const path = ['key', 'extraBucketIds'];
  if (request.key.restrictToBucket === false) {
    ctx.addIssue({ code: 'custom', path, message: EXTRA_BUCKETS_TEXT.needsRestriction });
  }
  const own =
    request.bucket.mode === 'existing' ? extras.indexOf(request.bucket.bucketId ?? '') : -1;
  if (own >= 0) {
    ctx.addIssue({ code: 'custom', path: [...path, own], message: EXTRA_BUCKETS_TEXT.ownBucket });
  }
}

/** The rules across steps, for the request and the apply request alike. */
function acrossSteps(request: z.output<typeof setupRequestFields>, ctx: z.RefinementCtx): void {
  keepCurrentOnlyForExisting(request, ctx);
  extraBucketsFitKey(request, ctx);
}

export const setupRequestSchema = setupRequestFields.superRefine(acrossSteps);
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
  .superRefine(acrossSteps);
export type ApplyRequest = z.infer<typeof applyRequestSchema>;
