// Finding and running the real tools: each one in a clean environment (HOME in a temp dir, no
// AWS_* or proxy settings from the machine, so no AWS_CA_BUNDLE), loopback only.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The child's PATH: the system's, never a pyenv or nvm shim (s3cmd and aws need Debian's python3). */
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type ToolName =
  | 'rclone'
  | 'restic'
  | 's3cmd'
  | 'aws'
  | 'litestream'
  | 'python3'
  | 'bash'
  | 'php'
  | 'duplicity'
  | 'node';

const INSTALL_HINT: Record<ToolName, string> = {
  rclone: 'apt-get install rclone',
  restic: 'apt-get install restic',
  s3cmd: 'apt-get install s3cmd',
  aws: 'apt-get install awscli (Debian\'s AWS CLI at /usr/bin/aws; a pyenv "aws" shim does not count)',
  litestream:
    'npm ci (the devDependency @flydotio/litestream-linux-x64 ships the Litestream 0.3 binary)',
  python3:
    "apt-get install python3 (Debian's /usr/bin/python3, which awscli depends on; used to write SQLite files)",
  bash: 'apt-get install bash',
  php: 'apt-get install php-cli',
  duplicity: 'apt-get install duplicity (Debian 12 has 0.8.22, the version duplicity.env is for)',
  node: 'Node.js 20 or later, the one running these tests',
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onSystemPath(name: string): string | undefined {
  return SYSTEM_PATH.split(':')
    .map((dir) => join(dir, name))
    .find(executable);
}

function litestreamPath(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve(
      '@flydotio/litestream-linux-x64/package.json',
    );
    const bin = join(dirname(pkg), 'litestream');
    return executable(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** The tool's absolute path; a missing tool fails the test with what to install (CI's .ci/run does it). */
export function tool(name: ToolName): string {
  const found =
    name === 'aws'
      ? ['/usr/bin/aws'].find(executable)
      : name === 'python3'
        ? ['/usr/bin/python3'].find(executable)
        : name === 'litestream'
          ? litestreamPath()
          : name === 'node'
            ? process.execPath
            : onSystemPath(name);
  if (!found) {
    throw new Error(
      `${name} is not installed. Run .ci/run, which installs the tools the tool tests need, or: ${INSTALL_HINT[name]}.`,
    );
  }
  return found;
}

export interface RunResult {
  /** The command line as shown in logs, with the work dir written as "." */
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  /** Added to the clean environment (HOME, PATH, TMPDIR, LANG). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Stop the tool with SIGINT after this long and return what it did (for `litestream replicate`). */
  stopAfterMs?: number;
  /** Polled every 200 ms while the tool runs; once it returns true the tool gets SIGINT. */
  stopWhen?: () => boolean | Promise<boolean>;
}

/** A clean environment for a child: nothing from this machine's AWS, proxy or CA settings. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: SYSTEM_PATH, HOME: home, TMPDIR: home, LANG: 'C.UTF-8', ...extra };
}

export function run(bin: string, args: string[], options: RunOptions): Promise<RunResult> {
  const shown = [bin.split('/').pop(), ...args]
    .map((a) => (a ?? '').replaceAll(options.cwd, '.'))
    .join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: options.cwd,
      env: cleanEnv(options.cwd, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      output += d.toString();
    });
    const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    const stop =
      options.stopAfterMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGINT'), options.stopAfterMs);
    let polling = false;
    const poll =
      options.stopWhen === undefined
        ? undefined
        : setInterval(() => {
            if (polling) return;
            polling = true;
            Promise.resolve(options.stopWhen?.())
              .then((done) => {
                if (done) child.kill('SIGINT');
              })
              .catch(() => child.kill('SIGINT'))
              .finally(() => (polling = false));
          }, 200);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timeout);
      if (stop) clearTimeout(stop);
      if (poll) clearInterval(poll);
      console.log(
        `$ ${shown}\n→ exit ${code}${code === 0 ? '' : `\n${output.trim().split('\n').slice(-5).join('\n')}`}`,
      );
      resolve({ command: shown, code, stdout, stderr, output });
    });
  });
}

/** A temp work dir (also the tools' HOME) for one test file. */
export function workDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `b2wiz-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
