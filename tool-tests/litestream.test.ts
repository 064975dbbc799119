// litestream.yml from a fresh sandbox setup (its database path set in the wizard's options, as a user
// would), used by the real Litestream 0.3 from @flydotio/litestream-linux-x64: replicate a SQLite
// database into the bucket, keep replicating new rows, then restore it and read the rows back.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, saveBroken } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunOptions, type RunResult } from './support/tools';

let setup: SandboxSetup;
let dbPath: string;

/** Adds rows `from` .. `from + count - 1` to a WAL-mode SQLite database (Debian's python3 sqlite3 module). */
function addRows(path: string, from: number, count: number): Promise<RunResult> {
  const script = [
    'import sqlite3, sys',
    'db = sqlite3.connect(sys.argv[1])',
    "db.execute('pragma journal_mode=wal')",
    "db.execute('create table if not exists notes (id integer primary key, body text)')",
    "db.executemany('insert into notes values (?, ?)', [(i, 'note %d' % i) for i in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3]))])",
    'db.commit()',
  ].join('\n');
  return run(tool('python3'), ['-c', script, path, String(from), String(count)], {
    cwd: setup.dir,
  });
}

async function countRows(path: string): Promise<number> {
  const res = await run(
    tool('python3'),
    [
      '-c',
      'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from notes").fetchone()[0])',
      path,
    ],
    {
      cwd: setup.dir,
    },
  );
  expect(res.code, res.output).toBe(0);
  return Number(res.stdout.trim());
}

function litestream(args: string[], options: Omit<RunOptions, 'cwd'> = {}): Promise<RunResult> {
  return run(tool('litestream'), args, { ...options, cwd: setup.dir });
}

const replicaFiles = (kind: 'snapshots' | 'wal') =>
  setup.emulator
    .state()
    .files.filter(
      (f) =>
        f.action === 'upload' &&
        new RegExp(`^app\\.db/generations/[0-9a-f]+/${kind}/`).test(f.fileName),
    );

beforeAll(async () => {
  tool('litestream');
  tool('python3');
  setup = await sandboxSetup('litestream', (request, dir) => {
    dbPath = join(dir, 'app.db');
    return { ...request, options: { litestream: { dbPath, replicaPath: 'app.db' } } };
  });
  setup.save('litestream.yml');
});

afterAll(() => setup?.close());

describe('litestream.yml with Litestream 0.3', () => {
  it('python3 sqlite3: a WAL-mode database with 100 rows', async () => {
    const res = await addRows(dbPath, 1, 100);
    expect(res.code, res.output).toBe(0);
  });

  it('litestream replicate -config litestream.yml → a snapshot and WAL segments, also for rows written while it runs', async () => {
    let walBefore = -1;
    let writing: Promise<RunResult> | undefined;
    const res = await litestream(['replicate', '-config', 'litestream.yml'], {
      timeoutMs: 60_000,
      stopWhen: async () => {
        if (walBefore < 0) {
          if (replicaFiles('snapshots').length === 0 || replicaFiles('wal').length === 0)
            return false;
          walBefore = replicaFiles('wal').length;
          writing = addRows(dbPath, 101, 50);
          await writing;
          return false;
        }
        return replicaFiles('wal').length > walBefore;
      },
    });
    expect(res.output).toMatch(/snapshot written/);
    expect(res.output).not.toMatch(/level=ERROR/);
    expect((await writing)?.code).toBe(0);
    expect(replicaFiles('wal').length).toBeGreaterThan(walBefore);
  });

  it('litestream restore -config litestream.yml -o restored.db <dbPath> → all 150 rows', async () => {
    const res = await litestream([
      'restore',
      '-config',
      'litestream.yml',
      '-o',
      'restored.db',
      dbPath,
    ]);
    expect(res.code, res.output).toBe(0);
    expect(await countRows(join(setup.dir, 'restored.db'))).toBe(150);
  });
});

describe('litestream.yml from a broken generator', () => {
  const restore = (config: string) =>
    litestream(['restore', '-config', config, '-o', config.replace('.yml', '.db'), dbPath]);

  it('with the key ID and key swapped: litestream restore → non-zero exit, InvalidAccessKeyId', async () => {
    expectFailure(
      await restore(saveBroken(setup, 'litestream.yml', 'swapped')),
      /InvalidAccessKeyId/,
    );
  });

  it('with a wrong region: litestream restore → non-zero exit; litestream replicate logs AuthorizationHeaderMalformed', async () => {
    const config = saveBroken(setup, 'litestream.yml', 'region');
    expectFailure(await restore(config), /AuthorizationHeaderMalformed/);
    const replicate = await litestream(['replicate', '-config', config], { stopAfterMs: 2500 });
    expect(replicate.output).toMatch(/level=ERROR.*AuthorizationHeaderMalformed/);
  });
});
