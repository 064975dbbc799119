// emulator.closeIdleConnections(): kept-alive connections end, as after the server's idle timeout.
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './helpers';

/** One GET over `agent`; answers the socket it went over. */
const get = (url: string, agent: Agent): Promise<{ status: number; socket: Socket }> =>
  new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket! }));
    });
    req.on('error', reject);
    req.end();
  });

const closed = (socket: Socket): Promise<void> =>
  new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('closeIdleConnections', () => {
  const emu = useEmulator();

  it('when a kept-alive connection is idle, then it is closed and the next request opens a new one that works', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(`${emu().url}/__emulator/state`, agent);
      const reused = await get(`${emu().url}/__emulator/state`, agent);
      expect(reused.socket).toBe(first.socket);

      emu().closeIdleConnections();
      await closed(first.socket);
      const after = await get(`${emu().url}/__emulator/state`, agent);
      expect(after.status).toBe(200);
      expect(after.socket).not.toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });
});
