// The web app's production build: building it, finding what the first page loads, and which
// packages its bytes come from (through a source-mapped build of the same code).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './ts-child';

export const WEB_DIR = join(REPO_ROOT, 'apps/web');
export const WEB_DIST = join(WEB_DIR, 'dist');

function run(command: string, args: string[], cwd: string): void {
  const done = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (done.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${done.stdout}\n${done.stderr}`);
  }
}

/** `npm run build -w @b2wiz/web`, into apps/web/dist (what `npm start` serves). */
export function buildWeb(): void {
  run('npm', ['run', 'build', '-w', '@b2wiz/web'], REPO_ROOT);
}

/** What `npm start` runs first: builds the web app and the server when their sources are newer. */
export function ensureWebBuild(): void {
  run(process.execPath, ['scripts/build-if-needed.mjs'], REPO_ROOT);
}

export interface InitialAsset {
  path: string;
  kind: 'js' | 'css';
  /** How index.html asks for it. */
  via: 'script' | 'modulepreload' | 'stylesheet';
  bytes: number;
  gzipBytes: number;
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return found;
}

/** The JS and CSS that index.html loads before anything else: scripts, modulepreloads, styles. */
export function initialAssets(dist = WEB_DIST): InitialAsset[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets: InitialAsset[] = [];
  const add = (href: string, kind: InitialAsset['kind'], via: InitialAsset['via']) => {
    if (/^(https?:)?\/\//.test(href)) throw new Error(`index.html loads ${href} from elsewhere`);
    if (assets.some((a) => a.path === href)) return;
    const content = readFileSync(join(dist, href.replace(/^\//, '')));
    assets.push({
      path: href,
      kind,
      via,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
    });
  };
  for (const [, tag] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const a = attributes(tag!);
    if (a.src) add(a.src, 'js', 'script');
  }
  for (const [, tag] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const a = attributes(tag!);
    const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
    if (!a.href) continue;
    if (rel.includes('modulepreload')) add(a.href, 'js', 'modulepreload');
    else if (rel.includes('stylesheet')) add(a.href, 'css', 'stylesheet');
  }
  return assets;
}

// --- Where the bytes come from -----------------------------------------------------------------
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's mappings into [line][segment] = [generated column, source index]. */
function decodeMappings(mappings: string): [number, number][][] {
  const lines: [number, number][][] = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments: [number, number][] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1]!;
        segments.push([column, source]);
      } else {
        segments.push([column, -1]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** node_modules/<package>, a workspace package, or apps/web/src. */
function ownerOf(source: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (nm) return nm[1]!;
  const rel = relative(REPO_ROOT, source).replaceAll('\\', '/');
  if (rel.startsWith('packages/shared/')) return '@b2wiz/shared';
  if (rel.startsWith('apps/web/src/')) return 'apps/web/src';
  return rel;
}

/**
 * Builds the same code with source maps into `outDir` and answers, for the entry chunk (the
 * index-*.js that index.html loads), its minified bytes per package, largest first.
 */
export function entryComposition(outDir: string): { owner: string; bytes: number }[] {
  run(
    join(REPO_ROOT, 'node_modules/.bin/vite'),
    ['build', '--sourcemap', '--outDir', outDir, '--emptyOutDir'],
    WEB_DIR,
  );
  const entry = initialAssets(outDir).find((a) => a.via === 'script');
  if (!entry) return [];
  const file = join(outDir, entry.path.replace(/^\//, ''));
  const code = readFileSync(file, 'utf8').split('\n');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as {
    sources: string[];
    mappings: string;
    sourceRoot?: string;
  };
  const mapDir = join(file, '..');
  const owners = map.sources.map((s) => ownerOf(join(mapDir, map.sourceRoot ?? '', s)));
  const bytes = new Map<string, number>();
  decodeMappings(map.mappings).forEach((segments, lineNo) => {
    const line = code[lineNo] ?? '';
    segments.forEach(([column, source], i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      const owner = source >= 0 ? (owners[source] ?? '?') : '(no source)';
      bytes.set(owner, (bytes.get(owner) ?? 0) + Math.max(0, end - column));
    });
  });
  return [...bytes].map(([owner, n]) => ({ owner, bytes: n })).sort((a, b) => b.bytes - a.bytes);
}
