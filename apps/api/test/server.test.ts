// server.ts as `npm start` runs it: env parsed with zod, the sandbox started in-process, and a
// clean exit on SIGTERM.
import { describe, expect, it } from 'vitest';
import { sandboxSession, startServer } from './server-process';

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
      const api = await server.listening();
      const sandboxUrl = await server.sandboxUrl();
      expect(new URL(sandboxUrl).hostname).toBe('127.0.0.1');
      expect(await (await fetch(`${api}/api/health`)).json()).toEqual({ ok: true, sandbox: true });

      const connected = await sandboxSession(api);
      expect(connected.status).toBe(200);
      expect(((await connected.json()) as { sandbox: boolean }).sandbox).toBe(true);
      // Idle, it stops at once (with applies in flight: reliability/graceful-shutdown.test.ts).
      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
      expect(server.output()).not.toContain('K000demoMasterKey');
    } finally {
      server.kill();
    }
  }, 30_000);
});
