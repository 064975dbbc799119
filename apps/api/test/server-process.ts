// server.ts as `npm start` runs it, in a child process: one node process (no launcher between a
// signal and the server), configured by env, its stdout and stderr collected.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** The exit code, once the process has exited. */
  exit: Promise<number | null>;
  /** The first match of `pattern` in the output, polled every 50 ms for up to `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** The address it prints once it listens, e.g. http://127.0.0.1:43123. */
  listening(timeoutMs?: number): Promise<string>;
  /** SIGKILL, unless it has exited already. */
  kill(): void;
  /** The URL of the embedded practice sandbox, from its start-up log line (needs LOG_LEVEL info). */
  sandboxUrl(): Promise<string>;
}

/** Starts server.ts on port 0 at 127.0.0.1 with B2 unreachable, unless `env` says otherwise. */
export function startServer(env: Record<string, string>): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}apps/api/src/server.ts`], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      B2_API_URL: 'http://127.0.0.1:9',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> => {
    for (let waited = 0; waited < timeoutMs; waited += 50) {
      const match = pattern.exec(output);
      if (match) return match;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`never saw ${pattern}:\n${output}`);
  };
  return {
    child,
    output: () => output,
    exit,
    waitFor,
    listening: async (timeoutMs) =>
      (await waitFor(/B2 Setup Wizard: (http:\/\/[^\s/]+)\//, timeoutMs))[1]!,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    sandboxUrl: async () =>
      (await waitFor(/"url":"([^"]+)","message":"practice sandbox started"/))[1]!,
  };
}

/** POST /api/session {sandbox: true}, as the wizard's "practice sandbox" button sends it. */
export function sandboxSession(api: string): Promise<Response> {
  return fetch(`${api}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sandbox: true }),
  });
}
