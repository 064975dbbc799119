// What a plan says about changing an existing bucket's rules, and about a key too narrow for its
// tool. Codes are stable (shared's PLAN_WARNING_CODES); the destructive ones need confirmation.
import {
  accessTooNarrow,
  corsLosses,
  lifecycleLosses,
  type PlanWarning,
  type SetupRequest,
} from '@b2wiz/shared';
import { corsKey, lifecycleKey, type Desired } from './rule-match';

/** Object Lock, once on, stays on: a change that needs the user's say-so. */
export const OBJECT_LOCK_PERMANENT: PlanWarning = {
  code: 'object_lock_permanent',
  field: 'bucket.objectLock',
  message: 'Object Lock cannot be turned off once the bucket exists.',
};

const rules = (count: number, kind: string) =>
  count === 1 ? `1 ${kind} rule` : `${count} ${kind} rules`;

export function ruleChangeWarnings(current: Desired, desired: Desired): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const lifecycleChanges =
    lifecycleKey(current.lifecycleRules) !== lifecycleKey(desired.lifecycleRules);
  if (lifecycleChanges && current.lifecycleRules.length > 0) {
    warnings.push({
      code: 'replaces_lifecycle_rules',
      field: 'lifecycle',
      message: `The bucket’s ${rules(current.lifecycleRules.length, 'lifecycle')} of today will be replaced by the ones shown.`,
    });
  }
  const lost = lifecycleLosses(current.lifecycleRules, desired.lifecycleRules);
  if (lost.length > 0) {
    warnings.push({ code: 'deletes_old_versions', field: 'lifecycle', message: lost.join(' ') });
  }
  if (corsKey(current.corsRules) !== corsKey(desired.corsRules) && current.corsRules.length > 0) {
    warnings.push({
      code: 'replaces_cors_rules',
      field: 'cors',
      message: `The bucket’s ${rules(current.corsRules.length, 'CORS')} of today will be replaced by the ones shown.`,
    });
  }
  const blocked = corsLosses(current.corsRules, desired.corsRules);
  if (blocked.length > 0) {
    warnings.push({ code: 'removes_cors_rules', field: 'cors', message: blocked.join(' ') });
  }
  return warnings;
}

export function accessWarning(request: SetupRequest): PlanWarning | null {
  const message = accessTooNarrow(request.target, request.key.access);
  return message ? { code: 'access_too_narrow', field: 'key.access', message } : null;
}
