// Whether a bucket already has the rules asked for, compared as B2 stores them: order of rules,
// origins, operations and headers does not matter; every field B2 keeps does.
import type { CorsRule, LifecycleRule } from '@b2wiz/shared';

export interface Desired {
  lifecycleRules: LifecycleRule[];
  corsRules: CorsRule[];
}

const sorted = (list: readonly string[] | null | undefined) => [...(list ?? [])].sort();

export function lifecycleKey(rules: readonly LifecycleRule[]): string {
  return JSON.stringify(
    rules
      .map((r) => [
        r.fileNamePrefix,
        r.daysFromUploadingToHiding ?? null,
        r.daysFromHidingToDeleting ?? null,
        r.daysFromStartingToCancelingUnfinishedLargeFiles ?? null,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
}

export function corsKey(rules: readonly CorsRule[]): string {
  return JSON.stringify(
    rules
      .map((r) => [
        r.corsRuleName,
        sorted(r.allowedOrigins),
        sorted(r.allowedOperations),
        sorted(r.allowedHeaders),
        sorted(r.exposeHeaders),
        r.maxAgeSeconds,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
}

export function rulesMatch(bucket: Desired, desired: Desired): boolean {
  return (
    lifecycleKey(bucket.lifecycleRules) === lifecycleKey(desired.lifecycleRules) &&
    corsKey(bucket.corsRules) === corsKey(desired.corsRules)
  );
}
