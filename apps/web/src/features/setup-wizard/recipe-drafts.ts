// Recipes and the wizard's drafts: a saved recipe becomes every step's draft (names left for the
// user), and the current request becomes a recipe to save. Loaded only with the recipe file.
import { TARGET_OPTION_DEFAULTS, type Recipe } from '@b2wiz/shared';
import type { Drafts } from './step-forms';

/** Every step's draft from a recipe; the customer label stays as typed on the first step. */
export function draftsFromRecipe(recipe: Recipe, customer: string | undefined): Drafts {
  const { target, options, bucket, lifecycle, cors, key } = recipe;
  const allOptions = { ...structuredClone(TARGET_OPTION_DEFAULTS), ...structuredClone(options) };
  return {
    target: { target, options: allOptions, ...(customer ? { customer } : {}) },
    bucket:
      bucket.mode === 'create'
        ? {
            mode: 'create',
            type: bucket.type,
            objectLock: bucket.objectLock,
            ...(bucket.retention ? { retention: structuredClone(bucket.retention) } : {}),
          }
        : { mode: 'existing', bucketId: bucket.bucketId },
    lifecycle: structuredClone(lifecycle),
    // Custom rules go in the JSON box as they are, so nothing is lost on the way.
    cors:
      cors.preset === 'custom'
        ? { preset: 'custom', corsEditor: 'json', rulesJson: JSON.stringify(cors.rules, null, 2) }
        : structuredClone(cors),
    key: structuredClone(key),
  };
}
