// What a plan says about changing an existing bucket's rules, and about a key too narrow for its
// tool. Codes are stable (shared's PLAN_WARNING_CODES); the destructive ones need confirmation.
import {
  accessTooNarrow,
  corsLosses,
  lifecycleLosses,
  type PlanWarning,
  type PlanWarningCode,
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

/** Informational "replaces" when a kind of rule changes, and the destructive code when it loses something. */
function kindWarnings(
  kind: 'lifecycle' | 'CORS',
  field: 'lifecycle' | 'cors',
  codes: { replaces: PlanWarningCode; loses: PlanWarningCode },
  today: { count: number; key: string },
  proposedKey: string,
  losses: string[],
): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  if (today.key !== proposedKey && today.count > 0) {
    warnings.push({
      code: codes.replaces,
      field,
      message: `The bucket’s ${rules(today.count, kind)} of today will be replaced by the ones shown.`,
    });
  }
  if (losses.length > 0) warnings.push({ code: codes.loses, field, message: losses.join(' ') });
  return warnings;
}

export function ruleChangeWarnings(current: Desired, desired: Desired): PlanWarning[] {
  return [
    ...kindWarnings(
      'lifecycle',
      'lifecycle',
      { replaces: 'replaces_lifecycle_rules', loses: 'deletes_old_versions' },
      { count: current.lifecycleRules.length, key: lifecycleKey(current.lifecycleRules) },
      lifecycleKey(desired.lifecycleRules),
      lifecycleLosses(current.lifecycleRules, desired.lifecycleRules),
    ),
    ...kindWarnings(
      'CORS',
      'cors',
      { replaces: 'replaces_cors_rules', loses: 'removes_cors_rules' },
      { count: current.corsRules.length, key: corsKey(current.corsRules) },
      corsKey(desired.corsRules),
      corsLosses(current.corsRules, desired.corsRules),
    ),
  ];
}

export function accessWarning(request: SetupRequest): PlanWarning | null {
  const message = accessTooNarrow(request.target, request.key.access);
  return message ? { code: 'access_too_narrow', field: 'key.access', message } : null;
}
