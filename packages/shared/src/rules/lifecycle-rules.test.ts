import { describe, expect, it } from 'vitest';
import {
  type LifecycleRuleInput,
  MAX_LIFECYCLE_RULES,
  lifecycleRulesProblems,
} from './lifecycle-rules';

const rule = (over: Partial<LifecycleRuleInput> = {}): LifecycleRuleInput => ({
  fileNamePrefix: '',
  daysFromUploadingToHiding: null,
  daysFromHidingToDeleting: 1,
  ...over,
});

const WHOLE_NUMBER = (label: string) =>
  `${label} must be a whole number of at least 1, or left empty. 0 is not allowed.`;

describe('lifecycleRulesProblems', () => {
  it('accepts no rules', () => {
    expect(lifecycleRulesProblems([])).toEqual([]);
  });

  it("accepts the dashboard's keep-only-the-last-version rule", () => {
    expect(lifecycleRulesProblems([rule()])).toEqual([]);
  });

  it('accepts rules on prefixes that do not start with one another', () => {
    expect(
      lifecycleRulesProblems([
        rule({ fileNamePrefix: 'logs/' }),
        rule({ fileNamePrefix: 'tmp/', daysFromUploadingToHiding: 7 }),
        rule({
          fileNamePrefix: 'logs2/',
          daysFromStartingToCancelingUnfinishedLargeFiles: 3,
          daysFromHidingToDeleting: null,
        }),
      ]),
    ).toEqual([]);
  });

  it.each([
    ['daysFromUploadingToHiding', 'Days until a file is hidden'],
    ['daysFromHidingToDeleting', 'Days until a hidden file is deleted'],
    [
      'daysFromStartingToCancelingUnfinishedLargeFiles',
      'Days until an unfinished upload is cancelled',
    ],
  ] as const)('refuses 0, negative and fractional %s', (field, label) => {
    for (const days of [0, -1, 1.5]) {
      const problems = lifecycleRulesProblems([
        rule({ daysFromHidingToDeleting: 1, [field]: days }),
      ]);
      expect(problems).toEqual([{ path: [0, field], message: WHOLE_NUMBER(label) }]);
    }
  });

  it('refuses a rule whose day fields are all empty', () => {
    expect(lifecycleRulesProblems([rule({ daysFromHidingToDeleting: null })])).toEqual([
      {
        path: [0, 'daysFromHidingToDeleting'],
        message: 'This rule does nothing: fill in at least one number of days, or remove the rule.',
      },
    ]);
  });

  it("refuses a leading '/'", () => {
    expect(lifecycleRulesProblems([rule({ fileNamePrefix: '/logs/' })])).toEqual([
      {
        path: [0, 'fileNamePrefix'],
        message: "File names in B2 don't start with '/'. Remove the leading '/'.",
      },
    ]);
  });

  it('refuses overlapping prefixes and points at the later rule', () => {
    expect(
      lifecycleRulesProblems([
        rule({ fileNamePrefix: 'photos/' }),
        rule({ fileNamePrefix: 'photos/kittens/' }),
      ]),
    ).toEqual([
      {
        path: [1, 'fileNamePrefix'],
        message:
          "Rules can't overlap: 'photos/kittens/' overlaps 'photos/' in rule 1. Use prefixes that don't start with one another.",
      },
    ]);
  });

  it('refuses an empty prefix beside any other rule', () => {
    expect(lifecycleRulesProblems([rule({ fileNamePrefix: 'logs/' }), rule()])).toEqual([
      {
        path: [1, 'fileNamePrefix'],
        message:
          "Rules can't overlap: the whole bucket (empty prefix) overlaps 'logs/' in rule 1. Use prefixes that don't start with one another.",
      },
    ]);
  });

  it('refuses the same prefix twice', () => {
    const problems = lifecycleRulesProblems([
      rule({ fileNamePrefix: 'a/' }),
      rule({ fileNamePrefix: 'a/' }),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual([1, 'fileNamePrefix']);
  });

  it('allows 100 rules and refuses 101 with the number to remove', () => {
    const rules = (n: number) =>
      Array.from({ length: n }, (_, i) => rule({ fileNamePrefix: `p${i}/` }));
    expect(lifecycleRulesProblems(rules(MAX_LIFECYCLE_RULES))).toEqual([]);
    expect(lifecycleRulesProblems(rules(101))).toEqual([
      { path: [], message: 'B2 allows at most 100 lifecycle rules. Remove 1.' },
    ]);
  });
});
