// cpanel-backup-destination.txt from a fresh sandbox setup. WHM cannot run here; its Backblaze B2
// destination speaks B2's native API, so each field is compared with what B2 answers for the
// sheet's key, and the values are used as WHM would: authorize, upload under the folder, list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeAccount, nativeSession, uploadFile } from './support/b2-native';
import { brokenFile } from './support/corrupt';
import { sheetFields } from './support/field-sheet';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';

let setup: SandboxSetup;
let sheet: Record<string, string>;

beforeAll(async () => {
  setup = await sandboxSetup('cpanel');
  sheet = sheetFields(setup.file('cpanel-backup-destination.txt'));
});

afterAll(() => setup?.close());

describe('cpanel-backup-destination.txt with B2’s native API', () => {
  it('each field equals B2’s answer for the sheet’s key: bucket ID and name, key ID, key', async () => {
    const session = await nativeSession(
      setup.emulator.url,
      sheet['Application Key ID']!,
      sheet['Application Key']!,
    );
    expect(sheet['Bucket ID']).toBe(session.allowed.bucketId);
    expect(sheet['Bucket Name']).toBe(session.allowed.bucketName);
    expect(sheet['Application Key ID']).toBe(setup.result.key.applicationKeyId);
    expect(sheet['Application Key']).toBe(setup.result.key.applicationKey);
    expect(sheet['Destination Name']).toBe('Backblaze B2');
    expect(sheet.Folder).toBe('whm-backups');
  });

  it('the key can list, read, write and delete, as WHM’s retention needs', async () => {
    const session = await nativeSession(
      setup.emulator.url,
      sheet['Application Key ID']!,
      sheet['Application Key']!,
    );
    expect(session.allowed.capabilities).toEqual(
      expect.arrayContaining(['listFiles', 'readFiles', 'writeFiles', 'deleteFiles']),
    );
  });

  it('b2_upload_file into <Bucket ID> under <Folder>/, then b2_list_file_names → the upload is listed', async () => {
    const session = await nativeSession(
      setup.emulator.url,
      sheet['Application Key ID']!,
      sheet['Application Key']!,
    );
    const name = `${sheet.Folder}/2026-12-01/accounts/acme.tar.gz`;
    const up = await uploadFile(session, sheet['Bucket ID']!, name, 'a WHM backup stands in here');
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const list = await session.call('b2_list_file_names', {
      bucketId: sheet['Bucket ID'],
      prefix: `${sheet.Folder}/`,
    });
    expect((list.body.files as { fileName: string }[]).map((f) => f.fileName)).toEqual([name]);
  });
});

describe('cpanel-backup-destination.txt from a broken generator', () => {
  it('with the key ID and key swapped: b2_authorize_account → 401', async () => {
    const broken = sheetFields(brokenFile(setup, 'cpanel-backup-destination.txt', 'swapped'));
    const auth = await authorizeAccount(
      setup.emulator.url,
      broken['Application Key ID']!,
      broken['Application Key']!,
    );
    expect(auth.status).toBe(401);
  });
});
