import { describe, expect, it } from 'vitest';
import { lifecycleRulesProblems } from '../rules/lifecycle-rules';
import { LIFECYCLE_LABELS, lifecycleRulesFor } from './lifecycle-presets';

describe('lifecycleRulesFor', () => {
  it('keepAll stores no rule', () => {
    expect(lifecycleRulesFor({ preset: 'keepAll' })).toEqual([]);
  });

  it("keepLatest is the dashboard's exact rule", () => {
    expect(JSON.stringify(lifecycleRulesFor({ preset: 'keepLatest' }))).toBe(
      '[{"fileNamePrefix":"","daysFromUploadingToHiding":null,"daysFromHidingToDeleting":1}]',
    );
  });

  it('keepPriorDays deletes hidden versions after the days given', () => {
    expect(JSON.stringify(lifecycleRulesFor({ preset: 'keepPriorDays', days: 30 }))).toBe(
      '[{"fileNamePrefix":"","daysFromUploadingToHiding":null,"daysFromHidingToDeleting":30}]',
    );
  });

  it('custom passes the rules through unchanged', () => {
    const rules = [
      { fileNamePrefix: 'logs/', daysFromUploadingToHiding: 7, daysFromHidingToDeleting: 1 },
    ];
    expect(lifecycleRulesFor({ preset: 'custom', rules })).toBe(rules);
  });

  it('every preset passes the lifecycle rules', () => {
    for (const step of [
      { preset: 'keepAll' },
      { preset: 'keepLatest' },
      { preset: 'keepPriorDays', days: 1 },
    ] as const) {
      expect(lifecycleRulesProblems(lifecycleRulesFor(step))).toEqual([]);
    }
  });

  it('uses the dashboard labels', () => {
    expect(LIFECYCLE_LABELS.keepLatest.label).toBe('Keep only the last version of the file');
    expect(LIFECYCLE_LABELS.keepAll.label).toBe('Keep all versions of the file');
  });
});
