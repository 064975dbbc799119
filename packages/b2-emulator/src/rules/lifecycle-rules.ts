/** Lifecycle rules (docs/b2-behaviour.md, "Buckets, lifecycle and CORS"): 400 bad_request when wrong. */
import { badRequest } from '../errors';
import { isPositiveInt } from './positive-integer';

export interface LifecycleRule {
  fileNamePrefix: string;
  daysFromUploadingToHiding: number | null;
  daysFromHidingToDeleting: number | null;
  daysFromStartingToCancelingUnfinishedLargeFiles?: number | null;
}

const LIFECYCLE_DAY_FIELDS = [
  'daysFromUploadingToHiding',
  'daysFromHidingToDeleting',
  'daysFromStartingToCancelingUnfinishedLargeFiles',
] as const;

export function checkLifecycleRules(value: unknown): LifecycleRule[] {
  if (!Array.isArray(value)) throw badRequest('lifecycleRules must be a list');
  if (value.length > 100) throw badRequest('lifecycleRules: at most 100 rules per bucket');
  const rules = value.map((raw, i): LifecycleRule => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw badRequest(`lifecycleRules[${i}] must be an object`);
    }
    const r = raw as Record<string, unknown>;
    if (typeof r.fileNamePrefix !== 'string') {
      throw badRequest(`lifecycleRules[${i}]: fileNamePrefix is required and must be a string`);
    }
    const rule: LifecycleRule = {
      fileNamePrefix: r.fileNamePrefix,
      daysFromUploadingToHiding: null,
      daysFromHidingToDeleting: null,
    };
    for (const field of LIFECYCLE_DAY_FIELDS) {
      const days = r[field];
      if (days === undefined || days === null) {
        if (days === null && field === 'daysFromStartingToCancelingUnfinishedLargeFiles')
          rule[field] = null;
        continue;
      }
      if (!isPositiveInt(days)) {
        throw badRequest(
          `lifecycleRules[${i}]: ${field} must be null or a positive integer, not ${JSON.stringify(days)}`,
        );
      }
      rule[field] = days;
    }
    if (LIFECYCLE_DAY_FIELDS.every((f) => rule[f] === null || rule[f] === undefined)) {
      throw badRequest(`lifecycleRules[${i}]: a rule with every day field null does nothing`);
    }
    return rule;
  });
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!.fileNamePrefix;
      const b = rules[j]!.fileNamePrefix;
      if (a.startsWith(b) || b.startsWith(a)) {
        throw badRequest(
          `lifecycleRules: prefixes ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`,
        );
      }
    }
  }
  return rules;
}
