// One form per step over the shared step schemas (never redeclared here): the value types the
// forms hold, how each is prepared for its schema, and the resolver that validates it. (The first
// step's starting values are in target-defaults.ts, apart from zod.)
import { zodResolver } from '@hookform/resolvers/zod';
import {
  bucketStepSchema,
  corsStepSchema,
  customerKeyName,
  keyStepSchema,
  lifecycleStepSchema,
  multiBucketKeysWork,
  setupRequestFields,
  type Target,
  type TargetOptions,
} from '@b2wiz/shared';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { corsFormErrors } from './cors-form-errors';
import { prepareCorsValues, withoutKeepCurrent } from './prepare-rules-steps';
import type { CorsRuleFields } from './cors-rule-fields';

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueInUnion<T, K extends PropertyKey> = T extends unknown
  ? K extends keyof T
    ? T[K]
    : never
  : never;
/**
 * A union of step shapes as one object with every member's fields, so switching a choice back
 * and forth keeps what was typed in each branch. The schema keeps only the chosen branch.
 */
export type FlatForm<T> = { [K in KeysOfUnion<T>]?: ValueInUnion<T, K> };

export const targetFormSchema = setupRequestFields.pick({
  target: true,
  options: true,
  customer: true,
});
export type TargetForm = FlatForm<z.input<typeof targetFormSchema>>;
export type TargetFormOutput = z.output<typeof targetFormSchema>;
/** No encryption field: Backblaze encrypts every bucket, so the wizard never sends one. */
export type BucketForm = Omit<FlatForm<z.input<typeof bucketStepSchema>>, 'encryption'>;
export type LifecycleForm = FlatForm<z.input<typeof lifecycleStepSchema>>;
/** Custom CORS rules are edited as form fields, or as JSON text (advanced). */
export type CorsForm = FlatForm<z.input<typeof corsStepSchema>> & {
  rulesJson?: string;
  corsEditor?: 'fields' | 'json';
  ruleFields?: CorsRuleFields[];
};
/** `otherBuckets`: whether "Also give it access to" is open; its buckets count only then. */
export type KeyForm = FlatForm<z.input<typeof keyStepSchema>> & { otherBuckets?: boolean };

export interface Drafts {
  target?: TargetForm;
  bucket?: BucketForm;
  lifecycle?: LifecycleForm;
  cors?: CorsForm;
  key?: KeyForm;
}

/** What a form needs to know from earlier steps. */
export interface FormContext {
  target: Target;
  /** For the key's default name; null until a bucket is chosen. */
  bucketName: string | null;
  appUrl: string | undefined;
  /** Whether the bucket step chose a bucket the account has; "keepCurrent" needs one. */
  bucketMode?: 'create' | 'existing' | undefined;
  /** "Customer or ticket", for the proposed names. */
  customer?: string | undefined;
  /** The existing bucket chosen, which a key always reaches (never one of its other buckets). */
  bucketId?: string | undefined;
}

type Prepared = { ok: true; value: unknown } | { ok: false; field: string; message: string };
type Prepare<F> = (values: F, context: FormContext | undefined) => Prepared;

export interface StepForm<F extends FieldValues, O> {
  schema: z.ZodType<O>;
  prepare: Prepare<F>;
  /** Moves the schema's errors to the form fields the user types in, when their names differ. */
  mapErrors?: (errors: FieldErrors<F>, values: F) => FieldErrors<F>;
}

// --- Target -------------------------------------------------------------------------------------
/** Which part of `options` belongs to each target. */
const OPTION_KEYS: Record<Target, keyof TargetOptions | null> = {
  litestream: 'litestream',
  jetbackup: 'jetbackup',
  laravel: 'laravel',
  rclone: 'rclone',
  restic: 'restic',
  'aws-cli': 'awsCli',
  other: null,
  duplicity: null,
  python: null,
  node: null,
  cyberduck: null,
  cpanel: null,
  synology: null,
};

export const targetForm: StepForm<TargetForm, TargetFormOutput> = {
  schema: targetFormSchema,
  // Only the chosen target's options are checked and sent.
  prepare: (values) => {
    const key = values.target ? OPTION_KEYS[values.target] : null;
    const options = key ? { [key]: values.options?.[key] } : {};
    return { ok: true, value: { target: values.target, options, customer: values.customer } };
  },
};

