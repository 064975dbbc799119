// What the Lifecycle and CORS forms do to their values before the shared schema checks them:
// "keepCurrent" only for a bucket the account has, origins without a trailing '/', and custom
// CORS rules from the form fields or the JSON box.
import { TARGET_PRESETS, type Target } from '@b2wiz/shared';
import {
  corsJsonShapeProblem,
  rulesFromFields,
  trimOrigin,
  type CorsRuleFields,
} from './cors-rule-fields';

type Prepared = { ok: true; value: unknown } | { ok: false; field: string; message: string };

interface BucketContext {
  target: Target;
  bucketMode?: 'create' | 'existing' | undefined;
}

/** A "keepCurrent" choice left over from an existing bucket becomes the tool's default. */
export function withoutKeepCurrent<V extends { preset?: string | undefined }>(
  step: 'lifecycle' | 'cors',
  values: V,
  context: BucketContext | undefined,
): V {
  if (values.preset !== 'keepCurrent' || !context || context.bucketMode === 'existing') {
    return values;
  }
  return { ...values, preset: TARGET_PRESETS[context.target][step].preset };
}

interface CorsValues {
  preset?: string | undefined;
  origin?: string | undefined;
  rulesJson?: string | undefined;
  corsEditor?: 'fields' | 'json' | undefined;
  ruleFields?: CorsRuleFields[] | undefined;
}

function rulesFromJson(text: string | undefined): Prepared {
  let rules: unknown;
  try {
    rules = JSON.parse(text ?? '');
  } catch {
    return {
      ok: false,
      field: 'rulesJson',
      message:
        'This is not valid JSON. Check for a missing quote, comma or bracket; the rules are a list in [ ].',
    };
  }
  if (!Array.isArray(rules)) {
    return {
      ok: false,
      field: 'rulesJson',
      message: 'Write the rules as a list: start with [ and end with ].',
    };
  }
  const problem = corsJsonShapeProblem(rules);
  if (problem) return { ok: false, field: 'rulesJson', message: problem };
  return { ok: true, value: { preset: 'custom', rules } };
}

export function prepareCorsValues(values: CorsValues): Prepared {
  if (values.preset === 'oneOrigin') {
    return { ok: true, value: { ...values, origin: trimOrigin(values.origin ?? '') } };
  }
  if (values.preset !== 'custom') return { ok: true, value: values };
  if (values.corsEditor === 'json') return rulesFromJson(values.rulesJson);
  return { ok: true, value: { preset: 'custom', rules: rulesFromFields(values.ruleFields ?? []) } };
}
