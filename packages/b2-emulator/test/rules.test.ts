import { describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index';
import { authorize, useEmulator, type Answer } from './helpers';

/** b2_create_bucket with the master key: a private bucket with `fields` (its name, its rules). */
async function createBucketWith(
  emulator: Emulator,
  fields: Record<string, unknown>,
): Promise<Answer> {
  const s = await authorize(emulator);
  return s.call('b2_create_bucket', {
    accountId: s.accountId,
    bucketType: 'allPrivate',
    ...fields,
  });
}

/** 400 bad_request, its message naming the problem. */
function expectBadRequest(res: Answer, message: RegExp): void {
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('bad_request');
  expect(res.body.message).toMatch(message);
}

const cors = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  corsRuleName: 'allowAnyHttps',
  allowedOrigins: ['https'],
  allowedOperations: ['b2_download_file_by_name'],
  maxAgeSeconds: 3600,
  ...patch,
});

describe('lifecycle rules (docs/b2-behaviour.md, "Buckets, lifecycle and CORS")', () => {
  const emu = useEmulator();
  const create = (rules: unknown) =>
    createBucketWith(emu(), { bucketName: 'lifecycle-test', lifecycleRules: rules });

  it.each([
    [
      'keep only the last version',
      [{ daysFromHidingToDeleting: 1, daysFromUploadingToHiding: null, fileNamePrefix: '' }],
    ],
    ['keep prior versions 30 days', [{ daysFromHidingToDeleting: 30, fileNamePrefix: '' }]],
    [
      'hide then delete under a prefix',
      [{ daysFromHidingToDeleting: 1, daysFromUploadingToHiding: 7, fileNamePrefix: 'temporary/' }],
    ],
    [
      'cancel unfinished large files',
      [{ fileNamePrefix: 'big/', daysFromStartingToCancelingUnfinishedLargeFiles: 3 }],
    ],
    [
      'two disjoint prefixes',
      [
        { fileNamePrefix: 'a/', daysFromHidingToDeleting: 1 },
        { fileNamePrefix: 'b/', daysFromHidingToDeleting: 2 },
      ],
    ],
    ['keep all', []],
  ])('when the rules are "%s", then they are accepted', async (_name, rules) => {
    const res = await create(rules);
    expect(res.status).toBe(200);
  });

  it('when day fields are left out, then they are echoed as null', async () => {
    const res = await create([{ fileNamePrefix: 'x/', daysFromHidingToDeleting: 5 }]);
    expect(res.body.lifecycleRules).toEqual([
      { fileNamePrefix: 'x/', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 5 },
    ]);
  });

  it.each([
    [
      'every day field null',
      [{ fileNamePrefix: '', daysFromHidingToDeleting: null, daysFromUploadingToHiding: null }],
      /does nothing/,
    ],
    ['no day field at all', [{ fileNamePrefix: 'a/' }], /does nothing/],
    ['zero days', [{ fileNamePrefix: '', daysFromHidingToDeleting: 0 }], /positive integer/],
    ['negative days', [{ fileNamePrefix: '', daysFromUploadingToHiding: -1 }], /positive integer/],
    [
      'fractional days',
      [{ fileNamePrefix: '', daysFromUploadingToHiding: 1.5 }],
      /positive integer/,
    ],
    [
      'days as a string',
      [{ fileNamePrefix: '', daysFromUploadingToHiding: '1' }],
      /positive integer/,
    ],
    ['missing fileNamePrefix', [{ daysFromHidingToDeleting: 1 }], /fileNamePrefix/],
    [
      'overlapping prefixes',
      [
        { fileNamePrefix: 'photos/', daysFromHidingToDeleting: 1 },
        { fileNamePrefix: 'photos/kittens/', daysFromHidingToDeleting: 1 },
      ],
      /overlap/,
    ],
    [
      'duplicate prefixes',
      [
        { fileNamePrefix: 'a/', daysFromHidingToDeleting: 1 },
        { fileNamePrefix: 'a/', daysFromHidingToDeleting: 2 },
      ],
      /overlap/,
    ],
    [
      'an empty prefix beside another rule',
      [
        { fileNamePrefix: '', daysFromHidingToDeleting: 1 },
        { fileNamePrefix: 'a/', daysFromHidingToDeleting: 2 },
      ],
      /overlap/,
    ],
    [
      '101 rules',
      Array.from({ length: 101 }, (_, i) => ({
        fileNamePrefix: `p${String(i).padStart(3, '0')}/`,
        daysFromHidingToDeleting: 1,
      })),
      /100/,
    ],
    ['not a list', { fileNamePrefix: '' }, /list/],
  ])(
    'when the rules have %s, then 400 bad_request naming the problem',
    async (_name, rules, message) => expectBadRequest(await create(rules), message),
  );
});

