// API overhead: with the emulator adding 50 ms to every B2 call, a whole Litestream apply through
// the API (POST /api/session, then POST /api/setup/apply) against the same B2 calls made directly
// with backblaze-b2 (authorize, create_bucket, create_key, then the key check: authorize with the
// new key, get_upload_url, upload_file, delete_file_version). Interleaved, so both arms see the
// same machine; the emulator's call counts prove both arms made the same calls.
// Budget: median(API) / median(direct) <= 1.05.
import { apply, connect, startApi } from './lib/api';
import { runBench } from './lib/bench-results';
import { directApply } from './lib/direct-b2';
import { startEmulators } from './lib/emulators';
import { defaultRequest, parsed } from './lib/setup-requests';
import { median, quantile, round } from './lib/stats';

const N = Number(process.env.BENCH_OVERHEAD_N ?? 30);
const WARMUP = 3;
const LATENCY_MS = 50;

await runBench('api-overhead', async (bench) => {
  const emulators = await startEmulators({ instances: 1, latencyMs: LATENCY_MS });
  const api = await startApi({ b2ApiUrl: emulators.url });
  const master = emulators.instances[0]!;
  const key = { applicationKeyId: master.masterKeyId, applicationKey: master.masterKey };

  const arms = {
    api: async () => {
      const session = await connect(api.url, key);
      await apply(api.url, session, defaultRequest('litestream'));
    },
    direct: () => directApply(emulators.url, key, parsed(defaultRequest('litestream'))),
  };
  type Arm = keyof typeof arms;
  const times: Record<Arm, number[]> = { api: [], direct: [] };
  const callsOf: Record<Arm, string | null> = { api: null, direct: null };

  const once = async (arm: Arm, record: boolean) => {
    await emulators.resetCalls();
    const started = performance.now();
    await arms[arm]();
    const elapsed = performance.now() - started;
    const calls = JSON.stringify(await emulators.calls());
    if (callsOf[arm] !== null && callsOf[arm] !== calls) {
      throw new Error(`${arm} made different calls this time: ${calls} (was ${callsOf[arm]})`);
    }
    callsOf[arm] = calls;
    if (record) times[arm].push(elapsed);
  };

  try {
    for (let i = 0; i < WARMUP; i += 1) {
      await emulators.reset();
      await once('api', false);
      await once('direct', false);
    }
    if (callsOf.api !== callsOf.direct) {
      throw new Error(
        `the arms make different B2 calls: API ${callsOf.api}, direct ${callsOf.direct}. ` +
          'Teach bench/lib/direct-b2.ts the calls the API now makes.',
      );
    }
    for (let i = 0; i < N; i += 1) {
      // A fresh account every pair keeps both arms under B2's 100-bucket limit, on equal terms.
      await emulators.reset();
      const order: Arm[] = i % 2 === 0 ? ['api', 'direct'] : ['direct', 'api'];
      for (const arm of order) await once(arm, true);
    }
  } finally {
    await api.close();
    await emulators.close();
  }

  const api50 = median(times.api);
  const direct50 = median(times.direct);
  const calls = JSON.parse(callsOf.api ?? '{}') as Record<string, number>;
  const callCount = Object.values(calls).reduce((a, b) => a + b, 0);
  console.log(
    `  ${N} applies per arm, ${callCount} B2 calls each (${LATENCY_MS} ms added per call): ${JSON.stringify(calls)}`,
  );
  console.log(
    `  API     median ${round(api50)} ms, p90 ${round(quantile(times.api, 0.9))} ms\n` +
      `  direct  median ${round(direct50)} ms, p90 ${round(quantile(times.direct, 0.9))} ms`,
  );
  bench.add('API apply, median', round(api50), 'ms', undefined, `${N} interleaved runs`);
  bench.add('direct backblaze-b2, median', round(direct50), 'ms', undefined, 'same calls');
  bench.add('API overhead per apply, median difference', round(api50 - direct50), 'ms');
  bench.add('API overhead ratio (median API / median direct)', round(api50 / direct50, 4), 'x', {
    op: '<=',
    limit: 1.05,
  });
  bench.details = { n: N, latencyMs: LATENCY_MS, calls, times };
});
