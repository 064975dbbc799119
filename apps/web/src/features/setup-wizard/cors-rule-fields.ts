// Custom CORS rules as form fields (one text box per list), and the checks that name a field when
// rules typed as JSON miss one. The rules themselves are checked by the shared schema.
import type { CorsOperation, CorsRule } from '@b2wiz/shared';

/** One custom rule as the form holds it: lists as text, one item per line or comma. */
export interface CorsRuleFields {
  corsRuleName: string;
  origins: string;
  allowedOperations: string[];
  allowedHeaders: string;
  exposeHeaders: string;
  maxAgeSeconds: number | null;
}

/** B2's operation names in plain words (the names themselves go in small print). */
export const CORS_OPERATION_WORDS: Record<CorsOperation, string> = {
  b2_download_file_by_name: 'Download files by name',
  b2_download_file_by_id: 'Download files by their ID',
  b2_upload_file: 'Upload files',
  b2_upload_part: 'Upload parts of large files',
  s3_get: 'Download files (S3)',
  s3_head: 'Read file details (S3)',
  s3_put: 'Upload files (S3)',
  s3_post: 'Upload files with a form (S3)',
  s3_delete: 'Delete files (S3)',
};

/** An origin as typed or pasted: spaces and a trailing '/' are not part of it. */
export function trimOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '');
}

const items = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

export function rulesFromFields(fields: readonly CorsRuleFields[]): CorsRule[] {
  return fields.map((f) => {
    const exposed = items(f.exposeHeaders ?? '');
    const maxAge = f.maxAgeSeconds;
    return {
      corsRuleName: (f.corsRuleName ?? '').trim(),
      allowedOrigins: items(f.origins ?? '').map(trimOrigin),
      allowedOperations: [...(f.allowedOperations ?? [])],
      allowedHeaders: items(f.allowedHeaders ?? ''),
      exposeHeaders: exposed.length > 0 ? exposed : null,
      // Left empty: undefined, so the schema says "Max age must be a number of seconds."
      maxAgeSeconds: (maxAge === null || Number.isNaN(maxAge) ? undefined : maxAge) as number,
    };
  });
}

export function fieldsFromRules(rules: readonly CorsRule[]): CorsRuleFields[] {
  return rules.map((rule) => ({
    corsRuleName: rule.corsRuleName,
    origins: rule.allowedOrigins.join('\n'),
    allowedOperations: [...rule.allowedOperations],
    allowedHeaders: (rule.allowedHeaders ?? []).join(', '),
    exposeHeaders: (rule.exposeHeaders ?? []).join(', '),
    maxAgeSeconds: rule.maxAgeSeconds,
  }));
}

export function newRuleFields(): CorsRuleFields {
  return {
    corsRuleName: '',
    origins: '',
    allowedOperations: [],
    allowedHeaders: '',
    exposeHeaders: '',
    maxAgeSeconds: 3600,
  };
}

const LIST_FIELDS = [
  ['allowedOrigins', 'the origins', '["https://www.example.com"]'],
  ['allowedOperations', 'the operations', '["b2_download_file_by_name"]'],
] as const;
const OPTIONAL_LISTS = ['allowedHeaders', 'exposeHeaders'] as const;

/**
 * What is missing or of the wrong kind in rules typed as JSON, naming the rule and the field;
 * null when every rule has the right shape (the shared schema then checks the values).
 */
export function corsJsonShapeProblem(rules: readonly unknown[]): string | null {
  for (const [index, rule] of rules.entries()) {
    const at = `Rule ${index + 1}`;
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
      return `${at} is not a rule: write each rule in { }, with corsRuleName, allowedOrigins, allowedOperations and maxAgeSeconds.`;
    }
    const r = rule as Record<string, unknown>;
    if (typeof r.corsRuleName !== 'string') {
      return `${at} needs a name: add "corsRuleName": "downloadFromMySite".`;
    }
    for (const [field, what, example] of LIST_FIELDS) {
      const value = r[field];
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return `${at} needs ${what} as a list of text: add "${field}": ${example}.`;
      }
    }
    for (const field of OPTIONAL_LISTS) {
      const value = r[field];
      if (value === undefined || value === null) continue;
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return `${at}: ${field} must be a list of header names, like ["range"], or null.`;
      }
    }
    if (typeof r.maxAgeSeconds !== 'number') {
      return `${at} needs a max age: add "maxAgeSeconds": 3600 (how many seconds browsers may reuse the answer).`;
    }
  }
  return null;
}
