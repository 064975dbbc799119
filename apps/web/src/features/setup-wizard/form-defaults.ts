// What each step's form starts from: the target's defaults (shared), with every branch filled.
import { corsRulesFor, targetDefaults } from '@b2wiz/shared';
import type { BucketForm, CorsForm, FormContext, KeyForm, LifecycleForm } from './step-forms';

export function formDefaults(context: FormContext) {
  const defaults = targetDefaults(context.target);
  return {
    bucket: { bucketId: '', ...defaults.bucket } as BucketForm,
    lifecycle: {
      days: 30,
      rules: [
        { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 30 },
      ],
      ...defaults.lifecycle,
    } as LifecycleForm,
    cors: {
      apis: 'both',
      uploads: false,
      rulesJson: JSON.stringify(
        corsRulesFor({ preset: 'allHttps', apis: 'both', uploads: false }),
        null,
        2,
      ),
      ...defaults.cors,
      origin:
        (defaults.cors.preset === 'oneOrigin' ? defaults.cors.origin : '') || context.appUrl || '',
    } as CorsForm,
    key: { namePrefix: '', validDays: undefined, ...defaults.key } as KeyForm,
  };
}
