// A fresh practice-sandbox setup through the real API: an emulator, the real Express app wired to it
// as its sandbox, then POST /api/session {sandbox: true} and POST /api/setup/apply over HTTP, as the
// wizard's browser would. The files come from the apply answer; the tools run in a fresh work dir.
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createEmulator, type Emulator, type EmulatorOptions } from '@b2wiz/b2-emulator';
import {
  setupResultSchema,
  targetDefaults,
  type SetupRequestInput,
  type SetupResult,
  type Target,
} from '@b2wiz/shared';
import { createApp } from '../../apps/api/src/app';
import { createB2Gateway } from '../../apps/api/src/b2/b2-gateway';
import { systemClock } from '../../apps/api/src/clock';
import { DEFAULT_CONFIG, type AppConfig } from '../../apps/api/src/config';
import { createLogger } from '../../apps/api/src/logging/logger';
import { InMemorySessionStore } from '../../apps/api/src/services/session-store';
import { workDir } from './tools';

export interface SandboxSetup {
  emulator: Emulator;
  result: SetupResult;
  /** File name → content, as the apply answer gave them. */
  files: Record<string, string>;
  /** A temp work dir for the tools (also their HOME), removed by close(). */
  dir: string;
  /** The generated file `name`; one the setup did not generate fails the test. */
  file(name: string): string;
  /** Writes the generated file `name` into the work dir, as a user saves a download. */
  save(name: string): void;
  close(): Promise<void>;
}

let counter = 0;

/** A bucket name B2 accepts and no other test file uses. */
export function uniqueBucketName(target: Target): string {
  counter += 1;
  return `tool-${target}-${process.pid}-${counter}`.toLowerCase().slice(0, 63);
}

async function startApi(emulator: Emulator): Promise<{ url: string; close(): Promise<void> }> {
  const config: AppConfig = {
    ...DEFAULT_CONFIG,
    b2ApiUrl: 'http://127.0.0.1:9',
    sandbox: {
      apiUrl: emulator.url,
      masterKeyId: emulator.masterKeyId,
      masterKey: emulator.masterKey,
      s3ApiUrl: emulator.s3ApiUrl,
      region: emulator.region,
      accountsToken: null,
    },
  };
  const app = createApp({
    config,
    b2: createB2Gateway({ timeoutMs: 10_000 }),
    sessions: new InMemorySessionStore(config.sessionIdleMs, systemClock),
    clock: systemClock,
    logger: createLogger('silent'),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function postJson(url: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/**
 * Sets up `target` with its defaults (plus a bucket and key name, and `adjust` for values a user must
 * type, such as Laravel's app URL or a path in the work dir, or buckets it needs in the sandbox
 * first) in a fresh sandbox, and returns the generated files. `emulatorOptions` can make the sandbox
 * stricter (rejectChecksumHeaders).
 */
export async function sandboxSetup(
  target: Target,
  adjust: (
    request: SetupRequestInput,
    dir: string,
    emulator: Emulator,
  ) => SetupRequestInput | Promise<SetupRequestInput> = (r) => r,
  emulatorOptions: EmulatorOptions = {},
): Promise<SandboxSetup> {
  const work = workDir(target);
  const emulator = await createEmulator({ port: 0, ...emulatorOptions });
  const api = await startApi(emulator);
  const close = async () => {
    await api.close();
    await emulator.close();
    work.remove();
  };
  try {
    const session = await postJson(`${api.url}/api/session`, { sandbox: true });
    if (session.status !== 200)
      throw new Error(`POST /api/session: ${session.status} ${await session.text()}`);
    const cookie = session.headers
      .getSetCookie()
      .map((c) => c.split(';', 1)[0])
      .join('; ');
    const defaults = targetDefaults(target);
    const request = await adjust(
      {
        ...defaults,
        bucket: {
          ...defaults.bucket,
          name: uniqueBucketName(target),
        } as SetupRequestInput['bucket'],
        key: { ...defaults.key, name: `${target}-tool-test` },
      },
      work.dir,
      emulator,
    );
    const apply = await postJson(
      `${api.url}/api/setup/apply`,
      { ...request, idempotencyKey: `tool-test-${target}-${process.pid}-${Date.now()}` },
      cookie,
    );
    const text = await apply.text();
    if (apply.status !== 200) throw new Error(`POST /api/setup/apply: ${apply.status} ${text}`);
    const result = setupResultSchema.parse(JSON.parse(text));
    if (!result.verification.ok)
      throw new Error(`the API's own key check failed: ${JSON.stringify(result.verification)}`);
    const files = Object.fromEntries(result.files.map((f) => [f.filename, f.content]));
    const file = (name: string): string => {
      const content = files[name];
      if (content === undefined)
        throw new Error(`the setup generated no ${name} (only ${Object.keys(files).join(', ')})`);
      return content;
    };
    return {
      emulator,
      result,
      files,
      dir: work.dir,
      file,
      save: (name) => writeFileSync(join(work.dir, name), file(name)),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
