// `npm start` runs this first (prestart): build the web app and the API server when their
// sources are newer than the build, so the start itself runs only compiled JavaScript.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

const stale = (built, sources) =>
  !existsSync(built) ||
  Math.max(...sources.map((s) => newestMtime(join(root, s)))) > statSync(built).mtimeMs;

const shared = ['packages/shared/src', 'packages/shared/package.json'];
const targets = [
  {
    workspace: '@b2wiz/web',
    built: join(root, 'apps/web/dist/index.html'),
    sources: [
      'apps/web/src',
      'apps/web/index.html',
      'apps/web/handover.html',
      'apps/web/vite.config.ts',
      ...shared,
    ],
  },
  {
    workspace: '@b2wiz/api',
    built: join(root, 'apps/api/dist/server.js'),
    sources: ['apps/api/src', 'packages/b2-emulator/src', 'scripts/bundle-node.mjs', ...shared],
  },
];

for (const { workspace, built, sources } of targets) {
  if (!stale(built, sources)) continue;
  console.log(`Building ${workspace}...`);
  const run = spawnSync('npm', ['run', 'build', '-w', workspace], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
