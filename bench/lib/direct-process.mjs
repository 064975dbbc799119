// Child process: the bare client, the apply's B2 calls made directly (bench/lib/direct-b2.ts), in
// a process of its own, bundled and on plain node as the API is, so the two are measured the
// same way: the process's own CPU (process.cpuUsage), nothing else running in it.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { authorized, directApplyCalls } from './direct-b2.ts';
import { atOnce } from './load.ts';
import { defaultRequest, parsed } from './setup-requests.ts';
import { childArgs, serveParent } from './ts-child.ts';

/** @type {{ b2ApiUrl: string }} */
const { b2ApiUrl } = childArgs();

/** @type {import('backblaze-b2').default[]} */
let clients = [];

/**
 * BENCH_DIRECT_PROFILE_DIR: a CPU profile of each wave alone, written as direct-<n>.cpuprofile,
 * to set beside the API's (BENCH_WAVE_PROFILE_DIR).
 */
const profileDir = process.env.BENCH_DIRECT_PROFILE_DIR;
const profiler = profileDir ? new Session() : null;
let waves = 0;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
}

serveParent(
  { pid: process.pid },
  {
    /** One authorized client per key, before and outside the measured wave. */
    prepare: async ({ keys }) => {
      const list = /** @type {{ applicationKeyId: string, applicationKey: string }[]} */ (keys);
      clients = await Promise.all(list.map((key) => authorized(b2ApiUrl, key)));
      return null;
    },
    /** Every prepared client makes the apply's calls at once: each one's ms, and the CPU used. */
    wave: async () => {
      const requests = clients.map((b2) => ({ b2, r: parsed(defaultRequest('litestream')) }));
      clients = [];
      if (profiler) await profiler.post('Profiler.start');
      const cpu = process.cpuUsage();
      const times = await atOnce(requests, ({ b2, r }) => directApplyCalls(b2ApiUrl, b2, r));
      const used = process.cpuUsage(cpu);
      if (profiler) {
        const { profile } = await profiler.post('Profiler.stop');
        writeFileSync(`${profileDir}/direct-${waves++}.cpuprofile`, JSON.stringify(profile));
      }
      return { times, cpuMs: (used.user + used.system) / 1000 };
    },
  },
);

process.on('SIGTERM', () => setImmediate(() => process.exit(0)));
