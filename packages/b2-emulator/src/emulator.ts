/** createEmulator: starts a B2 emulator on a port (0 = a free one) and hands back its handles. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorConfig } from './context';
import type { FaultSpec } from './faults';
import type { SecretStyle } from './ids';
import { EmulatorCore } from './core';
import type { RecordedRequest } from './request-log';
import { seedBucket, type SeedBucketSpec } from './seed';
import { createRequestListener } from './server';
import {
  bucketDump,
  stateDump,
  type EmulatorBucketDump,
  type EmulatorStateDump,
} from './state-dump';
import { newAccount, type NewAccount } from './accounts';
import { DEMO_ACCOUNT_ID, DEMO_MASTER_KEY, State } from './state';

export interface EmulatorOptions {
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: env B2_EMULATOR_MASTER_KEY_ID, else the demo account id "e2b1d3f4a5c6". */
  masterKeyId?: string;
  /** Default: env B2_EMULATOR_MASTER_KEY, else "K000demoMasterKeyForThePracticeSandbox". */
  masterKey?: string;
  /** Added to every B2 call (not to admin routes). */
  latencyMs?: number;
  /** Default "us-west-004"; reported by Emulator.region (B2 itself only shows it inside s3ApiUrl). */
  region?: string;
  /** The s3ApiUrl to report; default is this server's own URL. */
  s3Url?: string;
  /** How new application key secrets look; see SecretStyle. */
  secretStyle?: SecretStyle;
  /** "sandbox" leaves only POST /__emulator/accounts of the admin routes; default "test". */
  adminMode?: 'test' | 'sandbox';
  /** Required by POST /__emulator/accounts when set. */
  adminToken?: string;
  /** Refuse S3 requests carrying x-amz-checksum-* or x-amz-sdk-checksum-algorithm, as B2 did. */
  rejectChecksumHeaders?: boolean;
}

export interface Emulator {
  /** e.g. "http://127.0.0.1:40123", no trailing slash. */
  url: string;
  port: number;
  host: string;
  masterKeyId: string;
  masterKey: string;
  accountId: string;
  region: string;
  s3ApiUrl: string;
  close(): Promise<void>;
  /** Back to the seeded state; also clears faults, call counts and restores the initial latency. */
  reset(): void;
  /** Closes every kept-alive connection not serving a request now, as after an idle timeout. */
  closeIdleConnections(): void;
  state(): EmulatorStateDump;
  addFault(fault: FaultSpec): void;
  clearFaults(): void;
  faults(): FaultSpec[];
  setLatency(ms: number): void;
  callCounts(): Record<string, number>;
  resetCallCounts(): void;
  /** Expires every token now, or the one given; returns how many. */
  expireTokens(token?: string): number;
  /** Moves the emulator's clock forward (token and key expiry). */
  advanceTime(ms: number): void;
  /**
   * Adds a bucket B2's API can no longer make (e.g. a legacy one reading `{"mode": "none"}`);
   * throws a B2Error (400) for bad input. Same as `POST /__emulator/buckets`.
   */
  seedBucket(spec: SeedBucketSpec): EmulatorBucketDump;
  /** The native and S3 requests received since the last reset, oldest first (at most 5000). */
  requests(): RecordedRequest[];
  clearRequests(): void;
  /** A practice account of its own, as POST /__emulator/accounts makes one. */
  newAccount(): NewAccount;
}

const envValue = (name: string): string | undefined => {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
};

/** A new-style master key id is "<3-char cluster><accountId>0000000000"; an old-style one is the account id. */
export function accountIdOf(masterKeyId: string): string {
  return /^[0-9a-f]{3}([0-9a-f]{12})0{10}$/.exec(masterKeyId)?.[1] ?? masterKeyId;
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const masterKeyId =
    options.masterKeyId ?? envValue('B2_EMULATOR_MASTER_KEY_ID') ?? DEMO_ACCOUNT_ID;
  const masterKey = options.masterKey ?? envValue('B2_EMULATOR_MASTER_KEY') ?? DEMO_MASTER_KEY;
  if (masterKeyId.includes(':') || masterKeyId.trim() === '')
    throw new Error('masterKeyId must be non-empty and contain no ":"');
  if (masterKey.trim() === '') throw new Error('masterKey must be non-empty');
  const region = options.region ?? 'us-west-004';
  const cluster = /(\d{3})$/.exec(region)?.[1] ?? '004';
  const accountId = accountIdOf(masterKeyId);
  const state = new State({
    accountId,
    masterKeyId,
    masterKey,
    cluster,
    secretStyle: options.secretStyle ?? 'base64',
  });
  const config: EmulatorConfig = {
    url: '',
    s3ApiUrl: '',
    region,
    adminMode: options.adminMode ?? 'test',
    adminToken: options.adminToken ?? null,
    rejectChecksumHeaders: options.rejectChecksumHeaders ?? false,
  };
  const core = new EmulatorCore(state, config, options.latencyMs ?? 0);
  core.setLatency(options.latencyMs ?? 0);

  const server = createServer({ keepAliveTimeout: 5000 }, createRequestListener(core));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost =
    host === '0.0.0.0'
      ? '127.0.0.1'
      : host === '::'
        ? '[::1]'
        : host.includes(':')
          ? `[${host}]`
          : host;
  config.url = `http://${urlHost}:${port}`;
  config.s3ApiUrl = options.s3Url ?? config.url;

  return {
    url: config.url,
    port,
    host,
    masterKeyId,
    masterKey,
    accountId,
    region,
    s3ApiUrl: config.s3ApiUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        core.shutdown();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    reset: () => core.reset(),
    closeIdleConnections: () => server.closeIdleConnections(),
    state: () => stateDump(state),
    addFault: (fault) => {
      core.faults.add(fault);
    },
    clearFaults: () => core.faults.clear(),
    faults: () => core.faults.list(),
    setLatency: (ms) => core.setLatency(ms),
    callCounts: () => core.callCounts(),
    resetCallCounts: () => core.resetCallCounts(),
    expireTokens: (token) => state.expireTokens(token),
    advanceTime: (ms) => state.advanceTime(ms),
    seedBucket: (spec) => bucketDump(seedBucket(state, spec)),
    requests: () => core.requests.list(),
    clearRequests: () => core.requests.clear(),
    newAccount: () => newAccount(state),
  };
}
