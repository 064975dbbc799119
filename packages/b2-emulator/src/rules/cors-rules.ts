/** CORS rules (docs/b2-behaviour.md, "Buckets, lifecycle and CORS"): 400 bad_request when wrong. */
import { badRequest } from '../errors';

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

export interface CorsRule {
  corsRuleName: string;
  allowedOrigins: string[];
  allowedOperations: string[];
  allowedHeaders: string[] | null;
  exposeHeaders: string[] | null;
  maxAgeSeconds: number;
}

const HEADER_TOKEN = /^[!#$%&'+.^_`|~0-9A-Za-z-]+$/;

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badRequest(`${where} must be a list of strings`);
  }
  return [...(value as string[])];
}

function checkOrigin(origin: string, where: string): void {
  if (origin === '') throw badRequest(`${where}: illegal empty string in allowedOrigins`);
  if (origin === '*' || origin === 'https') return;
  if ((origin.match(/\*/g) ?? []).length > 1)
    throw badRequest(`${where}: origin ${origin} has more than one "*"`);
  const m = /^(https?):\/\/([^/:?#\s]+)(?::(\d{1,5}|\*))?$/.exec(origin);
  if (!m) throw badRequest(`${where}: invalid origin ${origin}`);
  if (m[3] !== undefined && m[3] !== '*' && Number(m[3]) > 65535) {
    throw badRequest(`${where}: invalid port in origin ${origin}`);
  }
}

export function checkCorsRules(value: unknown): CorsRule[] {
  if (!Array.isArray(value)) throw badRequest('corsRules must be a list');
  if (value.length > 100) throw badRequest('corsRules: at most 100 rules per bucket');
  const names = new Set<string>();
  return value.map((raw, i): CorsRule => {
    const where = `corsRules[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw badRequest(`${where} must be an object`);
    const r = raw as Record<string, unknown>;
    const name = r.corsRuleName;
    if (typeof name !== 'string') throw badRequest(`${where}: corsRuleName is required`);
    if (name.length < 6 || name.length > 50)
      throw badRequest(`${where}: corsRuleName must be 6 to 50 characters: ${name}`);
    if (!/^[A-Za-z0-9-]+$/.test(name))
      throw badRequest(`${where}: corsRuleName may only contain letters, digits and "-": ${name}`);
    if (/^b2-/i.test(name))
      throw badRequest(`${where}: corsRuleName must not start with "b2-": ${name}`);
    if (names.has(name)) throw badRequest(`${where}: corsRuleName ${name} is used by another rule`);
    names.add(name);

    if (r.allowedOrigins === undefined || r.allowedOrigins === null)
      throw badRequest(`${where}: allowedOrigins is required`);
    const origins = stringList(r.allowedOrigins, `${where}.allowedOrigins`);
    if (origins.length === 0) throw badRequest(`${where}: allowedOrigins must not be empty`);
    origins.forEach((o) => checkOrigin(o, where));
    if (origins.includes('*') && origins.length > 1)
      throw badRequest(`${where}: origin "*" must be the only origin`);
    const httpsAt = origins.indexOf('https');
    if (httpsAt >= 0) {
      if (origins.lastIndexOf('https') !== httpsAt)
        throw badRequest(`${where}: at most one "https" origin`);
      if (origins.slice(httpsAt + 1).some((o) => o.startsWith('https:'))) {
        throw badRequest(`${where}: no https: origin may follow "https"`);
      }
    }

    if (r.allowedOperations === undefined || r.allowedOperations === null)
      throw badRequest(`${where}: allowedOperations is required`);
    const operations = stringList(r.allowedOperations, `${where}.allowedOperations`);
    if (operations.length === 0) throw badRequest(`${where}: allowedOperations must not be empty`);
    for (const op of operations) {
      if (!(CORS_OPERATIONS as readonly string[]).includes(op))
        throw badRequest(`${where}: unknown operation ${op}`);
    }

    let allowedHeaders: string[] | null = null;
    if (r.allowedHeaders !== undefined && r.allowedHeaders !== null) {
      allowedHeaders = stringList(r.allowedHeaders, `${where}.allowedHeaders`);
      if (allowedHeaders.includes('*') && allowedHeaders.length > 1) {
        throw badRequest(`${where}: allowedHeaders "*" must be the only entry`);
      }
      for (const h of allowedHeaders) {
        const body = h.endsWith('*') ? h.slice(0, -1) : h;
        if (h !== '*' && !HEADER_TOKEN.test(body))
          throw badRequest(`${where}: invalid allowed header ${h}`);
      }
    }
    let exposeHeaders: string[] | null = null;
    if (r.exposeHeaders !== undefined && r.exposeHeaders !== null) {
      exposeHeaders = stringList(r.exposeHeaders, `${where}.exposeHeaders`);
      for (const h of exposeHeaders) {
        if (!HEADER_TOKEN.test(h))
          throw badRequest(`${where}: invalid expose header ${h} (full header names only)`);
      }
    }

    const maxAge = r.maxAgeSeconds;
    if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 0 || maxAge > 86400) {
      throw badRequest(`${where}: maxAgeSeconds must be an integer from 0 to 86400`);
    }
    const rule: CorsRule = {
      corsRuleName: name,
      allowedOrigins: origins,
      allowedOperations: operations,
      allowedHeaders,
      exposeHeaders,
      maxAgeSeconds: maxAge,
    };
    // The byte count of a rule's strings (B2's docs do not say exactly which fields count).
    const bytes = [
      name,
      ...origins,
      ...operations,
      ...(allowedHeaders ?? []),
      ...(exposeHeaders ?? []),
    ].reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
    if (bytes >= 1000) throw badRequest(`${where}: a CORS rule must be smaller than 1000 bytes`);
    return rule;
  });
}
