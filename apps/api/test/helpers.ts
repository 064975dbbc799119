// Test wiring: a real emulator on port 0, the real app listening on port 0, supertest over HTTP.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator, type EmulatorOptions } from '@b2wiz/b2-emulator';
import { targetDefaults, type SetupRequestInput } from '@b2wiz/shared';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createApp, type App } from '../src/app';
import { createB2Gateway, type B2GatewayOptions } from '../src/b2/b2-gateway';
import type { B2Gateway } from '../src/b2/b2-types';
import type { Clock } from '../src/clock';
import { DEFAULT_CONFIG, type AppConfig } from '../src/config';
import { AppError } from '../src/errors/app-error';
import { createLogger } from '../src/logging/logger';
import type { RenderFiles } from '../src/services/render-files';
import { InMemorySessionStore, type SessionStore } from '../src/services/session-store';
import type { Store } from 'express-rate-limit';
import type { HandoverStore } from '../src/services/handover-store';
import type { ApplyLocks } from '../src/services/setup/apply-locks';
import { InMemoryApplyRecords, type ApplyRecords } from '../src/services/setup/apply-records';

/** The AppError `promise` rejects with; any other outcome fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** Retries in milliseconds, so fault tests stay fast. */
export const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 20 } as const;

/**
 * An S3 URL shaped like B2's, so endpoint and region come out as they would in production. Only
 * for tests that never call S3: the key check of an S3 target would go to that host.
 */
export const B2_LIKE_S3_URL = 'https://s3.us-west-004.backblazeb2.com';

/** An emulator that also serves the S3-compatible API at its own URL (its s3ApiUrl). */
export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return createEmulator({ port: 0, ...options });
}

