// What every benchmark hands to bench/run.mjs: its figures, each with an optional budget, written
// to bench/results/<bench>.json (gitignored). run.mjs prints them all in one table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export type BudgetOp = '<=' | '<' | '>=' | '==';

export interface Budget {
  op: BudgetOp;
  limit: number;
}

export interface Figure {
  /** e.g. "API overhead ratio (median API / median direct)". */
  name: string;
  value: number;
  /** "ms", "KB", "calls", "x", ... */
  unit: string;
  budget?: Budget;
  /** Set when a budget exists. */
  pass?: boolean;
  /** Why it failed, or how it was measured, in a few words. */
  note?: string;
}

export interface BenchResult {
  bench: string;
  startedAt: string;
  durationMs: number;
  figures: Figure[];
  /** Anything worth keeping that is not a figure (breakdowns, raw samples). */
  details?: unknown;
}

export function meets(value: number, budget: Budget): boolean {
  switch (budget.op) {
    case '<=':
      return value <= budget.limit;
    case '<':
      return value < budget.limit;
    case '>=':
      return value >= budget.limit;
    case '==':
      return value === budget.limit;
  }
}

export function figure(
  name: string,
  value: number,
  unit: string,
  budget?: Budget,
  note?: string,
): Figure {
  const f: Figure = { name, value, unit };
  if (budget) {
    f.budget = budget;
    f.pass = Number.isFinite(value) && meets(value, budget);
  }
  if (note) f.note = note;
  return f;
}

/** Records a bench's figures; run.mjs reads them back. */
export class BenchRecorder {
  private readonly started = Date.now();
  readonly figures: Figure[] = [];
  details: Record<string, unknown> = {};

  constructor(readonly bench: string) {}

  add(...args: Parameters<typeof figure>): Figure {
    const f = figure(...args);
    this.figures.push(f);
    const budget = f.budget
      ? `  (budget ${f.budget.op} ${f.budget.limit}: ${f.pass ? 'pass' : 'FAIL'})`
      : '';
    console.log(
      `  ${f.name}: ${formatValue(f.value)} ${f.unit}${budget}${f.note ? ` [${f.note}]` : ''}`,
    );
    return f;
  }

  write(): BenchResult {
    const result: BenchResult = {
      bench: this.bench,
      startedAt: new Date(this.started).toISOString(),
      durationMs: Date.now() - this.started,
      figures: this.figures,
      details: this.details,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(`${RESULTS_DIR}${this.bench}.json`, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3).replace(/\.?0+$/, '');
}

/** Runs a bench's main, records its figures, and sets the exit code (1 on a missed budget). */
export async function runBench(
  bench: string,
  main: (recorder: BenchRecorder) => Promise<void>,
): Promise<void> {
  const recorder = new BenchRecorder(bench);
  console.log(`\n== ${bench} ==`);
  try {
    await main(recorder);
  } catch (error) {
    recorder.details.error =
      error instanceof Error ? (error.stack ?? error.message) : String(error);
    recorder.write();
    console.error(`${bench} failed:`, error);
    process.exit(2);
  }
  recorder.write();
  const missed = recorder.figures.filter((f) => f.pass === false);
  process.exit(missed.length > 0 ? 1 : 0);
}
