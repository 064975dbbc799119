// CORS choices as B2 rules. The dashboard's presets are download-only; "uploads" adds what
// browsers need to upload through presigned URLs or upload tokens (docs/b2-behaviour.md
// "Buckets, lifecycle and CORS").
import type { CorsRule, CorsStep } from '../schemas/setup-request';

export const CORS_MAX_AGE_DEFAULT = 3600;

type Scope = 'anyOrigin' | 'allHttps' | 'oneOrigin';
const NAME_PART: Record<Scope, string> = {
  anyOrigin: 'AnyOrigin',
  allHttps: 'AllHttps',
  oneOrigin: 'OneOrigin',
};

function nativeRule(scope: Scope, origins: string[], uploads: boolean): CorsRule {
  return uploads
    ? {
        corsRuleName: `uploadFrom${NAME_PART[scope]}`,
        allowedOrigins: origins,
        allowedOperations: [
          'b2_download_file_by_id',
          'b2_download_file_by_name',
          'b2_upload_file',
          'b2_upload_part',
        ],
        allowedHeaders: ['authorization', 'content-type', 'range', 'x-bz-*'],
        exposeHeaders: ['x-bz-content-sha1', 'x-bz-file-id', 'x-bz-file-name'],
        maxAgeSeconds: CORS_MAX_AGE_DEFAULT,
      }
    : {
        corsRuleName: `downloadFrom${NAME_PART[scope]}`,
        allowedOrigins: origins,
        allowedOperations: ['b2_download_file_by_id', 'b2_download_file_by_name'],
        allowedHeaders: ['range'],
        exposeHeaders: null,
        maxAgeSeconds: CORS_MAX_AGE_DEFAULT,
      };
}

function s3Rule(scope: Scope, origins: string[], uploads: boolean): CorsRule {
  return uploads
    ? {
        corsRuleName: `s3UploadFrom${NAME_PART[scope]}`,
        allowedOrigins: origins,
        allowedOperations: ['s3_get', 's3_head', 's3_put', 's3_post'],
        allowedHeaders: ['authorization', 'content-type', 'range', 'x-amz-*'],
        exposeHeaders: ['etag'],
        maxAgeSeconds: CORS_MAX_AGE_DEFAULT,
      }
    : {
        corsRuleName: `s3DownloadFrom${NAME_PART[scope]}`,
        allowedOrigins: origins,
        allowedOperations: ['s3_head', 's3_get'],
        allowedHeaders: ['range'],
        exposeHeaders: null,
        maxAgeSeconds: CORS_MAX_AGE_DEFAULT,
      };
}

/** The rules a step asks for; keepCurrent needs the bucket's rules of today. */
export function corsRulesFor(step: CorsStep, current?: readonly CorsRule[]): CorsRule[] {
  switch (step.preset) {
    case 'keepCurrent':
      if (!current) throw new Error('keepCurrent needs the bucket’s current CORS rules');
      return structuredClone([...current]);
    case 'none':
      return [];
    case 'custom':
      return step.rules;
    default: {
      const origins =
        step.preset === 'anyOrigin'
          ? ['*']
          : step.preset === 'allHttps'
            ? ['https']
            : [step.origin];
      const rules: CorsRule[] = [];
      if (step.apis !== 's3') rules.push(nativeRule(step.preset, origins, step.uploads));
      if (step.apis !== 'b2') rules.push(s3Rule(step.preset, origins, step.uploads));
      return rules;
    }
  }
}

export const CORS_LABELS: Record<CorsStep['preset'], { label: string; description: string }> = {
  none: {
    label: 'Do not share',
    description:
      'Web pages on other sites cannot reach this bucket. Right for backups and server tools.',
  },
  allHttps: {
    label: 'Share everything in this bucket with all HTTPS origins',
    description: 'Any HTTPS website may load files from this bucket in a browser.',
  },
  anyOrigin: {
    label: 'Share everything in this bucket with every origin',
    description: 'Any website, HTTP or HTTPS, may load files from this bucket in a browser.',
  },
  oneOrigin: {
    label: 'Share everything in this bucket with this one origin',
    description: 'Only your own website may use this bucket from a browser.',
  },
  custom: { label: 'Use custom CORS rules', description: 'Your own rules, as B2 stores them.' },
  keepCurrent: {
    label: 'Keep the rules it has now',
    description: 'Web pages keep exactly the access they have today.',
  },
};
