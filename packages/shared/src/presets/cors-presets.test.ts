import { describe, expect, it } from 'vitest';
import { corsRulesProblems } from '../rules/cors-rules';
import type { CorsRule, CorsStep } from '../schemas/setup-request';
import { corsRulesFor } from './cors-presets';

const downloadB2 = (name: string, origins: string[]): CorsRule => ({
  corsRuleName: name,
  allowedOrigins: origins,
  allowedOperations: ['b2_download_file_by_id', 'b2_download_file_by_name'],
  allowedHeaders: ['range'],
  exposeHeaders: null,
  maxAgeSeconds: 3600,
});
const downloadS3 = (name: string, origins: string[]): CorsRule => ({
  corsRuleName: name,
  allowedOrigins: origins,
  allowedOperations: ['s3_head', 's3_get'],
  allowedHeaders: ['range'],
  exposeHeaders: null,
  maxAgeSeconds: 3600,
});
const uploadB2 = (name: string, origins: string[]): CorsRule => ({
  corsRuleName: name,
  allowedOrigins: origins,
  allowedOperations: [
    'b2_download_file_by_id',
    'b2_download_file_by_name',
    'b2_upload_file',
    'b2_upload_part',
  ],
  allowedHeaders: ['authorization', 'content-type', 'range', 'x-bz-*'],
  exposeHeaders: ['x-bz-content-sha1', 'x-bz-file-id', 'x-bz-file-name'],
  maxAgeSeconds: 3600,
});
const uploadS3 = (name: string, origins: string[]): CorsRule => ({
  corsRuleName: name,
  allowedOrigins: origins,
  allowedOperations: ['s3_get', 's3_head', 's3_put', 's3_post'],
  allowedHeaders: ['authorization', 'content-type', 'range', 'x-amz-*'],
  exposeHeaders: ['etag'],
  maxAgeSeconds: 3600,
});

const SCOPES = [
  { preset: 'anyOrigin', part: 'AnyOrigin', origins: ['*'] },
  { preset: 'allHttps', part: 'AllHttps', origins: ['https'] },
  { preset: 'oneOrigin', part: 'OneOrigin', origins: ['https://app.example.com'] },
] as const;

function step(
  preset: (typeof SCOPES)[number]['preset'],
  apis: 'b2' | 's3' | 'both',
  uploads: boolean,
): CorsStep {
  return preset === 'oneOrigin'
    ? { preset, origin: 'https://app.example.com', apis, uploads }
    : { preset, apis, uploads };
}

describe('corsRulesFor', () => {
  it('none gives no rule', () => {
    expect(corsRulesFor({ preset: 'none' })).toEqual([]);
  });

  it('custom passes the rules through unchanged', () => {
    const rules = [downloadB2('myPhotosSite', ['https://photos.example.com'])];
    expect(corsRulesFor({ preset: 'custom', rules })).toBe(rules);
  });

  describe.each(SCOPES)('$preset', ({ preset, part, origins }) => {
    const expected = {
      download: {
        b2: downloadB2(`downloadFrom${part}`, [...origins]),
        s3: downloadS3(`s3DownloadFrom${part}`, [...origins]),
      },
      upload: {
        b2: uploadB2(`uploadFrom${part}`, [...origins]),
        s3: uploadS3(`s3UploadFrom${part}`, [...origins]),
      },
    };

    it.each([false, true])('with uploads %s: b2, s3 and both give the exact rules', (uploads) => {
      const rules = uploads ? expected.upload : expected.download;
      expect(corsRulesFor(step(preset, 'b2', uploads))).toEqual([rules.b2]);
      expect(corsRulesFor(step(preset, 's3', uploads))).toEqual([rules.s3]);
      expect(corsRulesFor(step(preset, 'both', uploads))).toEqual([rules.b2, rules.s3]);
    });

    it.each(['b2', 's3', 'both'] as const)('with apis %s passes the CORS rules', (apis) => {
      for (const uploads of [false, true]) {
        expect(corsRulesProblems(corsRulesFor(step(preset, apis, uploads)))).toEqual([]);
      }
    });
  });

  it("matches the dashboard's download pair for every origin and both APIs", () => {
    expect(JSON.stringify(corsRulesFor(step('anyOrigin', 'both', false)))).toBe(
      JSON.stringify([
        {
          corsRuleName: 'downloadFromAnyOrigin',
          allowedOrigins: ['*'],
          allowedOperations: ['b2_download_file_by_id', 'b2_download_file_by_name'],
          allowedHeaders: ['range'],
          exposeHeaders: null,
          maxAgeSeconds: 3600,
        },
        {
          corsRuleName: 's3DownloadFromAnyOrigin',
          allowedOrigins: ['*'],
          allowedOperations: ['s3_head', 's3_get'],
          allowedHeaders: ['range'],
          exposeHeaders: null,
          maxAgeSeconds: 3600,
        },
      ]),
    );
  });
});
