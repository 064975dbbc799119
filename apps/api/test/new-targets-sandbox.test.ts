// The six tools added in issue 18, each applied with its defaults in the practice sandbox over
// real HTTP: the setup is made, the key check passes over the API the tool uses, and the answer
// carries the tool's files.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  idempotencyKey,
  setupRequest,
  startApp,
  startEmulator,
  uniqueName,
  type TestApp,
} from './helpers';

let sandbox: Emulator;
let t: TestApp;

beforeAll(async () => {
  sandbox = await startEmulator();
  t = await startApp({ sandbox });
});
afterAll(async () => {
  await t?.close();
  await sandbox?.close();
});

describe('the new targets in the practice sandbox', () => {
  it.each([
    ['duplicity', ['duplicity.env'], 'S3: delete', ['keepLatest', 'readWrite']],
    ['python', ['b2_example.py'], 'S3: upload', ['keepAll', 'readWrite']],
    ['node', ['b2-example.mjs'], 'S3: upload', ['keepAll', 'readWrite']],
    [
      'cyberduck',
      ['backblaze-b2.duck', 'cyberduck-key.txt'],
      'S3: upload',
      ['keepAll', 'readWrite'],
    ],
    ['cpanel', ['cpanel-backup-destination.txt'], 'delete', ['keepLatest', 'readWrite']],
    ['synology', ['synology-destination.txt'], 'S3: delete', ['keepLatest', 'readWrite']],
  ] as const)(
    'when %s is applied with its defaults, then 200 with its files, and the key check passes',
    async (target, files, lastCheck, [lifecycle]) => {
      const browser = t.agent();
      await browser.post('/api/session').send({ sandbox: true }).expect(200);
      const name = uniqueName(target);
      const res = await browser
        .post('/api/setup/apply')
        .send({ ...setupRequest(target, name), idempotencyKey: idempotencyKey() });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.verification.ok).toBe(true);
      const checks = res.body.verification.checks as { name: string; status: string }[];
      expect(checks.find((c) => c.name === lastCheck)?.status).toBe('passed');
      expect(res.body.files.map((f: { filename: string }) => f.filename)).toEqual([
        ...files,
        'SETUP-SUMMARY.md',
      ]);
      expect(res.body.bucket).toMatchObject({ bucketName: name, bucketType: 'allPrivate' });
      expect(res.body.bucket.corsRules).toEqual([]);
      expect(res.body.bucket.lifecycleRules).toEqual(
        lifecycle === 'keepLatest'
          ? [{ fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 }]
          : [],
      );
      expect([...res.body.key.capabilities].sort()).toEqual(
        [
          ...(target === 'cpanel' ? [] : ['listAllBucketNames']),
          'deleteFiles',
          'listBuckets',
          'listFiles',
          'readBuckets',
          'readFiles',
          'writeFiles',
        ].sort(),
      );
    },
  );
});
