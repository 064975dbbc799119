// backblaze-b2.duck and cyberduck-key.txt from a fresh sandbox setup. Cyberduck cannot run here:
// the bookmark is read by Python's plistlib (the XML property-list format Cyberduck writes), and
// its server, port, key ID and path, with the sheet's secret, are used by the real AWS CLI.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenFile, expectFailure } from './support/corrupt';
import { awsWith, sheetFields } from './support/field-sheet';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { run, tool } from './support/tools';

let setup: SandboxSetup;
let bookmark: Record<string, unknown>;

async function readPlist(file: string): Promise<Record<string, unknown>> {
  const res = await run(
    tool('python3'),
    [
      '-c',
      'import json, plistlib, sys; print(json.dumps(plistlib.load(open(sys.argv[1], "rb"))))',
      file,
    ],
    { cwd: setup.dir },
  );
  if (res.code !== 0) throw new Error(`plistlib could not read ${file}: ${res.output}`);
  return JSON.parse(res.stdout) as Record<string, unknown>;
}

beforeAll(async () => {
  tool('python3');
  tool('aws');
  setup = await sandboxSetup('cyberduck');
  setup.save('backblaze-b2.duck');
  bookmark = await readPlist('backblaze-b2.duck');
  writeFileSync(join(setup.dir, 'upload.txt'), 'from the Cyberduck bookmark\n');
});

afterAll(() => setup?.close());

describe('backblaze-b2.duck, read as a property list', () => {
  it('holds protocol s3, the S3 endpoint’s host and port, the key ID and the bucket as its path', () => {
    const s3 = new URL(setup.result.endpoint.s3Endpoint);
    expect(bookmark).toMatchObject({
      Protocol: 's3',
      Hostname: s3.hostname,
      Port: s3.port,
      Username: setup.result.key.applicationKeyId,
      Path: `/${setup.result.bucket.bucketName}`,
      Nickname: `Backblaze B2: ${setup.result.bucket.bucketName}`,
      Custom: { 's3.upload.checksum.header': 'false' },
    });
    expect(String(bookmark.UUID)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('holds no secret; the sheet names it as the Secret Access Key', () => {
    const { applicationKey } = setup.result.key;
    expect(setup.file('backblaze-b2.duck')).not.toContain(applicationKey);
    const sheet = sheetFields(setup.file('cyberduck-key.txt'));
    expect(sheet['Secret Access Key (the Application Key)']).toBe(applicationKey);
    expect(sheet['Access Key ID (the Key ID)']).toBe(bookmark.Username);
  });

  it('aws s3 cp and ls at http://<Hostname>:<Port><Path> with the bookmark’s user and the sheet’s secret → the upload is listed', async () => {
    const sheet = sheetFields(setup.file('cyberduck-key.txt'));
    const values = {
      keyId: String(bookmark.Username),
      key: sheet['Secret Access Key (the Application Key)']!,
      region: setup.result.endpoint.s3Region,
      endpointUrl: `http://${String(bookmark.Hostname)}:${String(bookmark.Port)}`,
    };
    const target = `s3:/${String(bookmark.Path)}/upload.txt`;
    const cp = await awsWith(setup.dir, values, ['s3', 'cp', 'upload.txt', target]);
    expect(cp.code, cp.output).toBe(0);
    const ls = await awsWith(setup.dir, values, ['s3', 'ls', `s3:/${String(bookmark.Path)}/`]);
    expect(ls.code, ls.output).toBe(0);
    expect(ls.stdout).toContain('upload.txt');
  });
});

describe('the Cyberduck files from a broken generator', () => {
  it('with the key ID and key swapped: aws s3 ls with the bookmark’s user and the sheet’s secret → non-zero exit', async () => {
    writeFileSync(
      join(setup.dir, 'swapped.duck'),
      brokenFile(setup, 'backblaze-b2.duck', 'swapped'),
    );
    const broken = await readPlist('swapped.duck');
    const sheet = sheetFields(brokenFile(setup, 'cyberduck-key.txt', 'swapped'));
    const ls = await awsWith(
      setup.dir,
      {
        keyId: String(broken.Username),
        key: sheet['Secret Access Key (the Application Key)']!,
        region: setup.result.endpoint.s3Region,
        endpointUrl: `http://${String(broken.Hostname)}:${String(broken.Port)}`,
      },
      ['s3', 'ls', `s3:/${String(broken.Path)}/`],
    );
    expectFailure(ls, /InvalidAccessKeyId/);
  });
});
