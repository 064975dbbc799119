// B2's CORS-rule constraints (docs/b2-behaviour.md "Buckets, lifecycle and CORS").
import type { RuleProblem } from './lifecycle-rules';

export const MAX_CORS_RULES = 100;
export const MAX_CORS_RULE_BYTES = 1000;
export const CORS_MAX_AGE_SECONDS = 86_400;

export const CORS_OPERATIONS = [
  'b2_download_file_by_name',
  'b2_download_file_by_id',
  'b2_upload_file',
  'b2_upload_part',
  's3_delete',
  's3_get',
  's3_head',
  's3_post',
  's3_put',
] as const;
export type CorsOperation = (typeof CORS_OPERATIONS)[number];

export interface CorsRuleInput {
  corsRuleName: string;
  allowedOrigins: string[];
  allowedOperations: string[];
  allowedHeaders?: string[] | null | undefined;
  exposeHeaders?: string[] | null | undefined;
  maxAgeSeconds: number;
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export function corsRuleNameProblem(name: string): string | null {
  const other = [...name].find((ch) => !/[A-Za-z0-9-]/.test(ch));
  if (other !== undefined)
    return `CORS rule names can only use letters, digits and '-'. Remove '${other}'.`;
  if (name.toLowerCase().startsWith('b2-'))
    return "CORS rule names can't start with 'b2-'. Choose another start.";
  if (name.length < 6 || name.length > 50) {
    return `CORS rule names need 6 to 50 characters (this one has ${name.length}).`;
  }
  return null;
}

/** One origin in B2's forms: `*`, `https`, or scheme://host[:port] with at most one `*`. */
export function corsOriginProblem(origin: string): string | null {
  if (origin === '*' || origin === 'https') return null;
  if (origin.length === 0) return 'Enter an origin, like https://www.example.com.';
  if ((origin.match(/\*/g) ?? []).length > 1)
    return `'${origin}' has more than one '*'. Use at most one.`;
  const match = /^(https?):\/\/([^/?#:\s]+)(?::(\d{1,5}|\*))?$/.exec(origin);
  if (!match) {
    if (/^https?:\/\/[^/]+\/.*/.test(origin)) {
      return `An origin has no path: use '${origin.replace(/^(https?:\/\/[^/]+)\/.*$/, '$1')}'.`;
    }
    return `'${origin}' is not an origin. Write the scheme and host, like https://www.example.com.`;
  }
  const port = match[3];
  if (port !== undefined && port !== '*' && (Number(port) < 1 || Number(port) > 65535)) {
    return `The port in '${origin}' must be between 1 and 65535.`;
  }
  return null;
}

export function corsRuleBytes(rule: CorsRuleInput): number {
  const strings = [
    rule.corsRuleName,
    ...rule.allowedOrigins,
    ...rule.allowedOperations,
    ...(rule.allowedHeaders ?? []),
    ...(rule.exposeHeaders ?? []),
  ];
  // TextEncoder, not Buffer: these rules also run in the browser.
  const encoder = new TextEncoder();
  return strings.reduce((sum, s) => sum + encoder.encode(s).length, 0);
}

export function corsRulesProblems(rules: readonly CorsRuleInput[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (rules.length > MAX_CORS_RULES) {
    problems.push({
      path: [],
      message: `B2 allows at most ${MAX_CORS_RULES} CORS rules. Remove ${rules.length - MAX_CORS_RULES}.`,
    });
  }
  const seenNames = new Map<string, number>();
  rules.forEach((rule, index) => {
    const nameProblem = corsRuleNameProblem(rule.corsRuleName);
    if (nameProblem) problems.push({ path: [index, 'corsRuleName'], message: nameProblem });
    const earlier = seenNames.get(rule.corsRuleName);
    if (earlier !== undefined) {
      problems.push({
        path: [index, 'corsRuleName'],
        message: `Rule ${earlier + 1} already has the name '${rule.corsRuleName}'. Each rule needs its own name.`,
      });
    } else {
      seenNames.set(rule.corsRuleName, index);
    }

    const origins = rule.allowedOrigins;
    if (origins.length === 0) {
      problems.push({ path: [index, 'allowedOrigins'], message: 'Add at least one origin.' });
    }
    origins.forEach((origin, o) => {
      const problem = corsOriginProblem(origin);
      if (problem) problems.push({ path: [index, 'allowedOrigins', o], message: problem });
    });
    if (origins.includes('*') && origins.length > 1) {
      problems.push({
        path: [index, 'allowedOrigins'],
        message:
          "'*' already means every origin, so it must be the only one. Remove the others or the '*'.",
      });
    }
    const httpsAt = origins.indexOf('https');
    if (httpsAt !== -1) {
      if (origins.filter((o) => o === 'https').length > 1) {
        problems.push({ path: [index, 'allowedOrigins'], message: "List 'https' only once." });
      }
      if (origins.slice(httpsAt + 1).some((o) => o.startsWith('https:'))) {
        problems.push({
          path: [index, 'allowedOrigins'],
          message:
            "'https' already covers every HTTPS origin. Remove the https:// origins after it.",
        });
      }
    }

    if (rule.allowedOperations.length === 0) {
      problems.push({
        path: [index, 'allowedOperations'],
        message: 'Choose at least one operation.',
      });
    }
    rule.allowedOperations.forEach((op, o) => {
      if (!(CORS_OPERATIONS as readonly string[]).includes(op)) {
        problems.push({
          path: [index, 'allowedOperations', o],
          message: `'${op}' is not a B2 CORS operation. Use one of: ${CORS_OPERATIONS.join(', ')}.`,
        });
      }
    });

    const headers = rule.allowedHeaders ?? [];
    if (headers.includes('*') && headers.length > 1) {
      problems.push({
        path: [index, 'allowedHeaders'],
        message: "'*' already allows every header, so it must be the only one.",
      });
    }
    headers.forEach((header, h) => {
      const name = header.endsWith('*') && header !== '*' ? header.slice(0, -1) : header;
      if (header !== '*' && (!HEADER_NAME.test(name) || name.includes('*'))) {
        problems.push({
          path: [index, 'allowedHeaders', h],
          message: `'${header}' is not a header name. Use a name like x-bz-content-sha1, or a prefix ending in '*'.`,
        });
      }
    });
    (rule.exposeHeaders ?? []).forEach((header, h) => {
      if (!HEADER_NAME.test(header) || header.includes('*')) {
        problems.push({
          path: [index, 'exposeHeaders', h],
          message: `'${header}' is not a full header name. Exposed headers can't use '*'.`,
        });
      }
    });

    if (
      !Number.isInteger(rule.maxAgeSeconds) ||
      rule.maxAgeSeconds < 0 ||
      rule.maxAgeSeconds > CORS_MAX_AGE_SECONDS
    ) {
      problems.push({
        path: [index, 'maxAgeSeconds'],
        message: `Max age must be a whole number of seconds from 0 to ${CORS_MAX_AGE_SECONDS} (one day).`,
      });
    }
    const bytes = corsRuleBytes(rule);
    if (bytes >= MAX_CORS_RULE_BYTES) {
      problems.push({
        path: [index],
        message: `Each CORS rule must be under ${MAX_CORS_RULE_BYTES} bytes; this one is ${bytes}. Remove some origins or headers.`,
      });
    }
  });
  return problems;
}
