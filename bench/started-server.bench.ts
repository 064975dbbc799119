// The started server, as a user starts it: `npm start` on a built checkout, with the practice
// sandbox on (the embedded default). Five fresh starts (BENCH_START_RUNS); for each, the time from running
// `npm start` to the server's "listening" line, then, after 3 s idle, the processes under npm
// (read from /proc) and their RSS. npm's own process is not counted.
// Budgets (issue 19): start <= 1.5 s once built, idle RSS <= 100 MB, one process besides npm,
// no tsx.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { freePort } from '../e2e/fixtures/behind-nginx';
import { runBench } from './lib/bench-results';
import { median, round } from './lib/stats';
import { REPO_ROOT } from './lib/ts-child';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 5);
const IDLE_MS = 3000;
const MB = 1024 * 1024;

interface Proc {
  pid: number;
  ppid: number;
  rss: number;
  command: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command may hold spaces and parentheses: the fields after its last ')' are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.push({ pid: Number(entry), ppid: Number(fields[1]), rss: rssKb * 1024, command });
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

function descendants(root: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  let parents = new Set([root]);
  while (parents.size > 0) {
    const children = all.filter((p) => parents.has(p.ppid));
    found.push(...children);
    parents = new Set(children.map((p) => p.pid));
  }
  return found;
}

async function startOnce(port: number) {
  const started = performance.now();
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SANDBOX: 'on' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/B2 Setup Wizard: http:\/\//.test(output)) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
  try {
    const startMs = await listening;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const tree = descendants(child.pid!);
    const idleRss = tree.reduce((sum, p) => sum + p.rss, 0);
    // One connect to the sandbox, as the first visitor would (information, not budgeted).
    await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sandbox: true }),
    });
    const connectedRss = descendants(child.pid!).reduce((sum, p) => sum + p.rss, 0);
    return { startMs, idleRss, connectedRss, tree: tree.map((p) => p.command) };
  } finally {
    for (const p of descendants(child.pid!)) process.kill(p.pid, 'SIGTERM');
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

await runBench('started-server', async (bench) => {
  const built = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: REPO_ROOT });
  if (built.status !== 0) throw new Error(`the build failed:\n${built.stderr.toString()}`);
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await startOnce(await freePort());
    runs.push(run);
    console.log(
      `  start ${i + 1}: listening after ${round(run.startMs)} ms; idle RSS ${round(run.idleRss / MB, 1)} MB; ${run.tree.join(' | ')}`,
    );
  }
  const trees = runs.map((r) => r.tree);
  const largest = Math.max(...trees.map((t) => t.length));
  const withTsx = Math.max(...trees.map((t) => t.filter((c) => /\btsx\b/.test(c)).length));
  bench.add(
    `\`npm start\` to listening, built (median of ${RUNS})`,
    round(median(runs.map((r) => r.startMs))),
    'ms',
    { op: '<=', limit: 1500 },
    `slowest ${round(Math.max(...runs.map((r) => r.startMs)))} ms; npm and its prestart check included`,
  );
  bench.add(
    `started server, idle RSS with the sandbox on (median of ${RUNS})`,
    round(median(runs.map((r) => r.idleRss)) / MB, 1),
    'MB',
    { op: '<=', limit: 100 },
    `after ${IDLE_MS / 1000} s idle; npm not counted; ${round(median(runs.map((r) => r.connectedRss)) / MB, 1)} MB after one sandbox connect`,
  );
  bench.add('processes besides npm (most in any start)', largest, 'processes', {
    op: '==',
    limit: 1,
  });
  bench.add('processes running tsx', withTsx, 'processes', { op: '==', limit: 0 });
  bench.details.runs = runs.map((r) => ({ ...r, startMs: round(r.startMs) }));
});
