// `npm run bench`: runs every benchmark (bench/*.bench.ts, through tsx) one after another, then
// prints one table of every figure with its budget, and exits 1 when a budget is missed or a
// benchmark could not finish. `npm run bench -- web effort` runs only those.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

// Cheap and deterministic first; the web build comes before the effort run, which serves it.
const BENCHES = [
  'round-trips',
  'started-server',
  'api-overhead',
  'concurrency',
  'behind-nginx',
  'web',
  'effort',
];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !BENCHES.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHES.join(', ')}.`);
  process.exit(2);
}
const selected = asked.length > 0 ? BENCHES.filter((name) => asked.includes(name)) : BENCHES;

const started = Date.now();
const rows = [];
const problems = [];
for (const name of selected) {
  const resultFile = `${resultsDir}${name}.json`;
  rmSync(resultFile, { force: true });
  const t0 = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.bench.ts`], {
    cwd: root,
    stdio: 'inherit',
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (!existsSync(resultFile)) {
    problems.push(`${name}: wrote no results (exit ${run.status ?? run.signal})`);
    continue;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  if (result.details?.error)
    problems.push(`${name}: did not finish (${seconds} s): ${result.details.error.split('\n')[0]}`);
  for (const f of result.figures) rows.push({ bench: name, ...f });
  console.log(`  (${name}: ${seconds} s)`);
}

const format = (value) =>
  Number.isInteger(value)
    ? String(value)
    : Math.abs(value) >= 100
      ? value.toFixed(1)
      : String(Math.round(value * 1000) / 1000);
const table = rows.map((r) => ({
  figure: r.name,
  value: `${format(r.value)} ${r.unit}`,
  budget: r.budget ? `${r.budget.op} ${r.budget.limit}` : '',
  result: r.budget ? (r.pass ? 'pass' : 'FAIL') : '',
}));
const width = (key, title) => Math.max(title.length, ...table.map((r) => r[key].length));
const cols = [
  ['figure', 'figure'],
  ['value', 'value'],
  ['budget', 'budget'],
  ['result', 'result'],
].map(([key, title]) => ({ key, title, width: width(key, title) }));
const line = (cells) => cells.map((c, i) => c.padEnd(cols[i].width)).join(' | ');

console.log('\n' + line(cols.map((c) => c.title)));
console.log(cols.map((c) => '-'.repeat(c.width)).join('-|-'));
for (const r of table) console.log(line(cols.map((c) => r[c.key])));

const failed = rows.filter((r) => r.budget && !r.pass);
console.log(
  `\n${rows.length} figures, ${rows.filter((r) => r.budget).length} with a budget: ${failed.length} missed. ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
);
for (const f of failed)
  console.log(
    `  MISSED ${f.name}: ${format(f.value)} ${f.unit}, budget ${f.budget.op} ${f.budget.limit}${f.note ? ` (${f.note})` : ''}`,
  );
for (const p of problems) console.log(`  ERROR ${p}`);
process.exit(failed.length > 0 || problems.length > 0 ? 1 : 0);
