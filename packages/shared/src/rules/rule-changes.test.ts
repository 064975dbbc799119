import { describe, expect, it } from 'vitest';
import type { CorsRule, LifecycleRule } from '../schemas/setup-request';
import { corsLosses, lifecycleLosses } from './rule-changes';

// B2's JSON for the console's choices (docs/b2-behaviour.md "Buckets, lifecycle and CORS").
const keepAll: LifecycleRule[] = [];
const keepLatest: LifecycleRule[] = [
  { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
];
const keepPrior = (days: number): LifecycleRule[] => [
  { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: days },
];

describe('lifecycleLosses: the worked cases', () => {
  it.each([
    ['keepAll → keepLatest', keepAll, keepLatest, 1],
    ['keepAll → keepPriorDays 30', keepAll, keepPrior(30), 1],
    ['keepPriorDays 30 → keepPriorDays 7', keepPrior(30), keepPrior(7), 1],
    ['keepPriorDays 7 → keepPriorDays 30', keepPrior(7), keepPrior(30), 0],
    ['keepPriorDays 7 → keepAll', keepPrior(7), keepAll, 0],
    ['keepLatest → keepAll', keepLatest, keepAll, 0],
    ['keepLatest → keepLatest', keepLatest, keepLatest, 0],
  ])('%s', (_case, today, proposed, count) => {
    expect(lifecycleLosses(today, proposed)).toHaveLength(count);
  });

  it('says what will happen, in B2’s numbers', () => {
    expect(lifecycleLosses(keepAll, keepLatest)).toEqual([
      'Older versions of files will be deleted 1 day after they are replaced or hidden (today: kept for good).',
    ]);
    expect(lifecycleLosses(keepPrior(30), keepPrior(7))).toEqual([
      'Older versions of files will be deleted 7 days after they are replaced or hidden (today: after 30 days).',
    ]);
  });
});

describe('lifecycleLosses: custom rules, prefix by prefix', () => {
  it('a name no rule touches today that gets hidden afterwards', () => {
    const today: LifecycleRule[] = [
      { fileNamePrefix: 'logs/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 7 },
    ];
    const proposed: LifecycleRule[] = [
      ...today,
      { fileNamePrefix: 'tmp/', daysFromUploadingToHiding: 2, daysFromHidingToDeleting: null },
    ];
    expect(lifecycleLosses(today, proposed)).toEqual([
      'Files whose names start with “tmp/” will be hidden 2 days after upload (today: never hidden).',
    ]);
  });

  it('a prefix whose days until deleting get smaller, beside one that grows', () => {
    const today: LifecycleRule[] = [
      { fileNamePrefix: 'a/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 10 },
      { fileNamePrefix: 'b/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 10 },
    ];
    const proposed: LifecycleRule[] = [
      { fileNamePrefix: 'a/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 3 },
      { fileNamePrefix: 'b/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 30 },
    ];
    expect(lifecycleLosses(today, proposed)).toEqual([
      'Older versions of files whose names start with “a/” will be deleted 3 days after they are replaced or hidden (today: after 10 days).',
    ]);
  });

  it('hiding that comes sooner, and hidden files deleted where they were kept', () => {
    const today: LifecycleRule[] = [
      { fileNamePrefix: 'x/', daysFromUploadingToHiding: 30, daysFromHidingToDeleting: null },
    ];
    const proposed: LifecycleRule[] = [
      { fileNamePrefix: 'x/', daysFromUploadingToHiding: 5, daysFromHidingToDeleting: 1 },
    ];
    expect(lifecycleLosses(today, proposed)).toEqual([
      'Older versions of files whose names start with “x/” will be deleted 1 day after they are replaced or hidden (today: kept for good).',
      'Files whose names start with “x/” will be hidden 5 days after upload (today: after 30 days).',
    ]);
  });

  it('a wider new rule reaches names that a narrower rule of today left alone', () => {
    const today: LifecycleRule[] = [
      { fileNamePrefix: 'cache/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
    ];
    const proposed: LifecycleRule[] = [
      { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
    ];
    // cache/ keeps its day; every other name was kept for good.
    expect(lifecycleLosses(today, proposed)).toEqual([
      'Older versions of files will be deleted 1 day after they are replaced or hidden (today: kept for good).',
    ]);
  });

  it('a narrower new rule that leaves names alone loses nothing', () => {
    const today: LifecycleRule[] = [
      { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
    ];
    const proposed: LifecycleRule[] = [
      { fileNamePrefix: 'cache/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
    ];
    expect(lifecycleLosses(today, proposed)).toEqual([]);
  });
});

const rule = (over: Partial<CorsRule>): CorsRule => ({
  corsRuleName: 'rule',
  allowedOrigins: ['https://shop.example.com'],
  allowedOperations: ['b2_download_file_by_name', 'b2_upload_file'],
  allowedHeaders: ['authorization'],
  exposeHeaders: null,
  maxAgeSeconds: 3600,
  ...over,
});

describe('corsLosses', () => {
  it('removing every rule takes away each origin’s operations', () => {
    expect(corsLosses([rule({})], [])).toEqual([
      'Web pages on https://shop.example.com will no longer be allowed to call b2_download_file_by_name, b2_upload_file on this bucket from a browser.',
    ]);
  });

  it('compares what rules allow, not their names', () => {
    const renamed = rule({ corsRuleName: 'other-name' });
    expect(corsLosses([rule({})], [renamed])).toEqual([]);
  });

  it('an upload that is no longer allowed is a loss; a download that stays is not', () => {
    const downloadOnly = rule({ allowedOperations: ['b2_download_file_by_name'] });
    expect(corsLosses([rule({})], [downloadOnly])).toEqual([
      'Web pages on https://shop.example.com will no longer be allowed to call b2_upload_file on this bucket from a browser.',
    ]);
  });

  it('a wider origin afterwards (all HTTPS, or any) still allows what one origin had', () => {
    expect(corsLosses([rule({})], [rule({ allowedOrigins: ['https'] })])).toEqual([]);
    expect(corsLosses([rule({})], [rule({ allowedOrigins: ['*'] })])).toEqual([]);
    expect(corsLosses([rule({})], [rule({ allowedOrigins: ['https://*.example.com'] })])).toEqual(
      [],
    );
  });

  it('narrowing any origin to one site is a loss for every other site', () => {
    const any = rule({ allowedOrigins: ['*'], allowedOperations: ['s3_get'] });
    const one = rule({ allowedOperations: ['s3_get'] });
    expect(corsLosses([any], [one])).toEqual([
      'Web pages on any site will no longer be allowed to call s3_get on this bucket from a browser.',
    ]);
  });

  it('adding rules where there were none loses nothing', () => {
    expect(corsLosses([], [rule({})])).toEqual([]);
  });
});
