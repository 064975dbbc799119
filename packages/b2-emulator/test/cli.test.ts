import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_ID, DEMO_MASTER_KEY } from '../src/index';
import { basic, http } from './helpers';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

interface Started {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

/** Runs src/cli.ts with tsx (as `npm run emulator` does) and waits for its three lines. */
async function startCli(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: packageDir,
    env: { ...process.env, B2_EMULATOR_MASTER_KEY_ID: '', B2_EMULATOR_MASTER_KEY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const lines = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}${err}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Master application key: .*\n/.test(out)) {
        clearTimeout(timer);
        resolve(out.trim().split('\n'));
      }
    });
    child.once('exit', () => reject(new Error(`CLI exited: ${out}${err}`)));
  });
  return { child, lines, exited };
}

describe('CLI', () => {
  it('when started with --port 0, then it prints its URL and the demo master key, serves B2, and exits on SIGTERM', async () => {
    const { child, lines, exited } = await startCli([
      '--port',
      '0',
      '--latency',
      '0',
      '--region',
      'us-east-005',
    ]);
    try {
      expect(lines[0]).toMatch(/^B2 emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toBe(`Master application key ID: ${DEMO_ACCOUNT_ID}`);
      expect(lines[2]).toBe(`Master application key: ${DEMO_MASTER_KEY}`);
      const url = lines[0]!.replace('B2 emulator listening on ', '');
      const res = await http(`${url}/b2api/v2/b2_authorize_account`, {
        headers: { Authorization: basic(DEMO_ACCOUNT_ID, DEMO_MASTER_KEY) },
      });
      expect(res.status).toBe(200);
      expect(res.body.apiUrl).toBe(url);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('when the key comes from the environment, then it is used but not echoed, and SIGINT exits cleanly', async () => {
    const { child, lines, exited } = await startCli(['--port=0'], {
      B2_EMULATOR_MASTER_KEY_ID: 'a1b2c3d4e5f6',
      B2_EMULATOR_MASTER_KEY: 'K004secretFromTheEnvironment',
    });
    try {
      expect(lines[1]).toBe('Master application key ID: a1b2c3d4e5f6');
      expect(lines.join('\n')).not.toContain('K004secretFromTheEnvironment');
      const url = lines[0]!.replace('B2 emulator listening on ', '');
      const res = await http(`${url}/b2api/v3/b2_authorize_account`, {
        headers: { Authorization: basic('a1b2c3d4e5f6', 'K004secretFromTheEnvironment') },
      });
      expect(res.body.accountId).toBe('a1b2c3d4e5f6');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
