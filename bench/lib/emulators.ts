// The parent's handle on bench/lib/emulator-process.mjs.
import { startTsChild } from './ts-child';

export interface EmulatorProcessArgs {
  /** Emulator instances, one account each (B2 allows 100 buckets per account). */
  instances?: number;
  latencyMs?: number;
}

export interface EmulatorInstanceInfo {
  url: string;
  accountId: string;
  masterKeyId: string;
  masterKey: string;
}

export interface EmulatorProcessReady {
  /** The base URL for b2_authorize_account (the router, or the only instance). */
  url: string;
  instances: EmulatorInstanceInfo[];
}

/** The part of GET /__emulator/state the benchmarks read (packages/b2-emulator README). */
export interface EmulatorState {
  buckets: {
    accountId: string;
    bucketId: string;
    bucketName: string;
    lifecycleRules: unknown[];
    corsRules: unknown[];
    defaultServerSideEncryption: { mode: string; algorithm?: string };
  }[];
}

export interface Emulators {
  /** Base URL of b2_authorize_account. */
  url: string;
  instances: EmulatorInstanceInfo[];
  pid: number;
  calls(): Promise<Record<string, number>>;
  resetCalls(): Promise<void>;
  reset(): Promise<void>;
  setLatency(ms: number): Promise<void>;
  /** Closes the emulators' idle kept-alive connections, and waits for the clients to see it. */
  closeIdleConnections(): Promise<void>;
  state(instance?: number): Promise<EmulatorState>;
  close(): Promise<void>;
}

export async function startEmulators(args: EmulatorProcessArgs = {}): Promise<Emulators> {
  const child = await startTsChild<EmulatorProcessReady>(
    new URL('./emulator-process.mjs', import.meta.url).pathname,
    { args },
  );
  return {
    url: child.ready.url,
    instances: child.ready.instances,
    pid: child.process.pid ?? -1,
    calls: () => child.request('calls'),
    resetCalls: () => child.request('resetCalls'),
    reset: () => child.request('reset'),
    setLatency: (ms) => child.request('setLatency', { ms }),
    closeIdleConnections: async () => {
      await child.request('closeIdleConnections');
      // The clients (this process, the API's) drop a closed socket once they read its end.
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
    state: (instance = 0) => child.request('state', { instance }),
    close: () => child.close(),
  };
}
