// Settings: the environment, parsed once with zod at start-up, and the AppConfig createApp uses.
import { z } from 'zod';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const onOff = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], {
      error: 'use on or off',
    }),
  )
  .transform((v) => ['on', 'true', '1', 'yes'].includes(v));

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const envSchema = z.object({
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(0, 'must be 0-65535')
      .max(65535, 'must be 0-65535')
      .default(3000),
  ),
  HOST: z.preprocess(blankToUndefined, z.string().default('127.0.0.1')),
  B2_API_URL: z.preprocess(
    blankToUndefined,
    z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL like https://api.backblazeb2.com',
      })
      .default('https://api.backblazeb2.com'),
  ),
  SANDBOX: z.preprocess(blankToUndefined, onOff.default(true)),
  SESSION_IDLE_MINUTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number of minutes' })
      .int('must be a whole number of minutes')
      .min(1, 'must be at least 1')
      .max(24 * 60, 'must be at most 1440 (a day)')
      .default(30),
  ),
  /** The S3 region to report when the S3 URL does not name one (B2_API_URL at an emulator). */
  B2_S3_REGION: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must look like us-west-004')
      .default('us-west-004'),
  ),
  /** Express's "trust proxy": off, a hop count, or addresses such as loopback (for Secure cookies and rate limits behind a proxy). */
  TRUST_PROXY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('off')
      .transform((v): boolean | number | string =>
        ['off', 'false', '0', 'no'].includes(v.toLowerCase())
          ? false
          : /^\d+$/.test(v)
            ? Number(v)
            : v,
      ),
  ),
  /** Use an emulator that is already running as the sandbox (end-to-end tests inject faults into it). */
  SANDBOX_EMULATOR_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^http$/, error: 'must be the http URL of a running B2 emulator' })
      .optional(),
  ),
  /** The accounts-route token of a shared sandbox emulator: each sandbox session gets its own account. */
  SANDBOX_EMULATOR_TOKEN: z.preprocess(
    blankToUndefined,
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  B2_EMULATOR_MASTER_KEY_ID: z.preprocess(blankToUndefined, z.string().optional()),
  B2_EMULATOR_MASTER_KEY: z.preprocess(blankToUndefined, z.string().optional()),
  /** Connect attempts allowed per client address per minute. */
  SESSION_RATE_LIMIT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number of requests per minute' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .default(20),
  ),
  /** Shared stores for several instances; memory when unset. */
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  ),
  /** Seals what the shared store keeps: 32 bytes, base64. Required with REDIS_URL. */
  SESSION_ENCRYPTION_KEY: z.preprocess(blankToUndefined, z.string().optional()),
  /** Retired keys, comma-separated: they still open values sealed before a rotation. */
  SESSION_ENCRYPTION_KEYS_OLD: z.preprocess(blankToUndefined, z.string().optional()),
  /** A session ends this long after it started, however busy. */
  SESSION_MAX_HOURS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number of hours' })
      .min(1, 'must be at least 1')
      .max(7 * 24, 'must be at most 168 (a week)')
      .default(8),
  ),
  /** An apply's lock lives this long without renewal: how soon another instance takes over after a crash. */
  APPLY_LOCK_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number of seconds' })
      .min(1, 'must be at least 1')
      .max(600, 'must be at most 600')
      .default(30),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : v),
    z.enum(LOG_LEVELS, { error: `use one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
});
export type Env = z.infer<typeof envSchema>;

/** Settings that only make sense together. */
const envRules = envSchema.superRefine((env, ctx) => {
  if (env.REDIS_URL && !env.SESSION_ENCRYPTION_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['SESSION_ENCRYPTION_KEY'],
      message:
        'is required with REDIS_URL, so nothing is kept in Redis unsealed; make one with: openssl rand -base64 32',
    });
  }
});

export class ConfigError extends Error {}

/** Settings whose values are never repeated in a message (a Redis URL may hold a password). */
const SECRET_SETTINGS = new Set([
  'REDIS_URL',
  'SESSION_ENCRYPTION_KEY',
  'SESSION_ENCRYPTION_KEYS_OLD',
  'SANDBOX_EMULATOR_TOKEN',
  'B2_EMULATOR_MASTER_KEY',
]);

/** Reads the environment, or throws a ConfigError naming every bad setting. */
export function parseEnv(env: Record<string, string | undefined>): Env {
  const parsed = envRules.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const shown =
      SECRET_SETTINGS.has(name) && env[name] ? '(hidden)' : JSON.stringify(env[name] ?? '');
    return `  ${name}=${shown}: ${issue.message}`;
  });
  throw new ConfigError(`Bad setting in the environment:\n${lines.join('\n')}`);
}

/** The practice sandbox: an emulator started in-process, and its demo master key. */
export interface SandboxConfig {
  apiUrl: string;
  masterKeyId: string;
  masterKey: string;
  s3ApiUrl: string;
  region: string;
  /**
   * The emulator's admin token for POST /__emulator/accounts: each sandbox session then gets an
   * account of its own. null: every session shares the demo account (test set-ups).
   */
  accountsToken: string | null;
}

export interface AppConfig {
  /** Base URL of b2_authorize_account. */
  b2ApiUrl: string;
  /** null hides the sandbox. */
  sandbox: SandboxConfig | null;
  sessionIdleMs: number;
  /** The absolute lifetime of a session. */
  sessionMaxMs: number;
  /** The built web app to serve, or null (API only). */
  webDist: string | null;
  bodyLimitBytes: number;
  sessionRateLimit: { windowMs: number; max: number };
  /** Handover reads allowed per client address per window (reading needs no session). */
  handoverReadRateLimit: { windowMs: number; max: number };
  /** Apply results kept per session for idempotent replay. */
  maxAppliesPerSession: number;
  /** An apply's lock lives this long unrenewed (a crashed holder lets go after it). */
  applyLockMs: number;
  /** How long a duplicate apply waits for the one running elsewhere. */
  applyWaitMs: number;
  /** Express's "trust proxy" setting. */
  trustProxy: boolean | number | string;
  /** Reported as the S3 region when B2's s3ApiUrl does not name one (only emulators do that). */
  fallbackS3Region: string;
}

export const DEFAULT_CONFIG: AppConfig = {
  b2ApiUrl: 'https://api.backblazeb2.com',
  sandbox: null,
  sessionIdleMs: 30 * 60_000,
  sessionMaxMs: 8 * 3_600_000,
  webDist: null,
  bodyLimitBytes: 64 * 1024,
  sessionRateLimit: { windowMs: 60_000, max: 20 },
  handoverReadRateLimit: { windowMs: 60_000, max: 30 },
  maxAppliesPerSession: 20,
  applyLockMs: 30_000,
  applyWaitMs: 60_000,
  trustProxy: false,
  fallbackS3Region: 'us-west-004',
};
