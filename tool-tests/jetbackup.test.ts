// jetbackup-destination.txt from a fresh sandbox setup. JetBackup itself cannot run here; its
// "Backblaze" destination speaks B2's native API, so the sheet's Account ID, Application Key, Bucket
// and Backup Directory are used as such a client would: by a native client on plain fetch, and by
// the real rclone's native b2 backend (pointed at the emulator with --b2-endpoint).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeAccount, nativeSession, uploadFile } from './support/b2-native';
import { brokenFile, expectFailure } from './support/corrupt';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool, type RunResult } from './support/tools';

let setup: SandboxSetup;
let sheet: Record<string, string>;

/** "Label: value" lines of the sheet, by label. */
function fields(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([A-Z][A-Za-z ()]+): (.+)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

const ACCOUNT_ID = 'Account ID (this is the Key ID)';

/** rclone's native b2 backend with the sheet's values, configured through rclone's env variables. */
function rcloneWith(values: Record<string, string>, args: string[]): Promise<RunResult> {
  return run(
    tool('rclone'),
    ['--b2-endpoint', setup.emulator.url, '--retries', '1', '--low-level-retries', '2', ...args],
    {
      cwd: setup.dir,
      env: {
        RCLONE_CONFIG_JB_TYPE: 'b2',
        RCLONE_CONFIG_JB_ACCOUNT: values[ACCOUNT_ID]!,
        RCLONE_CONFIG_JB_KEY: values['Application Key']!,
      },
    },
  );
}

beforeAll(async () => {
  tool('rclone');
  setup = await sandboxSetup('jetbackup');
  sheet = fields(setup.file('jetbackup-destination.txt'));
  writeFileSync(join(setup.dir, 'backup-1.tar'), 'a JetBackup archive stands in here\n');
});

afterAll(() => setup?.close());

describe('jetbackup-destination.txt with B2’s native API', () => {
  it('the sheet names a Backblaze destination with Account ID, Application Key, Bucket and a relative Backup Directory', () => {
    expect(sheet['Destination Type']).toBe('Backblaze');
    expect(sheet[ACCOUNT_ID]).toBe(setup.result.key.applicationKeyId);
    expect(sheet['Application Key']).toBe(setup.result.key.applicationKey);
    expect(sheet.Bucket).toBe(setup.result.bucket.bucketName);
    expect(sheet['Backup Directory']).toMatch(/^[^/]/);
  });

  it('b2_authorize_account with Account ID + Application Key → this bucket, with read, write and delete', async () => {
    const session = await nativeSession(
      setup.emulator.url,
      sheet[ACCOUNT_ID]!,
      sheet['Application Key']!,
    );
    expect(session.allowed.bucketName).toBe(sheet.Bucket);
    expect(session.allowed.capabilities).toEqual(
      expect.arrayContaining(['listFiles', 'readFiles', 'writeFiles', 'deleteFiles']),
    );
  });

  it('b2_upload_file and b2_list_file_names under <Backup Directory>/ → the upload is listed', async () => {
    const session = await nativeSession(
      setup.emulator.url,
      sheet[ACCOUNT_ID]!,
      sheet['Application Key']!,
    );
    const bucketId = String(session.allowed.bucketId);
    const dir = sheet['Backup Directory']!;
    const up = await uploadFile(session, bucketId, `${dir}/native-check.txt`, 'native');
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const list = await session.call('b2_list_file_names', { bucketId, prefix: `${dir}/` });
    expect((list.body.files as { fileName: string }[]).map((f) => f.fileName)).toEqual([
      `${dir}/native-check.txt`,
    ]);
  });

  it('rclone --b2-endpoint <emulator> copy backup-1.tar jb:<Bucket>/<Backup Directory>/ (account, key from the sheet) → exit 0, lsf lists it', async () => {
    const target = `jb:${sheet.Bucket}/${sheet['Backup Directory']}`;
    const copy = await rcloneWith(sheet, ['copy', 'backup-1.tar', `${target}/`]);
    expect(copy.code, copy.output).toBe(0);
    const lsf = await rcloneWith(sheet, ['lsf', target]);
    expect(lsf.code, lsf.output).toBe(0);
    expect(lsf.stdout.split('\n')).toContain('backup-1.tar');
  });
});

describe('jetbackup-destination.txt from a broken generator', () => {
  it('with the key ID and key swapped: b2_authorize_account → 401, rclone lsf → non-zero exit', async () => {
    const broken = fields(brokenFile(setup, 'jetbackup-destination.txt', 'swapped'));
    const auth = await authorizeAccount(
      setup.emulator.url,
      broken[ACCOUNT_ID]!,
      broken['Application Key']!,
    );
    expect(auth.status).toBe(401);
    expectFailure(await rcloneWith(broken, ['lsf', `jb:${broken.Bucket}`]), /401|unauthorized/i);
  });
});
