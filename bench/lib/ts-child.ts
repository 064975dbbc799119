// A child process (TypeScript through tsx, or a compiled .js on plain node) that says "ready"
// over IPC and answers requests. Benchmarks keep the emulator, the API and the bare client in
// processes of their own, so that no one's CPU or memory is counted as another's.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const bundled = new Map<string, string>();

/**
 * A child entry (a path from the repository root) bundled as `npm start`'s server is
 * (scripts/bundle-node.mjs), once per run, into bench/.build/: a measured child runs as the
 * server does for its users, on plain node without tsx.
 */
export function bundledChild(entry: string): string {
  const known = bundled.get(entry);
  if (known) return known;
  const out = `${REPO_ROOT}bench/.build/${entry
    .split('/')
    .pop()!
    .replace(/\.m?[jt]s$/, '')}.js`;
  const built = spawnSync(process.execPath, ['scripts/bundle-node.mjs', entry, out], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`could not bundle ${entry}`);
  bundled.set(entry, out);
  return out;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export interface TsChild<Ready> {
  process: ChildProcess;
  ready: Ready;
  /** Sends `{id, type, ...args}` and resolves with the child's answer. */
  request<T>(type: string, args?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startTsChild<Ready>(
  file: string,
  options: { args?: unknown; nodeFlags?: string[]; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): Promise<TsChild<Ready>> {
  const child = fork(file, [JSON.stringify(options.args ?? {})], {
    cwd: REPO_ROOT,
    // A compiled .js file runs on plain node, as the started server does.
    execArgv: [...(file.endsWith('.js') ? [] : ['--import', 'tsx']), ...(options.nodeFlags ?? [])],
    env: { ...process.env, ...options.env },
    // The API logs every request, as in production; the lines go nowhere.
    stdio: ['ignore', options.quiet === false ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;

  const ready = await new Promise<Ready>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${file} exited early (${code})`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', (message: { type?: string; value?: Ready } & Partial<Reply>) => {
      if (message.type === 'ready') {
        child.off('exit', onExit);
        resolve(message.value as Ready);
        return;
      }
      if (typeof message.id === 'number') {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(new Error(message.error ?? 'child request failed'));
      }
    });
  });
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${file} exited`));
    pending.clear();
  });

  return {
    process: child,
    ready,
    request<T>(type: string, args: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ ...args, id, type });
      });
    },
    close() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

/** In the child: say ready, and answer requests with `handlers[type](args)`. */
export function serveParent(
  ready: unknown,
  handlers: Record<string, (args: Record<string, unknown>) => unknown>,
): void {
  process.on('message', (message: { id: number; type: string } & Record<string, unknown>) => {
    const handler = handlers[message.type];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request ${message.type}`);
        return handler(message);
      })
      .then(
        (value) => process.send?.({ id: message.id, ok: true, value }),
        (error: unknown) =>
          process.send?.({
            id: message.id,
            ok: false,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
  });
  // The parent going away ends the child too.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', value: ready });
}

/** The JSON options the parent passed on the command line. */
export function childArgs<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}
