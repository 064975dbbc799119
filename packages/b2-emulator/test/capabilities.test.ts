/**
 * The capability each call needs (docs/b2-behaviour.md, "Capabilities"): without it 401 unauthorized,
 * with only it the call goes through.
 */
import { describe, expect, it } from 'vitest';
import { authorize, http, makeBucket, makeKey, upload, useEmulator, type Session } from './helpers';

interface World {
  master: Session;
  bucketId: string;
  emptyBucketId: string;
  fileId: string;
  victimKeyId: string;
}

type Body = (w: World) => Record<string, unknown>;

const CASES: [string, string, Body][] = [
  [
    'b2_create_bucket',
    'writeBuckets',
    (w) => ({
      accountId: w.master.accountId,
      bucketName: 'cap-new-bucket',
      bucketType: 'allPrivate',
    }),
  ],
  [
    'b2_update_bucket',
    'writeBuckets',
    (w) => ({ accountId: w.master.accountId, bucketId: w.bucketId, bucketType: 'allPublic' }),
  ],
  ['b2_list_buckets', 'listBuckets', (w) => ({ accountId: w.master.accountId })],
  [
    'b2_delete_bucket',
    'deleteBuckets',
    (w) => ({ accountId: w.master.accountId, bucketId: w.emptyBucketId }),
  ],
  [
    'b2_create_key',
    'writeKeys',
    (w) => ({ accountId: w.master.accountId, capabilities: ['listFiles'], keyName: 'cap-key' }),
  ],
  ['b2_list_keys', 'listKeys', (w) => ({ accountId: w.master.accountId })],
  ['b2_delete_key', 'deleteKeys', (w) => ({ applicationKeyId: w.victimKeyId })],
  ['b2_get_upload_url', 'writeFiles', (w) => ({ bucketId: w.bucketId })],
  ['b2_list_file_names', 'listFiles', (w) => ({ bucketId: w.bucketId })],
  ['b2_list_file_versions', 'listFiles', (w) => ({ bucketId: w.bucketId })],
  ['b2_hide_file', 'writeFiles', (w) => ({ bucketId: w.bucketId, fileName: 'cap.txt' })],
  ['b2_delete_file_version', 'deleteFiles', (w) => ({ fileId: w.fileId, fileName: 'cap.txt' })],
  ['b2_get_file_info', 'readFiles', (w) => ({ fileId: w.fileId })],
  [
    'b2_get_download_authorization',
    'shareFiles',
    (w) => ({ bucketId: w.bucketId, fileNamePrefix: '', validDurationInSeconds: 60 }),
  ],
  ['b2_download_file_by_id', 'readFiles', (w) => ({ fileId: w.fileId })],
];

describe('capability needed per call', () => {
  const emu = useEmulator();

  async function world(): Promise<World> {
    const master = await authorize(emu());
    const bucketId = await makeBucket(master, 'cap-bucket');
    const up = await upload(master, bucketId, 'cap.txt', 'cap');
    const emptyBucketId = await makeBucket(master, 'cap-empty-bucket');
    const victim = await makeKey(master, { capabilities: ['listFiles'], keyName: 'victim' });
    return {
      master,
      bucketId,
      emptyBucketId,
      fileId: up.body.fileId as string,
      victimKeyId: victim.applicationKeyId,
    };
  }

  it.each(CASES)(
    'when a key without it calls %s, then 401 unauthorized; with only %s it works',
    async (call, capability, body) => {
      const w = await world();
      const others = await makeKey(w.master, {
        capabilities: ['readBucketEncryption', 'readBucketRetentions'],
        keyName: 'lacking',
      });
      const lacking = await authorize(emu(), others.applicationKeyId, others.applicationKey);
      const denied = await lacking.call(call, body(w));
      expect(denied.status).toBe(401);
      expect(denied.body).toMatchObject({ status: 401, code: 'unauthorized' });

      const only = await makeKey(w.master, { capabilities: [capability], keyName: 'only-one' });
      const allowed = await authorize(emu(), only.applicationKeyId, only.applicationKey);
      const res = await allowed.call(call, body(w));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
  );

  it('when a key without readFiles downloads by name from a private bucket, then 401; with it, 200', async () => {
    const w = await world();
    const none = await makeKey(w.master, { capabilities: ['listFiles'], keyName: 'no-read' });
    const read = await makeKey(w.master, { capabilities: ['readFiles'], keyName: 'read' });
    const a = await authorize(emu(), none.applicationKeyId, none.applicationKey);
    const b = await authorize(emu(), read.applicationKeyId, read.applicationKey);
    expect(
      (await http(`${emu().url}/file/cap-bucket/cap.txt`, { headers: { Authorization: a.token } }))
        .status,
    ).toBe(401);
    expect(
      (await http(`${emu().url}/file/cap-bucket/cap.txt`, { headers: { Authorization: b.token } }))
        .status,
    ).toBe(200);
  });
});
