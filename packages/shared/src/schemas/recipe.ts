// A recipe: a whole setup's settings, saved as JSON to repeat it for the next customer. It is the
// SetupRequest without names, customer and idempotencyKey (and never a secret), with a version.
// Nor the key's other buckets (key.extraBucketIds): bucket IDs belong to one account.
import { z } from 'zod';
import { bucketStepSchema, keyStepSchema, retentionNeedsObjectLock } from './request-steps';
import { keepCurrentOnlyForExisting, setupRequestFields, type SetupRequest } from './setup-request';

export const RECIPE_FORMAT = 'b2-setup-wizard-recipe';
export const RECIPE_VERSION = 1;

const createBucketOptions = bucketStepSchema.options[0].omit({ name: true });
const existingBucket = bucketStepSchema.options[1];

export const recipeSchema = setupRequestFields
  .omit({ customer: true })
  .extend({
    format: z.literal(RECIPE_FORMAT, {
      error: `format must be "${RECIPE_FORMAT}": this file is not a saved recipe.`,
    }),
    version: z.literal(RECIPE_VERSION, {
      error: `version must be ${RECIPE_VERSION}: this recipe was saved by another version of the wizard.`,
    }),
    bucket: z
      .discriminatedUnion('mode', [createBucketOptions.strict(), existingBucket.strict()], {
        error: "bucket.mode must be 'create' or 'existing'.",
      })
      .superRefine(retentionNeedsObjectLock),
    key: keyStepSchema.omit({ name: true, extraBucketIds: true }).strict(),
  })
  .strict()
  .superRefine(keepCurrentOnlyForExisting);
export type Recipe = z.infer<typeof recipeSchema>;
export type RecipeInput = z.input<typeof recipeSchema>;

/** A request's settings as a recipe: its names and customer left out. */
export function recipeFromRequest(request: SetupRequest): Recipe {
  const { customer: _customer, bucket, key, ...rest } = request;
  const { name: _keyName, extraBucketIds: _extraBucketIds, ...keySettings } = key;
  let recipeBucket: Recipe['bucket'];
  if (bucket.mode === 'create') {
    const { name: _bucketName, encryption: _encryption, ...settings } = bucket;
    recipeBucket = settings;
  } else {
    recipeBucket = bucket;
  }
  return {
    format: RECIPE_FORMAT,
    version: RECIPE_VERSION,
    ...rest,
    bucket: recipeBucket,
    key: keySettings,
  };
}

/** The first thing wrong with a recipe file's text, naming the field; null when it is good. */
export function readRecipe(
  text: string,
): { ok: true; recipe: Recipe } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON. Choose a recipe saved by the wizard.' };
  }
  const parsed = recipeSchema.safeParse(json);
  if (parsed.success) return { ok: true, recipe: parsed.data };
  // Another kind of file is said as such, before what it lacks.
  const { issues } = parsed.error;
  const issue = issues.find((i) => i.path[0] === 'format' || i.path[0] === 'version') ?? issues[0]!;
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    if (field === 'key' && issue.keys.includes('extraBucketIds')) {
      return {
        ok: false,
        message:
          'A recipe holds no other buckets for the key (key.extraBucketIds): bucket IDs belong to one account. Remove key.extraBucketIds from the file, and choose the other buckets on the key step.',
      };
    }
    const where = field ? `${field}.` : '';
    return {
      ok: false,
      message: `The recipe has a field the wizard does not know: ${issue.keys.map((k) => where + k).join(', ')}. Recipes hold no names or secrets.`,
    };
  }
  return { ok: false, message: field ? `${field}: ${issue.message}` : issue.message };
}
