// Object Lock default retention: B2's limits and our words for it (docs/b2-behaviour.md
// "Object Lock retention").

export const RETENTION_MODES = ['governance', 'compliance'] as const;
export type RetentionMode = (typeof RETENTION_MODES)[number];
export const RETENTION_UNITS = ['days', 'years'] as const;
export type RetentionUnit = (typeof RETENTION_UNITS)[number];

export interface RetentionPeriod {
  duration: number;
  unit: RetentionUnit;
}
export interface BucketRetention {
  mode: RetentionMode;
  period: RetentionPeriod;
}

/** B2 supports a retention of 1 to 3,000 days. */
export const RETENTION_MAX_DAYS = 3000;
/** A year counts as 365 days when checking the limit. */
export const DAYS_PER_YEAR = 365;

export const RETENTION_MODE_WORDS: Record<RetentionMode, { label: string; description: string }> = {
  governance: {
    label: 'Governance',
    description:
      'People with a special permission (bypassGovernance) can still delete a locked file.',
  },
  compliance: {
    label: 'Compliance',
    description:
      'Nobody can delete a locked file before its time is up, not even Backblaze support.',
  },
};

export const RETENTION_TEXT = {
  cost: 'A locked file cannot be deleted, so it is billed until its retention period ends.',
  needsObjectLock:
    'Retention needs Object Lock: turn on Object Lock for the new bucket, or leave retention out.',
  periodRange: 'From 1 day to 3,000 days (8 years).',
  afterCheck:
    'Set after the key check, so the check’s test file can still be deleted; files uploaded from then on are locked.',
} as const;

const unitWord = (period: RetentionPeriod) =>
  period.duration === 1 ? period.unit.slice(0, -1) : period.unit;

/** "30 days", "1 year". */
export function retentionPeriodWords(period: RetentionPeriod): string {
  return `${period.duration} ${unitWord(period)}`;
}

/** "Governance, 30 days": the setting in plain words. */
export function retentionWords(retention: BucketRetention): string {
  return `${RETENTION_MODE_WORDS[retention.mode].label}, ${retentionPeriodWords(retention.period)}`;
}

/** What is wrong with a period, or null. The duration is checked as a whole number first. */
export function retentionPeriodProblem(period: RetentionPeriod): string | null {
  const { duration, unit } = period;
  if (!Number.isInteger(duration) || duration < 1) {
    return 'The retention period must be a whole number of at least 1.';
  }
  const days = unit === 'years' ? duration * DAYS_PER_YEAR : duration;
  if (days <= RETENTION_MAX_DAYS) return null;
  const maxYears = Math.floor(RETENTION_MAX_DAYS / DAYS_PER_YEAR);
  return unit === 'years'
    ? `The retention period can be at most ${maxYears} years (Backblaze allows up to ${RETENTION_MAX_DAYS.toLocaleString('en-US')} days; ${duration} years is ${days.toLocaleString('en-US')} days). Choose ${maxYears} years or fewer, or give it in days.`
    : `The retention period can be at most ${RETENTION_MAX_DAYS.toLocaleString('en-US')} days. Choose ${RETENTION_MAX_DAYS.toLocaleString('en-US')} days or fewer.`;
}
