// 200 applies at once through nginx, in front of two API instances and in front of one, as
// information rather than a budget. One stack serves both arms: one redis-server, one nginx
// (examples/nginx.conf, listening twice: both instances, and the first alone), the same emulators
// adding 50 ms to every B2 call. The compiled server (apps/api/dist) runs as `npm start` runs it.
// Overhead is each apply's elapsed time minus the median time of the same B2 calls made directly
// with backblaze-b2 by 200 clients at once in the same round. Rounds alternate the arms' order;
// round 0 only warms up.
import { spawnSync } from 'node:child_process';
import type B2 from 'backblaze-b2';
import { startBehindNginx } from '../e2e/fixtures/behind-nginx';
import { apply, connect, forget, type ApiSession } from './lib/api';
import { runBench } from './lib/bench-results';
import { authorized, directApplyCalls } from './lib/direct-b2';
import { startEmulators, type Emulators } from './lib/emulators';
import { atOnce, masterOf, range } from './lib/load';
import { defaultRequest, parsed } from './lib/setup-requests';
import { median, quantile, round } from './lib/stats';
import { REPO_ROOT } from './lib/ts-child';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LATENCY_MS = 50;
const INSTANCES = 4;

async function direct(emulators: Emulators): Promise<number[]> {
  await emulators.reset();
  const clients: B2[] = await Promise.all(
    range(SESSIONS).map((i) => authorized(emulators.url, masterOf(emulators, i))),
  );
  const requests = clients.map((b2) => ({ b2, r: parsed(defaultRequest('litestream')) }));
  return atOnce(requests, ({ b2, r }) => directApplyCalls(emulators.url, b2, r));
}

async function through(front: string, emulators: Emulators): Promise<number[]> {
  await emulators.reset();
  const sessions: ApiSession[] = await Promise.all(
    range(SESSIONS).map((i) => connect(front, masterOf(emulators, i))),
  );
  const times = await atOnce(sessions, (s) => apply(front, s, defaultRequest('litestream')));
  await Promise.all(sessions.map((s) => forget(front, s)));
  return times;
}

await runBench('behind-nginx', async (bench) => {
  // As `npm start` does first: the compiled server, built when its sources are newer.
  const built = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: REPO_ROOT });
  if (built.status !== 0) throw new Error(`the build failed:\n${built.stderr.toString()}`);
  const emulators = await startEmulators({ instances: INSTANCES, latencyMs: LATENCY_MS });
  const stack = await startBehindNginx({
    instances: 2,
    firstOnly: true,
    // Every bench session comes from 127.0.0.1: lift the per-address connect limit, as the other
    // API benches do.
    env: { B2_API_URL: emulators.url, SESSION_RATE_LIMIT: '1000000' },
  }).catch(async (error: unknown) => {
    await emulators.close();
    throw error;
  });
  try {
    const arms = { two: stack.url, one: stack.firstOnlyUrl! };
    const overheads = { two: [] as number[], one: [] as number[] };
    const rounds: unknown[] = [];
    for (let r = 0; r <= ROUNDS; r += 1) {
      const order = r % 2 === 0 ? (['two', 'one'] as const) : (['one', 'two'] as const);
      const baseline = median(await direct(emulators));
      const times = { two: [] as number[], one: [] as number[] };
      for (const arm of order) times[arm] = await through(arms[arm], emulators);
      if (r === 0) continue;
      for (const arm of order) overheads[arm].push(...times[arm].map((t) => t - baseline));
      const line = {
        round: r,
        directMedian: round(baseline),
        twoP95: round(quantile(times.two, 0.95)),
        oneP95: round(quantile(times.one, 0.95)),
      };
      rounds.push(line);
      console.log(
        `  round ${r}: direct median ${line.directMedian} ms; through nginx p95: two instances ${line.twoP95} ms, one ${line.oneP95} ms`,
      );
    }
    const p = (arm: 'two' | 'one', q: number) => round(quantile(overheads[arm], q));
    const note = `${SESSIONS} applies at once, B2 +${LATENCY_MS} ms per call`;
    bench.add('through nginx, two instances: overhead p50', p('two', 0.5), 'ms', undefined, note);
    bench.add('through nginx, two instances: overhead p95', p('two', 0.95), 'ms');
    bench.add('through nginx, one instance: overhead p50', p('one', 0.5), 'ms', undefined, note);
    bench.add('through nginx, one instance: overhead p95', p('one', 0.95), 'ms');
    bench.add(
      'through nginx, p95 overhead two instances / one',
      round(p('two', 0.95) / p('one', 0.95), 2),
      'x',
      undefined,
      `p50 ratio ${round(p('two', 0.5) / p('one', 0.5), 2)}; information, not a budget (2 cores)`,
    );
    bench.details.rounds = rounds;
    bench.details.settings = { sessions: SESSIONS, rounds: ROUNDS, latencyMs: LATENCY_MS };
  } finally {
    await stack.close();
    await emulators.close();
  }
});
