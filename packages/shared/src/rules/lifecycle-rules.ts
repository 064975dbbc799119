// B2's lifecycle-rule constraints (docs/b2-behaviour.md "Buckets, lifecycle and CORS").

export const MAX_LIFECYCLE_RULES = 100;
/** The longest day count we send: 100 years, as for the "keep prior versions" preset. */
export const MAX_LIFECYCLE_DAYS = 36500;

export interface LifecycleRuleInput {
  fileNamePrefix: string;
  daysFromUploadingToHiding: number | null;
  daysFromHidingToDeleting: number | null;
  daysFromStartingToCancelingUnfinishedLargeFiles?: number | null | undefined;
}

export interface RuleProblem {
  /** Path below the rules list: [index, field] or [] for the list as a whole. */
  path: (string | number)[];
  message: string;
}

const DAY_FIELDS = [
  ['daysFromUploadingToHiding', 'Days until a file is hidden'],
  ['daysFromHidingToDeleting', 'Days until a hidden file is deleted'],
  [
    'daysFromStartingToCancelingUnfinishedLargeFiles',
    'Days until an unfinished upload is cancelled',
  ],
] as const;

export function lifecycleRulesProblems(rules: readonly LifecycleRuleInput[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (rules.length > MAX_LIFECYCLE_RULES) {
    problems.push({
      path: [],
      message: `B2 allows at most ${MAX_LIFECYCLE_RULES} lifecycle rules. Remove ${rules.length - MAX_LIFECYCLE_RULES}.`,
    });
  }
  rules.forEach((rule, index) => {
    for (const [field, label] of DAY_FIELDS) {
      const days = rule[field];
      if (days === null || days === undefined) continue;
      if (!Number.isInteger(days) || days < 1) {
        problems.push({
          path: [index, field],
          message: `${label} must be a whole number of at least 1, or left empty. 0 is not allowed.`,
        });
      } else if (days > MAX_LIFECYCLE_DAYS) {
        problems.push({
          path: [index, field],
          message: `${label} can be at most ${MAX_LIFECYCLE_DAYS} (100 years), or left empty to keep files for good.`,
        });
      }
    }
    if (DAY_FIELDS.every(([field]) => rule[field] === null || rule[field] === undefined)) {
      problems.push({
        path: [index, 'daysFromHidingToDeleting'],
        message: 'This rule does nothing: fill in at least one number of days, or remove the rule.',
      });
    }
    if (rule.fileNamePrefix.startsWith('/')) {
      problems.push({
        path: [index, 'fileNamePrefix'],
        message: "File names in B2 don't start with '/'. Remove the leading '/'.",
      });
    }
  });
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!.fileNamePrefix;
      const b = rules[j]!.fileNamePrefix;
      if (a.startsWith(b) || b.startsWith(a)) {
        const shown = (p: string) => (p === '' ? 'the whole bucket (empty prefix)' : `'${p}'`);
        problems.push({
          path: [j, 'fileNamePrefix'],
          message: `Rules can't overlap: ${shown(b)} overlaps ${shown(a)} in rule ${i + 1}. Use prefixes that don't start with one another.`,
        });
      }
    }
  }
  return problems;
}
