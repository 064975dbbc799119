// synology-destination.txt from a fresh sandbox setup. Hyper Backup and Cloud Sync cannot run
// here; both forms speak S3 with a custom server, so each field is compared with what B2 answers
// for the sheet's key, and the values are used by the real AWS CLI as those forms would use them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeSession } from './support/b2-native';
import { brokenFile, expectFailure } from './support/corrupt';
import { awsWith, sheetFields } from './support/field-sheet';
import { sandboxSetup, type SandboxSetup } from './support/sandbox-setup';
import { tool } from './support/tools';

let setup: SandboxSetup;

/** The Hyper Backup section's fields, or the Cloud Sync section's. */
function section(text: string, which: 'Hyper Backup' | 'Cloud Sync'): Record<string, string> {
  const lines = text.split('\n');
  return sheetFields(
    text,
    lines.findIndex((l) => l.startsWith(`${which}:`)),
  );
}

const formValues = (fields: Record<string, string>) => ({
  keyId: fields['Access Key']!,
  key: fields['Secret Key']!,
  region: fields.Region!,
  endpointUrl: `http://${fields['Server address']}`,
});

beforeAll(async () => {
  tool('aws');
  setup = await sandboxSetup('synology', (r) => r, { rejectChecksumHeaders: true });
  writeFileSync(join(setup.dir, 'photo.jpg'), 'a photo stands in here\n');
});

afterAll(() => setup?.close());

describe('synology-destination.txt with B2’s S3-compatible API', () => {
  it.each(['Hyper Backup', 'Cloud Sync'] as const)(
    '%s: each field equals B2’s answer for the sheet’s key (server address, region, bucket, key pair)',
    async (which) => {
      const fields = section(setup.file('synology-destination.txt'), which);
      const session = await nativeSession(
        setup.emulator.url,
        fields['Access Key']!,
        fields['Secret Key']!,
      );
      const s3ApiUrl = String((session.allowed as unknown as { s3ApiUrl: string }).s3ApiUrl);
      expect(fields['Server address']).toBe(new URL(s3ApiUrl).host);
      expect(fields.Region).toBe(setup.result.endpoint.s3Region);
      expect(fields['Bucket name']).toBe(session.allowed.bucketName);
      expect(fields['Signature Version']).toBe('v4');
      expect(fields['S3 Server']).toBe('Custom Server URL');
    },
  );

  it('aws s3 cp into <Bucket name>/<Directory>/ and ls, with the Hyper Backup values → the upload is listed', async () => {
    const fields = section(setup.file('synology-destination.txt'), 'Hyper Backup');
    const folder = `s3://${fields['Bucket name']}/${fields.Directory}/`;
    const cp = await awsWith(setup.dir, formValues(fields), ['s3', 'cp', 'photo.jpg', folder]);
    expect(cp.code, cp.output).toBe(0);
    const ls = await awsWith(setup.dir, formValues(fields), ['s3', 'ls', folder]);
    expect(ls.code, ls.output).toBe(0);
    expect(ls.stdout).toContain('photo.jpg');
  });
});

describe('synology-destination.txt from a broken generator', () => {
  it.each([
    ['the key ID and key swapped', /InvalidAccessKeyId/, 'swapped'],
    ['a wrong region', /AuthorizationHeaderMalformed/, 'region'],
  ] as const)(
    'with %s: aws s3 ls with its values → non-zero exit, %s',
    async (_what, why, breakage) => {
      const fields = section(brokenFile(setup, 'synology-destination.txt', breakage), 'Cloud Sync');
      const ls = await awsWith(setup.dir, formValues(fields), [
        's3',
        'ls',
        `s3://${fields['Bucket name']}/`,
      ]);
      expectFailure(ls, why);
    },
  );
});