// --- Bucket, lifecycle, CORS, key ----------------------------------------------------------------
const asIs = <F>(values: F): Prepared => ({ ok: true, value: values });

export const bucketForm: StepForm<BucketForm, z.output<typeof bucketStepSchema>> = {
  schema: bucketStepSchema,
  // The shared schema still takes `encryption` from older scripts; the wizard drops any it holds.
  // Retention is asked only with Object Lock on a new bucket; otherwise what was typed stays out.
  prepare: (values) => {
    const {
      encryption: _dropped,
      retention,
      ...rest
    } = values as BucketForm & { encryption?: unknown };
    if (rest.mode !== 'create' || rest.objectLock !== true) return { ok: true, value: rest };
    const period = { unit: 'days' as const, ...retention?.period };
    return { ok: true, value: { ...rest, retention: { ...retention, period } } };
  },
};

export const lifecycleForm: StepForm<LifecycleForm, z.output<typeof lifecycleStepSchema>> = {
  schema: lifecycleStepSchema,
  // A new bucket has no rules to keep: a draft on "keepCurrent" falls back to the tool's default.
  prepare: (values, context) => asIs(withoutKeepCurrent('lifecycle', values, context)),
};

export const corsForm: StepForm<CorsForm, z.output<typeof corsStepSchema>> = {
  schema: corsStepSchema,
  prepare: (values, context) => prepareCorsValues(withoutKeepCurrent('cors', values, context)),
  mapErrors: corsFormErrors,
};

/**
 * The other buckets to send: only while "Also give it access to" is open, for a key kept to
 * buckets and a tool that can use such a key; never the setup's own bucket.
 */
function otherBucketIds(values: KeyForm, context: FormContext | undefined): string[] | undefined {
  if (!values.otherBuckets || values.restrictToBucket === false) return undefined;
  if (context && !multiBucketKeysWork(context.target)) return undefined;
  const ids = (values.extraBucketIds ?? []).filter((id) => id !== context?.bucketId);
  return ids.length > 0 ? ids : undefined;
}

export const keyForm: StepForm<KeyForm, z.output<typeof keyStepSchema>> = {
  schema: keyStepSchema,
  prepare: (values, context) => {
    const { otherBuckets: _open, extraBucketIds: _ids, ...rest } = values;
    const name =
      values.name === undefined || values.name === ''
        ? context
          ? customerKeyName(context.target, context.bucketName ?? '', context.customer)
          : ''
        : values.name;
    const extraBucketIds = otherBucketIds(values, context);
    return {
      ok: true,
      value: {
        ...rest,
        name,
        namePrefix: values.namePrefix === '' ? undefined : values.namePrefix,
        ...(extraBucketIds && { extraBucketIds }),
      },
    };
  },
};

/** Validate a form's values the way its resolver does. */
export function parseForm<F extends FieldValues, O>(
  form: StepForm<F, O>,
  values: F | undefined,
  context: FormContext | undefined,
): O | null {
  if (values === undefined) return null;
  const prepared = form.prepare(values, context);
  if (!prepared.ok) return null;
  const parsed = form.schema.safeParse(prepared.value);
  return parsed.success ? parsed.data : null;
}

/** zodResolver over the step's shared schema, after the step's own preparation. */
export function stepResolver<F extends FieldValues, O>(
  form: StepForm<F, O>,
): Resolver<F, FormContext | undefined, O> {
  // The schema's input type is the chosen branch only; the form holds every branch (FlatForm).
  const resolve = zodResolver(form.schema as never) as unknown as Resolver<FieldValues, unknown, O>;
  return async (values, context, options) => {
    const prepared = form.prepare(values, context);
    if (!prepared.ok) {
      return {
        values: {},
        errors: { [prepared.field]: { type: 'custom', message: prepared.message } },
      } as Awaited<ReturnType<Resolver<F, FormContext | undefined, O>>>;
    }
    const result = (await resolve(
      prepared.value as FieldValues,
      context,
      options as never,
    )) as Awaited<ReturnType<Resolver<F, FormContext | undefined, O>>>;
    if (!form.mapErrors || Object.keys(result.errors).length === 0) return result;
    return { values: {}, errors: form.mapErrors(result.errors, values) };
  };
}