export class TestClock implements Clock {
  constructor(public time = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestApp {
  app: App;
  server: Server;
  url: string;
  clock: TestClock;
  sessions: SessionStore;
  records: ApplyRecords;
  logs: string[];
  /** A client that keeps its cookies, like one browser. */
  agent(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

export async function startApp(
  options: {
    b2ApiUrl?: string;
    sandbox?: Emulator | null;
    /** The sandbox emulator's admin token: each sandbox session gets an account of its own. */
    sandboxToken?: string;
    config?: Partial<AppConfig>;
    gateway?: B2Gateway;
    gatewayOptions?: B2GatewayOptions;
    renderFiles?: RenderFiles;
    /** Stores another app also uses, as two processes share Redis. */
    shared?: Pick<TestApp, 'sessions' | 'records' | 'clock'> & {
      locks?: ApplyLocks;
      rateLimitStore?: Store;
      handovers?: HandoverStore;
      handoverRateLimitStore?: Store;
    };
  } = {},
): Promise<TestApp> {
  const clock = options.shared?.clock ?? new TestClock();
  const logs: string[] = [];
  const sandbox = options.sandbox ?? null;
  const config: AppConfig = {
    ...DEFAULT_CONFIG,
    // Tests connect often; the rate limit has its own test.
    sessionRateLimit: { windowMs: 60_000, max: 10_000 },
    b2ApiUrl: options.b2ApiUrl ?? 'http://127.0.0.1:9',
    sandbox: sandbox
      ? {
          apiUrl: sandbox.url,
          masterKeyId: sandbox.masterKeyId,
          masterKey: sandbox.masterKey,
          s3ApiUrl: sandbox.s3ApiUrl,
          region: sandbox.region,
          accountsToken: options.sandboxToken ?? null,
        }
      : null,
    ...options.config,
  };
  const sessions =
    options.shared?.sessions ?? new InMemorySessionStore(config.sessionIdleMs, clock);
  const records = options.shared?.records ?? new InMemoryApplyRecords(config.maxAppliesPerSession);
  // The most verbose level, and the gateway's call log wired as server.ts wires it.
  const logger = createLogger('debug', (line) => logs.push(line));
  const app = createApp({
    config,
    b2:
      options.gateway ??
      createB2Gateway({
        retry: FAST_RETRY,
        timeoutMs: 5000,
        onCall: (event) => logger.debug('b2 call', { ...event }),
        ...options.gatewayOptions,
      }),
    sessions,
    records,
    ...(options.shared?.locks ? { locks: options.shared.locks } : {}),
    ...(options.shared?.rateLimitStore ? { rateLimitStore: options.shared.rateLimitStore } : {}),
    ...(options.shared?.handovers ? { handovers: options.shared.handovers } : {}),
    ...(options.shared?.handoverRateLimitStore
      ? { handoverRateLimitStore: options.shared.handoverRateLimitStore }
      : {}),
    clock,
    logger,
    ...(options.renderFiles ? { renderFiles: options.renderFiles } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    server,
    url,
    clock,
    sessions,
    records,
    logs,
    agent: () => request.agent(server),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A complete request for a target, as the wizard would send it. */
export function setupRequest(
  target: Parameters<typeof targetDefaults>[0],
  bucketName: string,
  overrides: Partial<SetupRequestInput> = {},
): SetupRequestInput {
  const base = targetDefaults(target);
  return {
    ...base,
    bucket: { ...(base.bucket as object), name: bucketName } as SetupRequestInput['bucket'],
    key: { ...base.key, name: `${target}-key` },
    ...overrides,
  };
}

let counter = 0;
export function uniqueName(prefix = 'wizard-test'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export function idempotencyKey(): string {
  counter += 1;
  return `test-apply-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}

/** B2's native API, straight to the emulator, as a test's own hands (never the code under test). */
export async function b2Native(
  emulator: Emulator,
  call: string,
  body: Record<string, unknown>,
  version: 'v2' | 'v3' | 'v4' = 'v2',
): Promise<Record<string, unknown>> {
  const auth = await fetch(`${emulator.url}/b2api/v2/b2_authorize_account`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${emulator.masterKeyId}:${emulator.masterKey}`).toString('base64')}`,
    },
  });
  const account = (await auth.json()) as {
    authorizationToken: string;
    apiUrl: string;
    accountId: string;
  };
  const answer = await fetch(`${account.apiUrl}/b2api/${version}/${call}`, {
    method: 'POST',
    headers: { Authorization: account.authorizationToken, 'Content-Type': 'application/json' },
    body: JSON.stringify({ accountId: account.accountId, ...body }),
  });
  const json = (await answer.json()) as Record<string, unknown>;
  if (!answer.ok) throw new Error(`${call} failed: ${JSON.stringify(json)}`);
  return json;
}

/** A key made with the master key through B2's native API. */
export async function createKeyOnEmulator(
  emulator: Emulator,
  capabilities: string[],
  extra: Record<string, unknown> = {},
): Promise<{ applicationKeyId: string; applicationKey: string }> {
  const key = await b2Native(emulator, 'b2_create_key', {
    keyName: 'made-by-test',
    capabilities,
    ...extra,
  });
  return {
    applicationKeyId: String(key.applicationKeyId),
    applicationKey: String(key.applicationKey),
  };
}

export const connectMaster = (agent: ReturnType<typeof request.agent>, emulator: Emulator) =>
  agent
    .post('/api/session')
    .send({ applicationKeyId: emulator.masterKeyId, applicationKey: emulator.masterKey });

/** Calls the emulator counted that change something (over the native API or S3). */
export function writeCalls(emulator: Emulator): number {
  const counts = emulator.callCounts();
  return [
    'b2_create_bucket',
    'b2_update_bucket',
    'b2_delete_bucket',
    'b2_create_key',
    'b2_delete_key',
    'b2_upload_file',
    'b2_delete_file_version',
    's3_put_object',
    's3_delete_object',
  ].reduce((sum, call) => sum + (counts[call] ?? 0), 0);
}

/** The bodies of the native calls the emulator received, as its request log holds them. */
export async function requestBodies(
  emulator: Emulator,
  call: string,
): Promise<Record<string, unknown>[]> {
  const answer = await fetch(`${emulator.url}/__emulator/requests`);
  const { requests } = (await answer.json()) as {
    requests: { call: string; body: Record<string, unknown> | null }[];
  };
  return requests.filter((r) => r.call === call).map((r) => r.body ?? {});
}

/** An old bucket B2 has not yet moved to SSE-B2: it still reads {"mode": "none"}. */
export async function seedLegacyBucket(
  emulator: Emulator,
  bucketName: string,
  rules: { lifecycleRules?: unknown[]; corsRules?: unknown[] } = {},
): Promise<{ bucketId: string }> {
  const answer = await fetch(`${emulator.url}/__emulator/buckets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ bucketName, legacyEncryption: true, ...rules }),
  });
  const json = (await answer.json()) as { bucketId: string };
  if (!answer.ok) throw new Error(`seeding ${bucketName} failed: ${JSON.stringify(json)}`);
  return json;
}

export function totalCalls(emulator: Emulator): number {
  return Object.values(emulator.callCounts()).reduce((a, b) => a + b, 0);
}

/** Whether a key ID and secret sign in to the emulator: proof that someone holds a working secret. */
export async function signsIn(
  emulator: Emulator,
  applicationKeyId: string,
  applicationKey: string,
  version: 'v1' | 'v2' | 'v3' | 'v4' = 'v2',
): Promise<boolean> {
  const answer = await fetch(`${emulator.url}/b2api/${version}/b2_authorize_account`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${applicationKeyId}:${applicationKey}`).toString('base64')}`,
    },
  });
  await answer.arrayBuffer();
  return answer.ok;
}

/**
 * Words a person can act on: no status numbers, no B2 call or error codes, no stack, no JSON.
 * Answers what looks wrong, or null.
 */
export function notPlainWords(message: unknown): string | null {
  if (typeof message !== 'string' || message.trim().length < 20) return 'no message';
  const bad =
    /\b(HTTP|ECONN\w*|ETIMEDOUT|undefined|null|NaN|Error|Exception)\b|\bb2_[a-z]|[a-z]+_[a-z]+_?|[{}<>]|\bat \S+:\d+|\b[45]\d\d\b/.exec(
      message,
    );
  return bad ? `“${bad[0]}” in “${message}”` : null;
}

export type Agent = ReturnType<TestApp['agent']>;

/** POST /api/setup/apply from `browser`: `request` under an idempotency key, as the wizard sends it. */
export const applySetup = (browser: Agent, request: SetupRequestInput, key = idempotencyKey()) =>
  browser.post('/api/setup/apply').send({ ...request, idempotencyKey: key });

/** An apply body for `target` on a new bucket named from `prefix`, with its own idempotency key. */
export const newApply = (target: Parameters<typeof setupRequest>[0], prefix: string) => ({
  ...setupRequest(target, uniqueName(prefix)),
  idempotencyKey: idempotencyKey(),
});

/** POST /api/setup/apply to `app` with a browser's session cookie, as any instance receives it. */
export const applyWithCookie = (app: TestApp, cookie: string, body: object) =>
  request(app.server).post('/api/setup/apply').set('Cookie', cookie).send(body);

export interface EmulatorApp {
  emulator: Emulator;
  t: TestApp;
  /** A fresh browser for each test, signed in with the master key unless `connect` is false. */
  agent: Agent;
}

export interface EmulatorAppOptions {
  emulator?: EmulatorOptions;
  /** Whether each test's browser signs in with the master key first (it does unless false). */
  connect?: boolean;
}

/**
 * The usual wiring of an API test file: one emulator and one app for the file, the emulator reset
 * before each test, and a fresh browser for it. The answer holds them during each test; `ready`,
 * when given, also receives them before each test.
 */
export function useEmulatorApp(options?: EmulatorAppOptions): EmulatorApp;
export function useEmulatorApp(
  ready: (app: EmulatorApp) => void,
  options?: EmulatorAppOptions,
): EmulatorApp;
export function useEmulatorApp(
  readyOrOptions?: ((app: EmulatorApp) => void) | EmulatorAppOptions,
  maybeOptions: EmulatorAppOptions = {},
): EmulatorApp {
  const ready = typeof readyOrOptions === 'function' ? readyOrOptions : undefined;
  const options = typeof readyOrOptions === 'object' ? readyOrOptions : maybeOptions;
  let current: EmulatorApp | undefined;
  let emulator: Emulator;
  let t: TestApp;
  beforeAll(async () => {
    emulator = await startEmulator(options.emulator);
    t = await startApp({ b2ApiUrl: emulator.url });
  });
  afterAll(async () => {
    await t.close();
    await emulator.close();
  });
  beforeEach(async () => {
    emulator.reset();
    const agent = t.agent();
    if (options.connect !== false) await connectMaster(agent, emulator).expect(200);
    current = { emulator, t, agent };
    ready?.(current);
  });
  const now = (): EmulatorApp => {
    if (!current) throw new Error('useEmulatorApp: read during a test, not while the file loads');
    return current;
  };
  return {
    get emulator() {
      return now().emulator;
    },
    get t() {
      return now().t;
    },
    get agent() {
      return now().agent;
    },
  };
}
