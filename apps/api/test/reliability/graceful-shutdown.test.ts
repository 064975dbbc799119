// Graceful shutdown: server.ts, as `npm start` runs it, gets SIGTERM while applies are in flight.
// It stops taking connections at once, lets every apply finish and answer, then exits 0.
import { request as httpRequest } from 'node:http';
import type { Emulator } from '@b2wiz/b2-emulator';
import { setupResultSchema } from '@b2wiz/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKey, setupRequest, startEmulator } from '../helpers';
import { sandboxSession, startServer, type ServerProcess } from '../server-process';

const IN_FLIGHT = 3;

let emulator: Emulator;
let server: ServerProcess;

beforeAll(async () => {
  // The practice sandbox is this emulator, so the test can slow B2 down and count what exists.
  emulator = await startEmulator({ s3Url: undefined });
  server = startServer({
    SANDBOX: 'on',
    SANDBOX_EMULATOR_URL: emulator.url,
    B2_EMULATOR_MASTER_KEY_ID: emulator.masterKeyId,
    B2_EMULATOR_MASTER_KEY: emulator.masterKey,
    LOG_LEVEL: 'info',
  });
}, 30_000);
afterAll(async () => {
  server.kill();
  await emulator.close();
});

/** A brand-new connection (no pooled keep-alive socket): refused once the server stops listening. */
function healthOnNewConnection(api: string): Promise<string> {
  return new Promise((resolve) => {
    const req = httpRequest(`${api}/api/health`, { agent: false }, (res) => {
      res.resume();
      resolve(`answered ${res.statusCode}`);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.end();
  });
}

describe('graceful shutdown', () => {
  it('when SIGTERM arrives during applies, then each finishes and answers, new connections are refused, and the process exits 0', async () => {
    const api = await server.listening();
    await server.waitFor(/practice sandbox: using a running emulator/);

    const browsers: string[] = [];
    for (let i = 0; i < IN_FLIGHT; i += 1) {
      const connected = await sandboxSession(api);
      expect(connected.status).toBe(200);
      browsers.push(connected.headers.get('set-cookie')!.split(';')[0]!);
    }

    // Each B2 call takes 80 ms: every apply is part way when SIGTERM comes.
    emulator.setLatency(80);
    const started = Date.now();
    const applies = browsers.map((cookie, i) =>
      fetch(`${api}/api/setup/apply`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify({
          ...setupRequest('rclone', `shutdown-bucket-${i}`),
          idempotencyKey: idempotencyKey(),
        }),
      }),
    );
    await new Promise((r) => setTimeout(r, 250));
    expect(emulator.callCounts().b2_create_bucket ?? 0).toBeGreaterThan(0);
    // rclone's key check puts its marker over S3: no apply has come that far.
    expect(emulator.callCounts().s3_put_object ?? 0).toBe(0);
    const signalled = Date.now();
    server.child.kill('SIGTERM');

    await server.waitFor(/"signal":"SIGTERM","message":"shutting down"/);
    const refused = await healthOnNewConnection(api);
    expect(refused).toBe('ECONNREFUSED');

    const answers = await Promise.all(applies);
    const results = await Promise.all(
      answers.map(async (res) => {
        expect(res.status).toBe(200);
        return setupResultSchema.parse(await res.json());
      }),
    );
    const answered = Date.now();
    const code = await server.exit;
    const exitedAfter = Date.now() - signalled;
    expect(code).toBe(0);
    // It does not wait for the browsers to drop their kept-alive connections.
    expect(Date.now() - answered).toBeLessThan(2000);
    for (const result of results) expect(result.verification.ok).toBe(true);

    // Everything each apply meant to make exists, once.
    const state = emulator.state();
    const own = state.buckets.filter((b) => b.accountId === emulator.accountId);
    expect(own.map((b) => b.bucketName).sort()).toEqual(
      browsers.map((_, i) => `shutdown-bucket-${i}`),
    );
    expect(state.keys.map((k) => k.applicationKeyId).sort()).toEqual(
      results.map((r) => r.key.applicationKeyId).sort(),
    );
    expect(state.files).toEqual([]);
    expect(server.output()).not.toContain(emulator.masterKey);
    console.log(
      `graceful shutdown: ${results.length}/${IN_FLIGHT} in-flight applies finished after SIGTERM ` +
        `(${signalled - started} ms into them), new connections ${refused}, exit code ${code} ` +
        `${exitedAfter} ms after the signal`,
    );
  }, 60_000);
});
