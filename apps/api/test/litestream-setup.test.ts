// The "done when": the real server (server.ts, configured by env) against an emulator on a
// port, driven by the scripted HTTP client in scripts/smoke-litestream.ts.
import { createEmulator, type Emulator } from '@b2wiz/b2-emulator';
import { keyCapabilities, lifecycleRulesFor } from '@b2wiz/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runLitestreamSmoke } from '../scripts/smoke-litestream';
import { startServer, type ServerProcess } from './server-process';

let emulator: Emulator;
let server: ServerProcess;
let apiUrl: string;

beforeAll(async () => {
  // As `npm run emulator` starts it: defaults, its own URL as the S3 URL.
  emulator = await createEmulator({ port: 0 });
  server = startServer({ B2_API_URL: emulator.url, SANDBOX: 'off', LOG_LEVEL: 'warn' });
  apiUrl = await server.listening();
}, 30_000);

afterAll(async () => {
  server.kill();
  await emulator.close();
});

describe('a Litestream setup through the running server', () => {
  it('when a script connects, plans and applies, then B2 holds the bucket and one key, and litestream.yml carries them', async () => {
    const report = await runLitestreamSmoke({
      apiUrl,
      emulatorUrl: emulator.url,
      applicationKeyId: emulator.masterKeyId,
      applicationKey: emulator.masterKey,
      bucketName: 'litestream-done-check',
    });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);

    // The same facts, read here directly.
    const state = emulator.state();
    const bucket = state.buckets.find((b) => b.bucketName === 'litestream-done-check')!;
    expect(bucket.lifecycleRules).toEqual(lifecycleRulesFor({ preset: 'keepLatest' }));
    expect(bucket.defaultServerSideEncryption.mode).toBe('SSE-B2');
    expect(bucket.bucketType).toBe('allPrivate');
    const keys = state.keys.filter((k) => k.bucketId === bucket.bucketId);
    expect(keys).toHaveLength(1);
    expect([...keys[0]!.capabilities].sort()).toEqual(keyCapabilities('readWrite', true).sort());
    expect(state.files.filter((f) => f.bucketId === bucket.bucketId)).toEqual([]); // marker removed

    const result = report.result!;
    const yml = result.files.find((f) => f.filename === 'litestream.yml')!;
    const replica = (parseYaml(yml.content) as { dbs: { replicas: Record<string, unknown>[] }[] })
      .dbs[0]!.replicas[0]!;
    expect(replica).toMatchObject({
      type: 's3',
      bucket: 'litestream-done-check',
      endpoint: emulator.url,
      region: emulator.region, // not in its S3 URL: B2_S3_REGION's default, the emulator's too
      'access-key-id': keys[0]!.applicationKeyId,
      'secret-access-key': result.key.applicationKey,
    });
    expect(result.files.map((f) => f.filename)).toEqual(['litestream.yml', 'SETUP-SUMMARY.md']);
  });

  it('when the server gets SIGTERM, then it shuts down cleanly', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(server.output()).not.toContain(emulator.masterKey);
  });
});
