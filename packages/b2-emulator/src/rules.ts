/**
 * B2's validation rules, encoded from /work/shared/B2-FACTS.md. Every check throws a B2Error
 * carrying the status and code B2 answers with (400 bad_request unless noted).
 */
import { B2Error, badRequest } from './errors';

// §7: every capability name a Backblaze SDK knows. The lifecycle-rule capabilities seen only in
// third-party configs are deliberately unknown here, so a client relying on them fails loudly.
export const ALL_CAPABILITIES = [
  'listKeys',
  'writeKeys',
  'deleteKeys',
  'listBuckets',
  'listAllBucketNames',
  'readBuckets',
  'writeBuckets',
  'deleteBuckets',
  'readBucketEncryption',
  'writeBucketEncryption',
  'readBucketRetentions',
  'writeBucketRetentions',
  'readFileRetentions',
  'writeFileRetentions',
  'readFileLegalHolds',
  'writeFileLegalHolds',
  'bypassGovernance',
  'listFiles',
  'readFiles',
  'shareFiles',
  'writeFiles',
  'deleteFiles',
  'readBucketNotifications',
  'writeBucketNotifications',
  'readBucketReplications',
  'writeBucketReplications',
  'readBucketLogging',
  'writeBucketLogging',
] as const;

export type Capability = (typeof ALL_CAPABILITIES)[number];

/**
 * The master key's capabilities. b2sdk's live integration test does not expect a master key to hold
 * readBuckets or listAllBucketNames (§1 end note), and logging capabilities appear only in the Java
 * SDK, so the emulated master key lacks those four.
 */
export const MASTER_CAPABILITIES: readonly Capability[] = ALL_CAPABILITIES.filter(
  (c) =>
    !['readBuckets', 'listAllBucketNames', 'readBucketLogging', 'writeBucketLogging'].includes(c),
);

/**
 * §7 "Bucket-restricted keys may only hold". The replication capabilities are tolerated too:
 * console-made bucket keys carry them (UNCERTAIN note in §7).
 */
export const BUCKET_KEY_CAPABILITIES: readonly Capability[] = [
  'listAllBucketNames',
  'listBuckets',
  'readBuckets',
  'readBucketEncryption',
  'writeBucketEncryption',
  'readBucketNotifications',
  'writeBucketNotifications',
  'readBucketRetentions',
  'writeBucketRetentions',
  'listFiles',
  'readFiles',
  'shareFiles',
  'writeFiles',
  'deleteFiles',
  'readFileLegalHolds',
  'writeFileLegalHolds',
  'readFileRetentions',
  'writeFileRetentions',
  'bypassGovernance',
  'readBucketReplications',
  'writeBucketReplications',
];

const isCapability = (value: string): value is Capability =>
  (ALL_CAPABILITIES as readonly string[]).includes(value);

export function checkCapabilities(value: unknown, bucketRestricted: boolean): Capability[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest('capabilities must be a non-empty list of capability names');
  }
  const result: Capability[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || !isCapability(item)) {
      throw badRequest(`unknown capability: ${String(item)}`);
    }
    if (bucketRestricted && !BUCKET_KEY_CAPABILITIES.includes(item)) {
      throw badRequest(
        `capability ${item} is not allowed for an application key restricted to a bucket`,
      );
    }
    if (!result.includes(item)) result.push(item);
  }
  return result;
}

// §3 bucket names.
export function checkBucketName(name: unknown): string {
  if (typeof name !== 'string') throw badRequest('bucketName is required and must be a string');
  if (name.length < 6 || name.length > 63) {
    throw badRequest(`bucket name must be 6 to 63 characters long: ${name}`);
  }
  if (!/^[A-Za-z0-9-]+$/.test(name)) {
    throw badRequest(`bucket name may only contain letters, digits and "-": ${name}`);
  }
  if (/^b2-/i.test(name)) {
    throw badRequest(`bucket names starting with "b2-" are reserved by Backblaze: ${name}`);
  }
  return name;
}

export const LISTABLE_BUCKET_TYPES = [
  'allPrivate',
  'allPublic',
  'restricted',
  'snapshot',
  'shared',
] as const;
export const DEFAULT_LISTED_BUCKET_TYPES = ['allPrivate', 'allPublic', 'snapshot'];

export function checkBucketType(value: unknown): 'allPrivate' | 'allPublic' {
  if (value === 'allPrivate' || value === 'allPublic') return value;
  throw badRequest(`bucketType must be allPrivate or allPublic, not ${JSON.stringify(value)}`);
}

/** b2_list_buckets bucketTypes filter: absent means the default types; "all" must stand alone. */
export function checkBucketTypesFilter(value: unknown): string[] | 'all' {
  if (value === undefined || value === null) return DEFAULT_LISTED_BUCKET_TYPES;
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest('bucketTypes must be a non-empty list');
  }
  if (value.includes('all')) {
    if (value.length > 1)
      throw badRequest('bucketTypes: "all" cannot be combined with other types');
    return 'all';
  }
  for (const type of value) {
    if (typeof type !== 'string' || !(LISTABLE_BUCKET_TYPES as readonly string[]).includes(type)) {
      throw badRequest(`bucketTypes: unknown bucket type ${JSON.stringify(type)}`);
    }
  }
  return value as string[];
}

