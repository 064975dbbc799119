// Child process: the bare client, the apply's B2 calls made directly (bench/lib/direct-b2.ts), in
// a process of its own, bundled and on plain node as the API is, so the two are measured the
// same way: the process's own CPU (process.cpuUsage), nothing else running in it.
import { authorized, directApplyCalls } from './direct-b2.ts';
import { atOnce } from './load.ts';
import { defaultRequest, parsed } from './setup-requests.ts';
import { childArgs, serveParent } from './ts-child.ts';
import { waveProfiles } from './wave-profiles.mjs';

/** @type {{ b2ApiUrl: string }} */
const { b2ApiUrl } = childArgs();

/** @type {import('backblaze-b2').default[]} */
let clients = [];

/** BENCH_DIRECT_PROFILE_DIR: a CPU profile of each wave, to set beside the API's. */
const profiles = await waveProfiles({
  prefix: 'direct',
  cpuDir: process.env.BENCH_DIRECT_PROFILE_DIR,
});

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
      await profiles.start();
      const cpu = process.cpuUsage();
      const times = await atOnce(requests, ({ b2, r }) => directApplyCalls(b2ApiUrl, b2, r));
      const used = process.cpuUsage(cpu);
      await profiles.stop();
      return { times, cpuMs: (used.user + used.system) / 1000 };
    },
  },
);

process.on('SIGTERM', () => setImmediate(() => process.exit(0)));
