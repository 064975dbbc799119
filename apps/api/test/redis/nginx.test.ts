// examples/nginx.conf and examples/two-instances.md as written: Debian's nginx, round robin
// without sticky sessions, in front of two started servers sharing a real Redis. One wizard goes
// through it while each instance in turn is restarted, and no step fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '@b2wiz/b2-emulator';
import { setupRequest, idempotencyKey, uniqueName } from '../helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../helpers';
import { startServer, type ServerProcess } from '../server-process';
import { freePort, redisServerEnv, startRedisServer, type RedisServer } from './redis-server';

const example = fileURLToPath(new URL('../../../../examples/nginx.conf', import.meta.url));

let redis: RedisServer;
let emulator: Emulator;
let nginx: ChildProcess;
let prefix: string;
let front: string;
const ports: number[] = [];
const instances: ServerProcess[] = [];
let env: Record<string, string>;

const start = async (i: number) => {
  const server = startServer({ ...env, PORT: String(ports[i]) });
  instances[i] = server;
  await server.listening();
};

async function startNginx(listen: number): Promise<ChildProcess> {
  prefix = mkdtempSync(join(tmpdir(), 'b2wiz-nginx-'));
  mkdirSync(join(prefix, 'tmp'));
  const conf = readFileSync(example, 'utf8')
    .replace('127.0.0.1:3001', `127.0.0.1:${ports[0]}`)
    .replace('127.0.0.1:3002', `127.0.0.1:${ports[1]}`)
    .replace('listen 127.0.0.1:8080;', `listen 127.0.0.1:${listen};`);
  writeFileSync(join(prefix, 'nginx.conf'), conf);
  const child = spawn('nginx', ['-p', prefix, '-c', 'nginx.conf', '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  for (let i = 0; i < 100; i += 1) {
    const up = await fetch(`http://127.0.0.1:${listen}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not start:\n${output}`);
}

beforeAll(async () => {
  redis = await startRedisServer();
  emulator = await startEmulator();
  ports.push(await freePort(), await freePort());
  env = {
    ...redisServerEnv(redis, emulator.url),
    TRUST_PROXY: 'loopback',
    SESSION_RATE_LIMIT: '3',
  };
  await Promise.all([start(0), start(1)]);
  const listen = await freePort();
  nginx = await startNginx(listen);
  front = `http://127.0.0.1:${listen}`;
}, 90_000);

afterAll(async () => {
  nginx?.kill('SIGTERM');
  for (const server of instances) server?.kill();
  await emulator?.close();
  await redis?.close();
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

/** The fields these tests read from the API's answers. */
interface Answer {
  verification: { ok: boolean };
  bucket: { bucketId: string };
}

/** A browser's calls through nginx: JSON in, status and JSON out, its cookie kept. */
function browser() {
  let cookie = '';
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${front}${path}`, {
      method,
      headers: {
        // As a browser sends them: its own origin on every write (the CSRF check reads it).
        ...(body ? { 'Content-Type': 'application/json', Origin: front } : {}),
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return {
      status: res.status,
      body: (await res.json().catch(() => null)) as Answer,
    };
  };
}

/** How many API requests each instance has logged so far. */
const served = () => instances.map((s) => (s.output().match(/"message":"request"/g) ?? []).length);

describe('two instances behind nginx', () => {
  it('when one wizard runs through nginx while each instance is restarted in turn, then every step answers and both instances served it', async () => {
    const call = browser();
    const before = served();
    expect(
      (
        await call('POST', '/api/session', {
          applicationKeyId: emulator.masterKeyId,
          applicationKey: emulator.masterKey,
        })
      ).status,
    ).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await call('GET', '/api/session')).status).toBe(200);
    const after = served();
    // Round robin: both instances took part, and neither holds the session alone.
    expect(after[0]! - before[0]!).toBeGreaterThan(0);
    expect(after[1]! - before[1]!).toBeGreaterThan(0);

    const request = setupRequest('rclone', uniqueName('nginx'));
    // Rolling restart: instance 1 goes down and comes back, then instance 2.
    instances[0]!.child.kill('SIGTERM');
    expect(await instances[0]!.exit).toBe(0);
    expect((await call('GET', '/api/buckets')).status).toBe(200);
    expect((await call('POST', '/api/setup/plan', request)).status).toBe(200);
    await start(0);
    instances[1]!.child.kill('SIGTERM');
    expect(await instances[1]!.exit).toBe(0);
    const applied = await call('POST', '/api/setup/apply', {
      ...request,
      idempotencyKey: idempotencyKey(),
    });
    expect(applied.status).toBe(200);
    expect(applied.body.verification.ok).toBe(true);
    await start(1);
    // The session outlived both restarts.
    for (let i = 0; i < 2; i += 1) expect((await call('GET', '/api/session')).status).toBe(200);
    expect(
      emulator.state().keys.filter((k) => k.bucketId === applied.body.bucket.bucketId),
    ).toHaveLength(1);
  }, 120_000);

  it('when a client behind nginx claims other addresses, then its failed connects still count together, on either instance', async () => {
    const typo = { applicationKeyId: '005000000000000000000bad', applicationKey: 'K005bad' };
    const attempt = (claimed: string) =>
      fetch(`${front}/api/session`, {
        method: 'POST',
        // nginx sets X-Forwarded-For itself: a client cannot pick its own address.
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': claimed },
        body: JSON.stringify(typo),
      }).then((r) => r.status);
    expect(await attempt('203.0.113.1')).toBe(401);
    expect(await attempt('203.0.113.2')).toBe(401);
    expect(await attempt('203.0.113.3')).toBe(401);
    expect(await attempt('203.0.113.4')).toBe(429);
  });
});