describe('CORS rules (docs/b2-behaviour.md, "Buckets, lifecycle and CORS")', () => {
  const emu = useEmulator();
  const create = (rules: unknown) =>
    createBucketWith(emu(), { bucketName: 'cors-test', corsRules: rules });

  it.each([
    ['any origin', [cors({ allowedOrigins: ['*'] })]],
    ['all HTTPS origins', [cors()]],
    ['one origin with a port', [cors({ allowedOrigins: ['http://www.example.com:8180'] })]],
    ['a wildcard host', [cors({ allowedOrigins: ['https://*.example.com'] })]],
    ['https:// with a wildcard port', [cors({ allowedOrigins: ['https://*:8443'] })]],
    [
      'every operation',
      [
        cors({
          allowedOperations: [
            'b2_download_file_by_name',
            'b2_download_file_by_id',
            'b2_upload_file',
            'b2_upload_part',
            's3_delete',
            's3_get',
            's3_head',
            's3_post',
            's3_put',
          ],
        }),
      ],
    ],
    [
      'headers with a prefix wildcard',
      [cors({ allowedHeaders: ['range', 'x-bz-info-*'], exposeHeaders: ['x-bz-content-sha1'] })],
    ],
    ['headers "*"', [cors({ allowedHeaders: ['*'] })]],
    [
      'maxAgeSeconds 0 and 86400',
      [cors({ maxAgeSeconds: 0 }), cors({ corsRuleName: 'secondRule', maxAgeSeconds: 86400 })],
    ],
    [
      'the console pair (download from any origin, both APIs)',
      [
        {
          allowedHeaders: ['range'],
          allowedOperations: ['b2_download_file_by_id', 'b2_download_file_by_name'],
          allowedOrigins: ['*'],
          corsRuleName: 'downloadFromAnyOrigin',
          exposeHeaders: null,
          maxAgeSeconds: 3600,
        },
        {
          allowedHeaders: ['range'],
          allowedOperations: ['s3_head', 's3_get'],
          allowedOrigins: ['*'],
          corsRuleName: 's3DownloadFromAnyOrigin',
          exposeHeaders: null,
          maxAgeSeconds: 3600,
        },
      ],
    ],
  ])('when the rules allow %s, then they are accepted', async (_name, rules) => {
    const res = await create(rules);
    expect(res.status).toBe(200);
  });

  it('when optional header lists are left out, then they are echoed as null', async () => {
    const res = await create([cors()]);
    expect(res.body.corsRules).toEqual([{ ...cors(), allowedHeaders: null, exposeHeaders: null }]);
  });

  it.each([
    ['a 5-character name', [cors({ corsRuleName: 'short' })], /6 to 50/],
    ['a 51-character name', [cors({ corsRuleName: 'a'.repeat(51) })], /6 to 50/],
    ['an underscore in the name', [cors({ corsRuleName: 'bad_name_here' })], /letters, digits/],
    ['a b2- name', [cors({ corsRuleName: 'b2-downloads' })], /b2-/],
    ['a missing name', [cors({ corsRuleName: undefined })], /corsRuleName/],
    ['duplicate names', [cors(), cors()], /another rule/],
    ['no origins', [cors({ allowedOrigins: [] })], /must not be empty/],
    ['missing origins', [cors({ allowedOrigins: undefined })], /allowedOrigins/],
    ['an empty origin', [cors({ allowedOrigins: [''] })], /empty string/],
    [
      '"*" beside another origin',
      [cors({ allowedOrigins: ['*', 'https://a.example'] })],
      /only origin/,
    ],
    [
      'two "*" in one origin',
      [cors({ allowedOrigins: ['https://*.*.example.com'] })],
      /more than one/,
    ],
    ['two "https" entries', [cors({ allowedOrigins: ['https', 'https'] })], /at most one/],
    [
      'an https: origin after "https"',
      [cors({ allowedOrigins: ['https', 'https://a.example'] })],
      /follow/,
    ],
    [
      'an origin with a path',
      [cors({ allowedOrigins: ['https://a.example/path'] })],
      /invalid origin/,
    ],
    ['an ftp origin', [cors({ allowedOrigins: ['ftp://a.example'] })], /invalid origin/],
    ['no operations', [cors({ allowedOperations: [] })], /must not be empty/],
    [
      'an unknown operation',
      [cors({ allowedOperations: ['b2_list_buckets'] })],
      /unknown operation/,
    ],
    ['"*" beside another header', [cors({ allowedHeaders: ['*', 'range'] })], /only entry/],
    ['a wildcard expose header', [cors({ exposeHeaders: ['x-bz-*'] })], /full header names/],
    ['maxAgeSeconds 86401', [cors({ maxAgeSeconds: 86401 })], /0 to 86400/],
    ['maxAgeSeconds -1', [cors({ maxAgeSeconds: -1 })], /0 to 86400/],
    ['no maxAgeSeconds', [cors({ maxAgeSeconds: undefined })], /maxAgeSeconds/],
    [
      'a rule of 1000 bytes or more',
      [
        cors({
          allowedOrigins: Array.from({ length: 40 }, (_, i) => `https://host-${i}.example.com`),
        }),
      ],
      /1000 bytes/,
    ],
    [
      '101 rules',
      Array.from({ length: 101 }, (_, i) =>
        cors({ corsRuleName: `rule-${String(i).padStart(3, '0')}` }),
      ),
      /100/,
    ],
  ])(
    'when the rules have %s, then 400 bad_request naming the problem',
    async (_name, rules, message) => expectBadRequest(await create(rules), message),
  );
});
