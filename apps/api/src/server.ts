// Starts the API (and, with SANDBOX on, the practice emulator) from the environment.
// Only this file reads env and listens.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  createEmulator,
  DEMO_ACCOUNT_ID,
  DEMO_MASTER_KEY,
  type Emulator,
} from '@b2wiz/b2-emulator';
import { createApp } from './app';
import { createB2Gateway } from './b2/b2-gateway';
import { systemClock } from './clock';
import { ConfigError, DEFAULT_CONFIG, parseEnv, type AppConfig } from './config';
import { createLogger } from './logging/logger';
import { openStores, type Stores } from './stores/open-stores';

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(env.LOG_LEVEL);

let sandbox: Emulator | null = null;
let sandboxConfig: AppConfig['sandbox'] = null;
if (env.SANDBOX && env.SANDBOX_EMULATOR_URL) {
  const apiUrl = env.SANDBOX_EMULATOR_URL.replace(/\/+$/, '');
  sandboxConfig = {
    apiUrl,
    masterKeyId: env.B2_EMULATOR_MASTER_KEY_ID ?? DEMO_ACCOUNT_ID,
    masterKey: env.B2_EMULATOR_MASTER_KEY ?? DEMO_MASTER_KEY,
    s3ApiUrl: apiUrl,
    region: env.B2_S3_REGION,
    accountsToken: env.SANDBOX_EMULATOR_TOKEN ?? null,
  };
  logger.info('practice sandbox: using a running emulator', { url: apiUrl });
} else if (env.SANDBOX) {
  // Its own loopback port, whatever HOST the app binds: the sandbox is never reachable from outside.
  // Sandbox mode: no test routes (reset, faults), and an account per session behind a token.
  const accountsToken = randomBytes(24).toString('hex');
  sandbox = await createEmulator({
    port: 0,
    host: '127.0.0.1',
    adminMode: 'sandbox',
    adminToken: accountsToken,
  });
  sandboxConfig = {
    apiUrl: sandbox.url,
    masterKeyId: sandbox.masterKeyId,
    masterKey: sandbox.masterKey,
    s3ApiUrl: sandbox.s3ApiUrl,
    region: sandbox.region,
    accountsToken,
  };
  logger.info('practice sandbox started', { url: sandbox.url });
}

const config: AppConfig = {
  ...DEFAULT_CONFIG,
  b2ApiUrl: env.B2_API_URL,
  sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
  sessionMaxMs: env.SESSION_MAX_HOURS * 3_600_000,
  applyLockMs: env.APPLY_LOCK_SECONDS * 1000,
  trustProxy: env.TRUST_PROXY,
  fallbackS3Region: env.B2_S3_REGION,
  webDist: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  sessionRateLimit: { ...DEFAULT_CONFIG.sessionRateLimit, max: env.SESSION_RATE_LIMIT },
  sandbox: sandboxConfig,
};

let stores: Stores;
try {
  stores = await openStores(env, config, systemClock, logger);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(
    `Cannot reach Redis at REDIS_URL: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
logger.info('session store', { kind: stores.kind });

const app = createApp({
  config,
  b2: createB2Gateway({
    // Each B2 call's event is made only for the debug log that shows it.
    onCall:
      env.LOG_LEVEL === 'debug' ? (event) => logger.debug('b2 call', { ...event }) : undefined,
  }),
  sessions: stores.sessions,
  records: stores.records,
  locks: stores.locks,
  ...(stores.rateLimitStore ? { rateLimitStore: stores.rateLimitStore } : {}),
  handovers: stores.handovers,
  ...(stores.handoverRateLimitStore
    ? { handoverRateLimitStore: stores.handoverRateLimitStore }
    : {}),
  clock: systemClock,
  logger,
});
const sweeper = setInterval(() => {
  app
    .sweep()
    .catch((error: unknown) => logger.warn('session sweep failed', { error: String(error) }));
}, 60_000);
sweeper.unref();

const server = app.listen(env.PORT, env.HOST, () => {
  const { port } = server.address() as AddressInfo;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  logger.info('B2 Setup Wizard listening', {
    url: `http://${host}:${port}/`,
    b2ApiUrl: config.b2ApiUrl,
  });
  console.log(`B2 Setup Wizard: http://${host}:${port}/`);
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(`Cannot listen on ${env.HOST}:${env.PORT}: ${error.code ?? error.message}`);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  // Stop accepting; idle keep-alive sockets go now, busy ones as soon as their answer is sent
  // (server.close() alone would wait for the browser to drop a kept-alive socket).
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const force = setTimeout(() => {
    logger.warn('shutdown timed out; closing remaining connections');
    server.closeAllConnections();
  }, 30_000);
  force.unref();
  await app.drain();
  await closed;
  clearInterval(sweep);
  clearInterval(sweeper);
  await stores.close();
  await sandbox?.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
