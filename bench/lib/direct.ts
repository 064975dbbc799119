// The parent's handle on bench/lib/direct-process.mjs: the bare client in its own process.
import type { ApplicationKey } from './direct-b2';
import { bundledChild, startTsChild } from './ts-child';

export interface DirectClient {
  /** Authorizes one client per key (not measured). */
  prepare(keys: ApplicationKey[]): Promise<void>;
  /** The prepared clients' apply calls at once: each apply's ms, and the process's CPU ms. */
  wave(): Promise<{ times: number[]; cpuMs: number }>;
  /** The same calls served over plain node:http from the prepared clients (the floor). */
  plainUrl: string;
  servedStart(): Promise<void>;
  servedStop(): Promise<{ cpuMs: number }>;
  close(): Promise<void>;
}

export async function startDirect(args: { b2ApiUrl: string }): Promise<DirectClient> {
  const child = await startTsChild<{ pid: number; plainUrl: string }>(
    bundledChild('bench/lib/direct-process.mjs'),
    { args, nodeFlags: process.env.BENCH_DIRECT_NODE_FLAGS?.split(' ').filter(Boolean) ?? [] },
  );
  return {
    prepare: (keys) => child.request('prepare', { keys }),
    wave: () => child.request('wave'),
    plainUrl: child.ready.plainUrl,
    servedStart: () => child.request('servedStart'),
    servedStop: () => child.request('servedStop'),
    close: () => child.close(),
  };
}
