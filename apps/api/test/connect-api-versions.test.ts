// Keys of every generation connect, and keys the wizard makes work with tools of every
// generation (docs/b2-behaviour.md "API versions").
import { accountSummarySchema } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  applySetup,
  b2Native,
  connectMaster,
  setupRequest,
  signsIn,
  uniqueName,
  useEmulatorApp,
} from './helpers';

const ctx = useEmulatorApp({ connect: false });

/** Capability names B2 has added that the wizard has no words for. */
const NEWER_CAPABILITIES = [
  'readBucketNotifications',
  'writeBucketNotifications',
  'readBucketLogging',
  'writeBucketLogging',
  'readBucketReplications',
  'writeBucketReplications',
];

const BUCKET_KEY_NEWER = ['readBucketNotifications', 'writeBucketNotifications'];

async function bucketForKeys(): Promise<{ bucketId: string; bucketName: string }> {
  const bucketName = uniqueName('for-keys');
  const made = await b2Native(ctx.emulator, 'b2_create_bucket', {
    bucketName,
    bucketType: 'allPrivate',
  });
  return { bucketId: String(made.bucketId), bucketName };
}

const connect = (applicationKeyId: string, applicationKey: string) =>
  ctx.t.agent().post('/api/session').send({ applicationKeyId, applicationKey });

describe('connecting with a key made through B2 API v4 for one bucket', () => {
  it('signs in (v1-v3 refuse such a key, so connect asks v4) and reads the bucket and capabilities', async () => {
    const { bucketId, bucketName } = await bucketForKeys();
    const key = await b2Native(
      ctx.emulator,
      'b2_create_key',
      {
        keyName: 'console-made',
        // Of the newer names, B2 allows only the notification ones on a bucket key.
        capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', ...BUCKET_KEY_NEWER],
        bucketIds: [bucketId],
      },
      'v4',
    );
    const id = String(key.applicationKeyId);
    const secret = String(key.applicationKey);
    // What rclone 1.60 and restic's native backend meet with this key.
    expect(await signsIn(ctx.emulator, id, secret, 'v1')).toBe(false);
    expect(await signsIn(ctx.emulator, id, secret, 'v3')).toBe(false);

    const res = await connect(id, secret);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const summary = accountSummarySchema.parse(res.body);
    expect(summary.isMasterKey).toBe(false);
    expect(summary.restrictedBucket).toEqual({ bucketId, bucketName });
    expect(summary.capabilities).toEqual(
      expect.arrayContaining(['listBuckets', 'writeFiles', ...BUCKET_KEY_NEWER]),
    );
    // It cannot make keys, and the summary says what is missing instead of "wrong key".
    expect(summary.missingCapabilities).toContain('writeKeys');
  });

  it('also when B2 answers the old-version refusal as 401 "unsupported", as its error table says', async () => {
    ctx.emulator.addFault({
      call: 'b2_authorize_account',
      status: 401,
      code: 'unsupported',
      times: 1,
    });
    const res = await connectMaster(ctx.t.agent(), ctx.emulator);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.isMasterKey).toBe(true);
  });

  it('a key every version refuses is still reported as a key Backblaze did not accept', async () => {
    const res = await connect(ctx.emulator.masterKeyId, 'K000notTheRightSecretAtAll');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('bad_credentials');
  });
});

describe('capability names the wizard has never seen', () => {
  it('pass through connect untouched and never make it fail', async () => {
    const key = await b2Native(ctx.emulator, 'b2_create_key', {
      keyName: 'newer-rights',
      capabilities: ['listBuckets', 'writeBuckets', 'writeKeys', ...NEWER_CAPABILITIES],
    });
    const res = await connect(String(key.applicationKeyId), String(key.applicationKey));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([...res.body.capabilities].sort()).toEqual(
      ['listBuckets', 'writeBuckets', 'writeKeys', ...NEWER_CAPABILITIES].sort(),
    );
  });
});

describe('a key made by apply', () => {
  it('signs in on B2 API v1, v2, v3 and v4, so tools of every generation can use it', async () => {
    const agent = ctx.t.agent();
    await connectMaster(agent, ctx.emulator).expect(200);
    const res = await applySetup(agent, setupRequest('restic', uniqueName('restic')));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { applicationKeyId, applicationKey } = res.body.key as {
      applicationKeyId: string;
      applicationKey: string;
    };
    for (const version of ['v1', 'v2', 'v3', 'v4'] as const) {
      expect(await signsIn(ctx.emulator, applicationKeyId, applicationKey, version), version).toBe(
        true,
      );
    }
  });
});
