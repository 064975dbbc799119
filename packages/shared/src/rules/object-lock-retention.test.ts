// Expected values from Backblaze's Object Lock docs: 1 to 3,000 days (docs/b2-behaviour.md
// "Object Lock retention"); a year counts as 365 days.
import { describe, expect, it } from 'vitest';
import { bucketStepSchema, setupRequestSchema } from '../schemas/setup-request';
import { recipeSchema } from '../schemas/recipe';
import { targetDefaults } from '../presets/targets';
import { retentionPeriodProblem, retentionWords } from './object-lock-retention';

const newBucket = (retention: unknown, objectLock = true) => ({
  mode: 'create',
  name: 'acme-locked-backups',
  objectLock,
  retention,
});
const governance = (duration: number, unit: 'days' | 'years') => ({
  mode: 'governance',
  period: { duration, unit },
});
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];
const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('bucket.retention', () => {
  it('accepts 1 and 3000 days, and 8 years (2920 days)', () => {
    for (const r of [governance(1, 'days'), governance(3000, 'days'), governance(8, 'years')]) {
      expect(bucketStepSchema.safeParse(newBucket(r)).success).toBe(true);
    }
  });

  it('accepts compliance mode and keeps B2’s shape', () => {
    const parsed = bucketStepSchema.parse(
      newBucket({ mode: 'compliance', period: { duration: 30, unit: 'days' } }),
    );
    expect(parsed).toMatchObject({
      retention: { mode: 'compliance', period: { duration: 30, unit: 'days' } },
    });
  });

  it('refuses 0 days, saying the least', () => {
    const result = bucketStepSchema.safeParse(newBucket(governance(0, 'days')));
    expect(paths(result)).toEqual(['retention.period.duration']);
    expect(messages(result)).toEqual([
      'The retention period must be a whole number of at least 1.',
    ]);
  });

  it('refuses 3001 days, saying the most', () => {
    const result = bucketStepSchema.safeParse(newBucket(governance(3001, 'days')));
    expect(paths(result)).toEqual(['retention.period.duration']);
    expect(messages(result)).toEqual([
      'The retention period can be at most 3,000 days. Choose 3,000 days or fewer.',
    ]);
  });

  it('refuses 9 years, which is 3285 days', () => {
    const result = bucketStepSchema.safeParse(newBucket(governance(9, 'years')));
    expect(paths(result)).toEqual(['retention.period.duration']);
    expect(messages(result)).toEqual([
      'The retention period can be at most 8 years (Backblaze allows up to 3,000 days; 9 years is 3,285 days). Choose 8 years or fewer, or give it in days.',
    ]);
  });

  it('refuses a part of a day and an unknown mode or unit', () => {
    expect(retentionPeriodProblem({ duration: 1.5, unit: 'days' })).toBe(
      'The retention period must be a whole number of at least 1.',
    );
    const mode = bucketStepSchema.safeParse(
      newBucket({ mode: 'legal', period: { duration: 1, unit: 'days' } }),
    );
    expect(messages(mode)).toEqual(['Choose the retention mode: "governance" or "compliance".']);
    const unit = bucketStepSchema.safeParse(
      newBucket({ mode: 'governance', period: { duration: 1, unit: 'weeks' } }),
    );
    expect(messages(unit)).toEqual(['The retention period’s unit must be "days" or "years".']);
  });

  it('refuses retention without Object Lock, naming the fix', () => {
    const result = bucketStepSchema.safeParse(newBucket(governance(30, 'days'), false));
    expect(paths(result)).toEqual(['retention']);
    expect(messages(result)).toEqual([
      'Retention needs Object Lock: turn on Object Lock for the new bucket, or leave retention out.',
    ]);
  });

  it('is not part of an existing bucket', () => {
    const parsed = bucketStepSchema.parse({
      mode: 'existing',
      bucketId: 'b1',
      retention: governance(30, 'days'),
    });
    expect(parsed).toEqual({ mode: 'existing', bucketId: 'b1' });
  });

  it('is checked in the whole request and in a recipe', () => {
    const base = targetDefaults('restic');
    const request = {
      ...base,
      bucket: newBucket(governance(30, 'days'), false),
      key: { ...base.key, name: 'restic-key' },
    };
    expect(paths(setupRequestSchema.safeParse(request))).toEqual(['bucket.retention']);
    const { bucket: _b, key: _k, ...settings } = request;
    const recipe = {
      ...settings,
      format: 'b2-setup-wizard-recipe',
      version: 1,
      bucket: { mode: 'create', objectLock: false, retention: governance(30, 'days') },
      key: { access: 'readWrite' },
    };
    expect(paths(recipeSchema.safeParse(recipe))).toContain('bucket.retention');
  });

  it('says the setting in plain words', () => {
    expect(retentionWords({ mode: 'governance', period: { duration: 30, unit: 'days' } })).toBe(
      'Governance, 30 days',
    );
    expect(retentionWords({ mode: 'compliance', period: { duration: 1, unit: 'years' } })).toBe(
      'Compliance, 1 year',
    );
  });
});
