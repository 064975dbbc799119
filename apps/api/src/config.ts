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
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : v),
    z.enum(LOG_LEVELS, { error: `use one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
});
export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Reads the environment, or throws a ConfigError naming every bad setting. */
export function parseEnv(env: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
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
}

export interface AppConfig {
  /** Base URL of b2_authorize_account. */
  b2ApiUrl: string;
  /** null hides the sandbox. */
  sandbox: SandboxConfig | null;
  sessionIdleMs: number;
  /** The built web app to serve, or null (API only). */
  webDist: string | null;
  bodyLimitBytes: number;
  sessionRateLimit: { windowMs: number; max: number };
  /** Apply results kept per session for idempotent replay. */
  maxAppliesPerSession: number;
  /** Express's "trust proxy" setting. */
  trustProxy: boolean | number | string;
  /** Reported as the S3 region when B2's s3ApiUrl does not name one (only emulators do that). */
  fallbackS3Region: string;
}

export const DEFAULT_CONFIG: AppConfig = {
  b2ApiUrl: 'https://api.backblazeb2.com',
  sandbox: null,
  sessionIdleMs: 30 * 60_000,
  webDist: null,
  bodyLimitBytes: 64 * 1024,
  sessionRateLimit: { windowMs: 60_000, max: 20 },
  maxAppliesPerSession: 20,
  trustProxy: false,
  fallbackS3Region: 'us-west-004',
};
