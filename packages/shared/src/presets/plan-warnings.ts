// Warning codes a plan may carry. Scripts branch on them, so they never change. The first three
// can destroy data or break a working site: apply refuses them unless the request confirms them.

export const CONFIRMABLE_WARNINGS = [
  'deletes_old_versions',
  'removes_cors_rules',
  'object_lock_permanent',
] as const;
export type ConfirmableWarning = (typeof CONFIRMABLE_WARNINGS)[number];

export const PLAN_WARNING_CODES = [
  ...CONFIRMABLE_WARNINGS,
  'access_too_narrow',
  'replaces_lifecycle_rules',
  'replaces_cors_rules',
  'encryption_always_on',
  'public_bucket',
  'object_lock_on',
  'key_not_restricted',
  'key_for_several_buckets',
  'key_expires',
  'master_key_not_for_s3',
  'cannot_clean_up_keys',
] as const;
export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number];

export function needsConfirmation(code: string): code is ConfirmableWarning {
  return (CONFIRMABLE_WARNINGS as readonly string[]).includes(code);
}

/** The box the user ticks on Review, one per consequence. */
export const CONFIRMATION_LABELS: Record<ConfirmableWarning, string> = {
  deletes_old_versions: 'I understand that older versions of files will be deleted.',
  removes_cors_rules: 'I understand that web pages will lose access they have today.',
  object_lock_permanent: 'I understand that Object Lock can never be turned off for this bucket.',
};
