// The real server (apps/api/src/server.ts, as `npm start` runs it after building the web app):
// the built SPA, the API and the practice sandbox, on a free loopback port.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './ts-child';

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

export async function startAppServer(): Promise<AppServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'apps/api/src/server.ts')],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SANDBOX: 'on', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server.ts did not start: ${seen}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const found = /B2 Setup Wizard: (http:\/\/\S+?)\/?\s/.exec(seen);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server.ts exited (${code}): ${seen}`));
    });
  });
  child.stdout.resume();
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
