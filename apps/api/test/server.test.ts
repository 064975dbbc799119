// server.ts as `npm start` runs it: env parsed with zod, the sandbox started in-process, and a
// clean exit on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function startServer(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  let output = '';
  // One process, as `npm start` runs it: no launcher between the signal and the server.
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
  return { child, output: () => output, exit };
}

async function waitFor(pattern: RegExp, output: () => string): Promise<RegExpExecArray> {
  for (let i = 0; i < 200; i += 1) {
    const match = pattern.exec(output());
    if (match) return match;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never saw ${pattern}:\n${output()}`);
}

describe('server.ts', () => {
  it('when a setting is bad, then it stops at once with a message naming it', async () => {
    const server = startServer({ PORT: 'eighty', SESSION_IDLE_MINUTES: '-3' });
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain('PORT="eighty": must be a port number');
    expect(server.output()).toContain('SESSION_IDLE_MINUTES="-3"');
  }, 20_000);

  it('when SANDBOX is on, then the sandbox connects, and SIGTERM stops the idle server', async () => {
    const server = startServer({ LOG_LEVEL: 'info' });
    try {
      const api = (await waitFor(/B2 Setup Wizard: (http:\/\/[^\s/]+)\//, server.output))[1]!;
      const sandboxUrl = (
        await waitFor(/"url":"([^"]+)","message":"practice sandbox started"/, server.output)
      )[1]!;
      expect(new URL(sandboxUrl).hostname).toBe('127.0.0.1');
      expect(await (await fetch(`${api}/api/health`)).json()).toEqual({ ok: true, sandbox: true });

      const connected = await fetch(`${api}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sandbox: true }),
      });
      expect(connected.status).toBe(200);
      expect(((await connected.json()) as { sandbox: boolean }).sandbox).toBe(true);
      // Idle, it stops at once (with applies in flight: reliability/graceful-shutdown.test.ts).
      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
      expect(server.output()).not.toContain('K000demoMasterKey');
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }, 30_000);
});
