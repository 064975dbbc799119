// `npm start`: build the web app when its sources are newer than the build, then run the API,
// which serves the built app and (unless SANDBOX=off) the practice sandbox.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const webDir = join(root, 'apps/web');
const builtIndex = join(webDir, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

const sources = [
  join(webDir, 'src'),
  join(webDir, 'index.html'),
  join(root, 'packages/shared/src'),
];
const needsBuild =
  !existsSync(builtIndex) ||
  Math.max(
    ...sources
      .filter(existsSync)
      .map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)),
  ) > statSync(builtIndex).mtimeMs;

if (needsBuild) {
  console.log('Building the web app...');
  const build = spawnSync('npm', ['run', 'build', '-w', '@b2wiz/web'], {
    stdio: 'inherit',
    cwd: root,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const tsx = join(root, 'node_modules/.bin/tsx');
const server = spawn(tsx, [join(root, 'apps/api/src/server.ts')], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