export function checkBucketInfo(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('bucketInfo must be an object mapping names to string values');
  }
  const entries = Object.entries(value);
  // The 10-entry limit is UNCERTAIN in B2-FACTS §2; B2's docs for file info use the same number.
  if (entries.length > 10) throw badRequest('bucketInfo may hold at most 10 entries');
  for (const [name, v] of entries) {
    if (typeof v !== 'string') throw badRequest(`bucketInfo value for ${name} must be a string`);
  }
  return { ...(value as Record<string, string>) };
}

export interface DefaultRetention {
  mode: 'governance' | 'compliance' | null;
  period: { duration: number; unit: 'days' | 'years' } | null;
}

export function checkDefaultRetention(value: unknown): DefaultRetention {
  if (typeof value !== 'object' || value === null)
    throw badRequest('defaultRetention must be an object');
  const { mode, period } = value as { mode?: unknown; period?: unknown };
  if (mode === null || mode === undefined) {
    if (period !== null && period !== undefined)
      throw badRequest('defaultRetention: period requires a mode');
    return { mode: null, period: null };
  }
  if (mode !== 'governance' && mode !== 'compliance') {
    throw badRequest(`defaultRetention: unknown mode ${JSON.stringify(mode)}`);
  }
  if (typeof period !== 'object' || period === null)
    throw badRequest('defaultRetention: period is required');
  const { duration, unit } = period as { duration?: unknown; unit?: unknown };
  if (!isPositiveInt(duration))
    throw badRequest('defaultRetention: period.duration must be a positive integer');
  if (unit !== 'days' && unit !== 'years')
    throw badRequest('defaultRetention: period.unit must be days or years');
  return { mode, period: { duration, unit } };
}

const isPositiveInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1;

// §4 lifecycle rules.
export interface LifecycleRule {
  fileNamePrefix: string;
  daysFromUploadingToHiding: number | null;
  daysFromHidingToDeleting: number | null;
  daysFromStartingToCancelingUnfinishedLargeFiles?: number | null;
}

const LIFECYCLE_DAY_FIELDS = [
  'daysFromUploadingToHiding',
  'daysFromHidingToDeleting',
  'daysFromStartingToCancelingUnfinishedLargeFiles',
] as const;

export function checkLifecycleRules(value: unknown): LifecycleRule[] {
  if (!Array.isArray(value)) throw badRequest('lifecycleRules must be a list');
  if (value.length > 100) throw badRequest('lifecycleRules: at most 100 rules per bucket');
  const rules = value.map((raw, i): LifecycleRule => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw badRequest(`lifecycleRules[${i}] must be an object`);
    }
    const r = raw as Record<string, unknown>;
    if (typeof r.fileNamePrefix !== 'string') {
      throw badRequest(`lifecycleRules[${i}]: fileNamePrefix is required and must be a string`);
    }
    const rule: LifecycleRule = {
      fileNamePrefix: r.fileNamePrefix,
      daysFromUploadingToHiding: null,
      daysFromHidingToDeleting: null,
    };
    for (const field of LIFECYCLE_DAY_FIELDS) {
      const days = r[field];
      if (days === undefined || days === null) {
        if (days === null && field === 'daysFromStartingToCancelingUnfinishedLargeFiles')
          rule[field] = null;
        continue;
      }
      if (!isPositiveInt(days)) {
        throw badRequest(
          `lifecycleRules[${i}]: ${field} must be null or a positive integer, not ${JSON.stringify(days)}`,
        );
      }
      rule[field] = days;
    }
    if (LIFECYCLE_DAY_FIELDS.every((f) => rule[f] === null || rule[f] === undefined)) {
      throw badRequest(`lifecycleRules[${i}]: a rule with every day field null does nothing`);
    }
    return rule;
  });
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!.fileNamePrefix;
      const b = rules[j]!.fileNamePrefix;
      if (a.startsWith(b) || b.startsWith(a)) {
        throw badRequest(
          `lifecycleRules: prefixes ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`,
        );
      }
    }
  }
  return rules;
}

// §5 CORS rules.
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
    // The byte count of a rule's strings (§5; the exact field list is UNCERTAIN).
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

// §7 keys.
export function checkKeyName(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('keyName is required');
  if (!/^[A-Za-z0-9-]{1,100}$/.test(value)) {
    throw badRequest(`illegal key name: ${value} (1 to 100 letters, digits and "-")`);
  }
  return value;
}

export const MAX_KEY_DURATION_SECONDS = 86_400_000;

export function checkValidDuration(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > MAX_KEY_DURATION_SECONDS
  ) {
    throw badRequest('valid duration must be greater than 0, and less than 1000 days in seconds');
  }
  return value;
}

/** File names (B2 "Files" docs; b2sdk checks the same before sending). */
export function checkFileName(name: string): string {
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes < 1 || bytes > 1024) throw badRequest('File names must be 1 to 1024 bytes of UTF-8');
  if ([...name].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127))
    throw badRequest('File names must not contain control characters');
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) {
    throw badRequest('File names must not start or end with "/" nor contain "//"');
  }
  if (name.split('/').some((s) => Buffer.byteLength(s, 'utf8') > 250)) {
    throw badRequest('Each "/"-separated part of a file name must be at most 250 bytes');
  }
  return name;
}

export function outOfRange(message: string): B2Error {
  return new B2Error(400, 'out_of_range', message);
}
