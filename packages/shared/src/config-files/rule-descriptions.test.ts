import { describe, expect, it } from 'vitest';
import { corsRulesFor } from '../presets/cors-presets';
import { lifecycleRulesFor } from '../presets/lifecycle-presets';
import { describeCorsRule, describeLifecycleRules, isKeepLatest } from './rule-descriptions';

describe('describeLifecycleRules', () => {
  it('names the dashboard choice for each preset', () => {
    expect(describeLifecycleRules(lifecycleRulesFor({ preset: 'keepAll' }))).toEqual([
      'Keep all versions of the file: every version is kept, and billed, until you delete it.',
    ]);
    expect(describeLifecycleRules(lifecycleRulesFor({ preset: 'keepLatest' }))).toEqual([
      'Keep only the last version of the file: older versions are deleted about a day after a newer one replaces them.',
    ]);
    expect(
      describeLifecycleRules(lifecycleRulesFor({ preset: 'keepPriorDays', days: 30 })),
    ).toEqual([
      'Keep prior versions for 30 days: replaced or deleted files can be recovered for 30 days, then they are removed.',
    ]);
  });

  it('describes custom rules one line each', () => {
    expect(
      describeLifecycleRules([
        { fileNamePrefix: 'logs/', daysFromUploadingToHiding: 7, daysFromHidingToDeleting: 1 },
        {
          fileNamePrefix: 'tmp/',
          daysFromUploadingToHiding: null,
          daysFromHidingToDeleting: null,
          daysFromStartingToCancelingUnfinishedLargeFiles: 2,
        },
      ]),
    ).toEqual([
      'Files whose names start with `logs/`: hidden 7 days after upload; deleted 1 day after being hidden or replaced.',
      'Files whose names start with `tmp/`: unfinished large uploads cancelled after 2 days.',
    ]);
  });

  it('does not mistake a whole-bucket rule that also hides files for keep-only-the-last-version', () => {
    expect(
      describeLifecycleRules([
        { fileNamePrefix: '', daysFromUploadingToHiding: 30, daysFromHidingToDeleting: 1 },
      ]),
    ).toEqual([
      'All files: hidden 30 days after upload; deleted 1 day after being hidden or replaced.',
    ]);
  });
});

describe('isKeepLatest', () => {
  it('is true only for the dashboard rule', () => {
    expect(isKeepLatest(lifecycleRulesFor({ preset: 'keepLatest' }))).toBe(true);
    expect(isKeepLatest([])).toBe(false);
    expect(isKeepLatest(lifecycleRulesFor({ preset: 'keepPriorDays', days: 7 }))).toBe(false);
    expect(
      isKeepLatest([
        {
          fileNamePrefix: '',
          daysFromUploadingToHiding: null,
          daysFromHidingToDeleting: 1,
          daysFromStartingToCancelingUnfinishedLargeFiles: 1,
        },
      ]),
    ).toBe(false);
  });
});

describe('describeCorsRule', () => {
  it('lists every part of the rule', () => {
    const [rule] = corsRulesFor({
      preset: 'oneOrigin',
      origin: 'https://app.example.com',
      apis: 's3',
      uploads: true,
    });
    expect(describeCorsRule(rule!)).toBe(
      '`s3UploadFromOneOrigin`: origins `https://app.example.com`; operations `s3_get`, `s3_head`, `s3_put`, `s3_post`; allowed headers `authorization`, `content-type`, `range`, `x-amz-*`; exposed headers `etag`; browsers may reuse the answer for 3600 seconds.',
    );
  });

  it('leaves out empty header lists', () => {
    expect(
      describeCorsRule({
        corsRuleName: 'downloads',
        allowedOrigins: ['*'],
        allowedOperations: ['s3_get'],
        allowedHeaders: null,
        exposeHeaders: [],
        maxAgeSeconds: 0,
      }),
    ).toBe(
      '`downloads`: origins `*`; operations `s3_get`; browsers may reuse the answer for 0 seconds.',
    );
  });
});
