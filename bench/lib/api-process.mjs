// Child process: the API as server.ts builds it (same gateway, session store, info-level request
// log), with two bench-only changes: the per-address connect rate limit is lifted (every
// benchmark session comes from 127.0.0.1) and the sandbox is off. It reports its own memory over
// IPC, so the emulator and the load generator are never counted.
// Plain JavaScript, bundled like the server (bench/lib/api.ts) and run on plain node: the root
// type-check covers bench/ with the DOM library, and the API's sources are type-checked by
// apps/api under its own settings, not pulled in from here.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createApp } from '../../apps/api/src/app';
import { createB2Gateway } from '../../apps/api/src/b2/b2-gateway';
import { systemClock } from '../../apps/api/src/clock';
import { DEFAULT_CONFIG } from '../../apps/api/src/config';
import { createLogger } from '../../apps/api/src/logging/logger';
import { InMemorySessionStore } from '../../apps/api/src/services/session-store';
import { childArgs, serveParent } from './ts-child.ts';
import { waveProfiles } from './wave-profiles.mjs';

/** @type {{ b2ApiUrl: string }} */
const { b2ApiUrl } = childArgs();
const logger = createLogger('info');

/**
 * A diagnostic beside the side-by-side figure: each apply's wall time in this process minus the
 * time its B2 calls took as the gateway saw them (onCall). Time a call's answer waits for the busy
 * event loop counts as B2 time here, so this is the API's own work, not its queueing. Calls are
 * matched to their request by the request id the gateway puts on each call event.
 */
/** @type {Map<string, number>} */
const b2MsByRequest = new Map();
/** @type {number[]} */
const ownTimes = [];
const config = {
  ...DEFAULT_CONFIG,
  b2ApiUrl,
  sessionRateLimit: { windowMs: 60_000, max: 1_000_000 },
};
const sessions = new InMemorySessionStore(config.sessionIdleMs, systemClock);
const app = createApp({
  config,
  b2: createB2Gateway({
    // server.ts wires onCall only for its debug log; here it only times the calls.
    onCall: (event) => {
      const { requestId } = event;
      if (requestId !== undefined) {
        b2MsByRequest.set(requestId, (b2MsByRequest.get(requestId) ?? 0) + event.durationMs);
      }
    },
  }),
  sessions,
  clock: systemClock,
  logger,
});
const server = createServer((req, res) => {
  if (req.url === '/api/setup/apply') {
    const started = performance.now();
    res.on('finish', () => {
      const requestId = String(res.getHeader('X-Request-Id'));
      ownTimes.push(performance.now() - started - (b2MsByRequest.get(requestId) ?? 0));
      b2MsByRequest.delete(requestId);
    });
  }
  app(req, res);
});
server.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));

// Peak RSS: the kernel's high-water mark (VmHWM), reset by writing 5 to /proc/self/clear_refs, so
// nothing samples inside the measured CPU. Where that cannot be written, a 5 ms sampler instead.
let peakRss = 0;
/** @type {NodeJS.Timeout | null} */
let sampler = null;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};
/** The kernel's peak RSS since the last reset, in bytes; null without /proc. */
const highWaterMark = () => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
};
/** Starts the peak over; true when the kernel keeps it. */
const resetHighWaterMark = () => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return highWaterMark() !== null;
  } catch {
    return false;
  }
};

/** @returns {Promise<import('./api').ApiMemory>} */
const memory = async () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss, highWaterMark() ?? 0);
  const cpu = process.cpuUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    peakRss,
    sessions: await sessions.size(),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
};

/**
 * BENCH_WAVE_PROFILE_DIR: a CPU profile of each apply wave alone (from resetPeak to
 * stopSampling), written as wave-<n>.cpuprofile; connects, forgets and start-up are left out.
 * BENCH_WAVE_HEAP_DIR: where each wave allocates, as wave-<n>.heapprofile.
 */
const profiles = await waveProfiles({
  prefix: 'wave',
  cpuDir: process.env.BENCH_WAVE_PROFILE_DIR,
  heapDir: process.env.BENCH_WAVE_HEAP_DIR,
});

serveParent(
  { url: `http://127.0.0.1:${server.address().port}`, pid: process.pid },
  {
    memory,
    /** Forgets the old peak RSS and starts keeping the new one (the kernel's, or sampled). */
    resetPeak: () => {
      peakRss = 0;
      if (!resetHighWaterMark()) sampler ??= setInterval(sample, 5);
      sample();
      return profiles.start().then(() => null);
    },
    stopSampling: async () => {
      if (sampler) clearInterval(sampler);
      sampler = null;
      await profiles.stop();
      return memory();
    },
    /** The applies' own times (ms) since the last call. */
    takeOwnTimes: () => ownTimes.splice(0),
    /** Full collection (node --expose-gc), twice so weak and finalised objects go too. */
    gc: () => {
      const gc = globalThis.gc;
      if (!gc) throw new Error('start the API child with --expose-gc');
      gc();
      gc();
      return memory();
    },
  },
);

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  // exit() after a tick, so --cpu-prof can write its profile.
  setImmediate(() => process.exit(0));
});
