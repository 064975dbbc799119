// What each step's form starts from: the target's defaults (shared), with every branch filled.
import { corsRulesFor, targetDefaults } from '@b2wiz/shared';
import { fieldsFromRules } from './cors-rule-fields';
import type { BucketForm, CorsForm, FormContext, KeyForm, LifecycleForm } from './step-forms';

export function formDefaults(context: FormContext) {
  const defaults = targetDefaults(context.target);
  // An existing bucket keeps its rules unless the user chooses otherwise.
  const keep = context.bucketMode === 'existing' ? ({ preset: 'keepCurrent' } as const) : {};
  const sampleCors = corsRulesFor({ preset: 'allHttps', apis: 'both', uploads: false });
  return {
    bucket: { bucketId: '', ...defaults.bucket } as BucketForm,
    lifecycle: {
      days: 30,
      rules: [
        { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 30 },
      ],
      ...defaults.lifecycle,
      ...keep,
    } as LifecycleForm,
    cors: {
      apis: 'both',
      uploads: false,
      corsEditor: 'fields',
      ruleFields: fieldsFromRules(sampleCors),
      rulesJson: JSON.stringify(sampleCors, null, 2),
      ...defaults.cors,
      ...keep,
      origin:
        (defaults.cors.preset === 'oneOrigin' ? defaults.cors.origin : '') || context.appUrl || '',
    } as CorsForm,
    key: { namePrefix: '', validDays: undefined, ...defaults.key } as KeyForm,
  };
}
