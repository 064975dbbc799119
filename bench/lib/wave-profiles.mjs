// The profiles of a child's measured waves, for the concurrency bench's children (api-process.mjs,
// direct-process.mjs): a CPU profile (the inspector's sampling profiler) and an allocation
// profile (the sampling heap profiler, collected objects included), each only when its folder is
// given, written as <prefix>-<n>.cpuprofile and <prefix>-<n>.heapprofile for wave n.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * @param {{ prefix: string, cpuDir?: string, heapDir?: string }} options
 * @returns {Promise<{ start(): Promise<void>, stop(): Promise<void> }>}
 */
export async function waveProfiles({ prefix, cpuDir, heapDir }) {
  const session = cpuDir || heapDir ? new Session() : null;
  session?.connect();
  if (cpuDir) await session?.post('Profiler.enable');
  let wave = 0;
  return {
    async start() {
      if (heapDir) {
        await session?.post('HeapProfiler.startSampling', {
          samplingInterval: 512,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
      }
      if (cpuDir) await session?.post('Profiler.start');
    },
    async stop() {
      if (!session) return;
      const n = wave++;
      if (cpuDir) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(`${cpuDir}/${prefix}-${n}.cpuprofile`, JSON.stringify(profile));
      }
      if (heapDir) {
        const { profile } = await session.post('HeapProfiler.stopSampling');
        writeFileSync(`${heapDir}/${prefix}-${n}.heapprofile`, JSON.stringify(profile));
      }
    },
  };
}
