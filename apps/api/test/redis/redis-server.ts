// A real redis-server (Debian's) on a free loopback port, started and stopped by the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RedisServer {
  url: string;
  port: number;
  /** Every key and what it holds (strings, hash fields and values, set members), for scans. */
  dump(): Promise<{ key: string; text: string }[]>;
  /** Stops the server (kill -9 when `crash`); `start` brings it back on the same port. */
  stop(crash?: boolean): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'b2wiz-redis-'));
  let child: ChildProcess | null = null;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const args = [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
      ];
      const proc = spawn('redis-server', [...args, '--dir', dir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start:\n${output}`)),
        10_000,
      );
      proc.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('error', (error) => {
        clearTimeout(timer);
        reject(
          new Error(
            `redis-server could not run (is the redis-server package installed?): ${error.message}`,
          ),
        );
      });
    });

  const stop = (crash = false) =>
    new Promise<void>((resolve) => {
      const proc = child;
      if (!proc || proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(crash ? 'SIGKILL' : 'SIGTERM');
    });

  await start();
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    port,
    start,
    stop: async (crash) => {
      await stop(crash);
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    async dump() {
      const client = createClient({ url });
      await client.connect();
      try {
        const out: { key: string; text: string }[] = [];
        for await (const keys of client.scanIterator({ COUNT: 500 })) {
          for (const key of keys) {
            const type = await client.type(key);
            let text = '';
            if (type === 'string') text = (await client.get(key)) ?? '';
            else if (type === 'hash') text = JSON.stringify(await client.hGetAll(key));
            else if (type === 'zset') text = JSON.stringify(await client.zRange(key, 0, -1));
            else if (type === 'set') text = JSON.stringify(await client.sMembers(key));
            else if (type === 'list') text = JSON.stringify(await client.lRange(key, 0, -1));
            out.push({ key, text });
          }
        }
        return out;
      } finally {
        await client.close();
      }
    },
  };
}

/** The environment of a started server using this Redis and `b2ApiUrl`, with a fresh key. */
export function redisServerEnv(server: RedisServer, b2ApiUrl: string): Record<string, string> {
  return {
    REDIS_URL: server.url,
    SESSION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    B2_API_URL: b2ApiUrl,
    SANDBOX: 'off',
    LOG_LEVEL: 'info',
  };
}
