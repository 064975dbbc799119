// The started server's own practice sandbox: an account per session, and none of the emulator's
// test routes (reset, faults, state) on a deployed server.
import { describe, expect, it } from 'vitest';
import { sandboxSession, startServer } from './server-process';

describe('server.ts with the embedded sandbox', () => {
  it('when two browsers practise, then each gets its own account, and the sandbox has no test routes', async () => {
    const server = startServer({ LOG_LEVEL: 'info' });
    try {
      const api = await server.listening();
      const sandboxUrl = await server.sandboxUrl();
      const first = (await (await sandboxSession(api)).json()) as { accountId: string };
      const second = (await (await sandboxSession(api)).json()) as { accountId: string };
      expect(first.accountId).toMatch(/^[0-9a-f]{12}$/);
      expect(second.accountId).not.toBe(first.accountId);
      for (const [method, path] of [
        ['GET', '/__emulator/state'],
        ['POST', '/__emulator/reset'],
        ['POST', '/__emulator/faults'],
        ['POST', '/__emulator/accounts'],
      ] as const) {
        const res = await fetch(`${sandboxUrl}${path}`, { method });
        // The accounts route is there, but only for the API, which holds the token.
        expect(`${method} ${path} ${res.status}`).toBe(
          `${method} ${path} ${path.endsWith('accounts') ? 401 : 404}`,
        );
      }
      // At info, no line per B2 call.
      await server.waitFor(/"message":"request"/);
      expect(server.output()).not.toContain('"message":"b2 call"');
    } finally {
      server.kill();
    }
  }, 60_000);

  it('when LOG_LEVEL is debug, then each B2 call is a line with the id of the request it served', async () => {
    const server = startServer({ LOG_LEVEL: 'debug' });
    try {
      const api = await server.listening();
      const connected = await sandboxSession(api);
      expect(connected.status).toBe(200);
      const requestId = connected.headers.get('x-request-id');
      const line = await server.waitFor(/\{[^\n]*"message":"b2 call"[^\n]*\}/);
      expect(JSON.parse(line[0])).toMatchObject({
        level: 'debug',
        requestId,
        call: 'b2_authorize_account',
        outcome: 'ok',
      });
    } finally {
      server.kill();
    }
  }, 60_000);
});
