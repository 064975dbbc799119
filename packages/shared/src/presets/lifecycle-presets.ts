// The dashboard's lifecycle choices as the B2 JSON they store (docs/b2-behaviour.md
// "Buckets, lifecycle and CORS").
import type { LifecycleRule, LifecycleStep } from '../schemas/setup-request';

/** The rules a step asks for; keepCurrent needs the bucket's rules of today. */
export function lifecycleRulesFor(
  step: LifecycleStep,
  current?: readonly LifecycleRule[],
): LifecycleRule[] {
  switch (step.preset) {
    case 'keepCurrent':
      if (!current) throw new Error('keepCurrent needs the bucket’s current lifecycle rules');
      return structuredClone([...current]);
    case 'keepAll':
      return [];
    case 'keepLatest':
      return [{ fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 }];
    case 'keepPriorDays':
      return [
        {
          fileNamePrefix: '',
          daysFromUploadingToHiding: null,
          daysFromHidingToDeleting: step.days,
        },
      ];
    case 'custom':
      return step.rules;
  }
}

export const LIFECYCLE_LABELS: Record<
  LifecycleStep['preset'],
  { label: string; description: string }
> = {
  keepAll: {
    label: 'Keep all versions of the file',
    description: 'Every version is kept and billed until you delete it.',
  },
  keepLatest: {
    label: 'Keep only the last version of the file',
    description:
      'Older versions are deleted about a day after a newer one replaces them, which keeps the bill down for backups.',
  },
  keepPriorDays: {
    label: 'Keep prior versions for this number of days',
    description:
      'A safety net: replaced or deleted files can be recovered for this many days, then they are removed.',
  },
  custom: {
    label: 'Use custom lifecycle rules',
    description: 'Your own rules per file-name prefix. B2 applies them about once a day.',
  },
  keepCurrent: {
    label: 'Keep the rules it has now',
    description: 'Nothing about how long this bucket keeps files changes.',
  },
};
