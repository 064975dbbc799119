/** A real client (the backblaze-b2 npm package, B2 API v2) against the emulator. */
import B2 from 'backblaze-b2';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './helpers';

interface AxiosFailure {
  response?: {
    status: number;
    data: { status: number; code: string; message: string };
    headers: Record<string, string>;
  };
}

async function failure(promise: Promise<unknown>): Promise<NonNullable<AxiosFailure['response']>> {
  try {
    await promise;
  } catch (error) {
    const response = (error as AxiosFailure).response;
    if (response) return response;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('backblaze-b2 against the emulator', () => {
  const emu = useEmulator();

  async function client(keyId = emu().masterKeyId, key = emu().masterKey): Promise<B2> {
    const b2 = new B2({ applicationKeyId: keyId, applicationKey: key });
    // backblaze-b2 has the production authorize URL built in; every call merges axiosOverride.
    await b2.authorize({ axiosOverride: { url: `${emu().url}/b2api/v2/b2_authorize_account` } });
    return b2;
  }

  it("when it authorizes, then it keeps the emulator's apiUrl, downloadUrl and account id", async () => {
    const b2 = await client();
    expect(b2.apiUrl).toBe(emu().url);
    expect(b2.downloadUrl).toBe(emu().url);
    expect(b2.accountId).toBe(emu().accountId);
    expect(b2.authorizationToken).toMatch(/^4_/);
  });

  it("when it runs the wizard's flow, then bucket, rules, key, upload, download and clean-up all work", async () => {
    const b2 = await client();
    const lifecycleRules = [
      { daysFromHidingToDeleting: 1, daysFromUploadingToHiding: null, fileNamePrefix: '' },
    ];
    const created = await b2.createBucket({
      bucketName: 'wizard-bucket-1',
      bucketType: 'allPrivate',
      axiosOverride: {
        data: {
          lifecycleRules,
          defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
        },
      },
    });
    const bucketId = created.data.bucketId as string;
    expect(created.data).toMatchObject({
      bucketName: 'wizard-bucket-1',
      lifecycleRules,
      revision: 1,
    });

    const corsRules = [
      {
        corsRuleName: 'downloadFromApp',
        allowedOrigins: ['https://app.example.com'],
        allowedOperations: ['b2_download_file_by_name'],
        maxAgeSeconds: 3600,
      },
    ];
    const updated = await b2.updateBucket({
      bucketId,
      axiosOverride: { data: { corsRules, ifRevisionIs: 1 } },
    });
    expect(updated.data).toMatchObject({
      revision: 2,
      bucketType: 'allPrivate',
      corsRules: [{ corsRuleName: 'downloadFromApp' }],
    });
    const stale = await failure(
      b2.updateBucket({ bucketId, axiosOverride: { data: { ifRevisionIs: 1, bucketInfo: {} } } }),
    );
    expect(stale.status).toBe(409);

    const got = await b2.getBucket({ bucketName: 'wizard-bucket-1' });
    expect((got.data.buckets as unknown[]).length).toBe(1);

    const key = await b2.createKey({
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'],
      keyName: 'wizard-key',
      bucketId,
    });
    expect(key.data).toMatchObject({ bucketId, keyName: 'wizard-key' });
    const keys = await b2.listKeys();
    expect(
      (keys.data.keys as { applicationKeyId: string }[]).map((k) => k.applicationKeyId),
    ).toEqual([key.data.applicationKeyId]);

    // The new key checks itself the way the wizard does: authorize, upload, download, delete.
    const restricted = await client(
      key.data.applicationKeyId as string,
      key.data.applicationKey as string,
    );
    const own = await restricted.getBucket({ bucketId });
    expect((own.data.buckets as { bucketName: string }[])[0]?.bucketName).toBe('wizard-bucket-1');
    const denied = await failure(restricted.listBuckets());
    expect(denied.data).toMatchObject({ status: 401, code: 'unauthorized' });

    const uploadUrl = await restricted.getUploadUrl({ bucketId });
    const uploaded = await restricted.uploadFile({
      uploadUrl: uploadUrl.data.uploadUrl,
      uploadAuthToken: uploadUrl.data.authorizationToken,
      fileName: 'checks/b2-wizard marker.txt',
      data: Buffer.from('marker'),
      info: { purpose: 'key check' },
    });
    expect(uploaded.data).toMatchObject({
      fileName: 'checks/b2-wizard marker.txt',
      contentLength: 6,
      fileInfo: { purpose: 'key check' },
    });
    expect(uploaded.data.serverSideEncryption).toEqual({ algorithm: 'AES256', mode: 'SSE-B2' });

    const listed = await restricted.listFileNames({ bucketId, prefix: 'checks/' });
    expect((listed.data.files as { fileName: string }[]).map((f) => f.fileName)).toEqual([
      'checks/b2-wizard marker.txt',
    ]);
    const info = await restricted.getFileInfo({ fileId: uploaded.data.fileId });
    expect(info.data.contentSha1).toBe(uploaded.data.contentSha1);

    const byName = await restricted.downloadFileByName({
      bucketName: 'wizard-bucket-1',
      fileName: 'checks/b2-wizard marker.txt',
      responseType: 'arraybuffer',
    });
    expect(Buffer.from(byName.data as unknown as ArrayBuffer).toString()).toBe('marker');
    const byId = await restricted.downloadFileById({
      fileId: uploaded.data.fileId,
      responseType: 'arraybuffer',
    });
    expect(Buffer.from(byId.data as unknown as ArrayBuffer).toString()).toBe('marker');

    await restricted.hideFile({ bucketId, fileName: 'checks/b2-wizard marker.txt' });
    const versions = await restricted.listFileVersions({ bucketId });
    const all = versions.data.files as { fileId: string; fileName: string; action: string }[];
    expect(all.map((f) => f.action)).toEqual(['hide', 'upload']);
    for (const f of all)
      await restricted.deleteFileVersion({ fileId: f.fileId, fileName: f.fileName });

    await b2.deleteKey({ applicationKeyId: key.data.applicationKeyId });
    const deleted = await b2.deleteBucket({ bucketId });
    expect(deleted.data.bucketName).toBe('wizard-bucket-1');
    expect(
      emu()
        .state()
        .buckets.filter((b) => b.accountId === emu().accountId),
    ).toEqual([]);
  });

  it('when the name is taken by another customer, then the client sees 400 duplicate_bucket_name', async () => {
    const b2 = await client();
    const res = await failure(
      b2.createBucket({ bucketName: 'Taken-Bucket-Name', bucketType: 'allPrivate' }),
    );
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ status: 400, code: 'duplicate_bucket_name' });
  });

  it('when the key is wrong, then authorize rejects with 401 unauthorized', async () => {
    const b2 = new B2({ applicationKeyId: emu().masterKeyId, applicationKey: 'wrong' });
    const res = await failure(
      b2.authorize({ axiosOverride: { url: `${emu().url}/b2api/v2/b2_authorize_account` } }),
    );
    expect(res.data).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it("when authorize (a GET) meets a 503 once, then the client's own retry gets through", async () => {
    emu().addFault({ call: 'b2_authorize_account', status: 503, times: 1 });
    const b2 = await client();
    expect(b2.accountId).toBe(emu().accountId);
    expect(emu().callCounts().b2_authorize_account).toBe(2);
  });

  it('when a POST call meets a 429 with Retry-After, then the client surfaces it (it does not retry POSTs)', async () => {
    const b2 = await client();
    emu().addFault({ call: 'b2_create_key', status: 429, retryAfter: 3, times: 1 });
    const res = await failure(
      b2.createKey({ capabilities: ['listFiles'], keyName: 'rate-limited' }),
    );
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('3');
    expect(res.data.code).toBe('too_many_requests');
  });

  it('when the token was expired on demand, then the client sees 401 expired_auth_token and can re-authorize', async () => {
    const b2 = await client();
    emu().expireTokens();
    const res = await failure(b2.listBuckets());
    expect(res.data).toMatchObject({ status: 401, code: 'expired_auth_token' });
    await b2.authorize({ axiosOverride: { url: `${emu().url}/b2api/v2/b2_authorize_account` } });
    expect((await b2.listBuckets()).status).toBe(200);
  });
});
