// Lighthouse 12.8 (the npm package's CLI) with Debian's Chromium, offline, against a loopback URL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './ts-child';

export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  details?: { overallSavingsMs?: number; overallSavingsBytes?: number };
}

export interface LighthouseRun {
  formFactor: 'mobile' | 'desktop';
  performance: number;
  accessibility: number;
  metrics: Record<string, string>;
  /** Audits that cost points: id, title and what they say. */
  failing: { category: string; id: string; title: string; detail: string }[];
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

/** Runs Lighthouse, again up to twice when it fails to record (NO_NAVSTART and the like happen
 * on a busy machine); a page that is really broken fails all three. */
export function lighthouse(url: string, formFactor: 'mobile' | 'desktop'): LighthouseRun {
  let last: unknown;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      return lighthouseOnce(url, formFactor);
    } catch (error) {
      last = error;
      console.warn(`  lighthouse ${formFactor}, try ${attempt}: ${String(error).split('\n')[0]}`);
    }
  }
  throw last;
}

function lighthouseOnce(url: string, formFactor: 'mobile' | 'desktop'): LighthouseRun {
  const dir = mkdtempSync(join(tmpdir(), 'b2wiz-lighthouse-'));
  try {
    const output = join(dir, 'report.json');
    const done = spawnSync(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/lighthouse/cli/index.js'),
        url,
        '--quiet',
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${output}`,
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (done.status !== 0) throw new Error(`lighthouse failed: ${done.stderr || done.stdout}`);
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      categories: Record<
        string,
        { score: number | null; auditRefs: { id: string; weight: number }[] }
      >;
      audits: Record<string, Audit>;
      runtimeError?: { message: string };
    };
    if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
    const failing: LighthouseRun['failing'] = [];
    for (const [category, c] of Object.entries(report.categories)) {
      for (const ref of c.auditRefs) {
        const audit = report.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1) continue;
        if (['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode)) continue;
        if (category === 'performance' && ref.weight === 0 && audit.score >= 0.9) continue;
        const savings = audit.details?.overallSavingsMs
          ? ` (saves about ${Math.round(audit.details.overallSavingsMs)} ms)`
          : '';
        failing.push({
          category,
          id: ref.id,
          title: audit.title,
          detail: `score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''}${savings}`,
        });
      }
    }
    const score = (name: string) => Math.round((report.categories[name]?.score ?? 0) * 100);
    return {
      formFactor,
      performance: score('performance'),
      accessibility: score('accessibility'),
      metrics: Object.fromEntries(
        METRICS.map((id) => [id, report.audits[id]?.displayValue ?? '?']),
      ),
      failing,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
