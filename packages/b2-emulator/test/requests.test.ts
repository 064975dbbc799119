/** GET /__emulator/requests and emulator.requests(): what clients sent, oldest first. */
import { describe, expect, it } from 'vitest';
import { RequestLog, type RecordedRequest as Recorded } from '../src/request-log';
import { authorize, http, makeKey, upload, useEmulator } from './helpers';
import { s3, s3Path } from './s3-helpers';

describe('the request log', () => {
  const emu = useEmulator();

  const listed = async (): Promise<Recorded[]> =>
    (await http<{ requests: Recorded[] }>(`${emu().url}/__emulator/requests`)).body.requests;

  it('when native calls are made, then each is recorded with its parsed body, oldest first', async () => {
    const s = await authorize(emu());
    const body = {
      accountId: s.accountId,
      bucketName: 'recorded-bucket',
      bucketType: 'allPrivate',
      lifecycleRules: [{ fileNamePrefix: '', daysFromHidingToDeleting: 1 }],
    };
    const made = await s.call('b2_create_bucket', body);
    await s.call('b2_list_buckets', { accountId: s.accountId, bucketTypes: ['all'] }, 4);
    await http(`${emu().url}/b2api/v3/b2_list_keys?accountId=${s.accountId}`, {
      headers: { Authorization: s.token },
    });
    await upload(s, made.body.bucketId as string, 'file.txt', '{"not":"recorded"}');
    const requests = await listed();
    expect(requests).toEqual([
      {
        call: 'b2_authorize_account',
        apiVersion: 'v2',
        method: 'GET',
        path: '/b2api/v2/b2_authorize_account',
        body: null,
        at: expect.any(Number),
      },
      {
        call: 'b2_create_bucket',
        apiVersion: 'v2',
        method: 'POST',
        path: '/b2api/v2/b2_create_bucket',
        body,
        at: expect.any(Number),
      },
      {
        call: 'b2_list_buckets',
        apiVersion: 'v4',
        method: 'POST',
        path: '/b2api/v4/b2_list_buckets',
        body: { accountId: s.accountId, bucketTypes: ['all'] },
        at: expect.any(Number),
      },
      {
        call: 'b2_list_keys',
        apiVersion: 'v3',
        method: 'GET',
        path: '/b2api/v3/b2_list_keys',
        body: null,
        at: expect.any(Number),
      },
      expect.objectContaining({
        call: 'b2_get_upload_url',
        body: { bucketId: made.body.bucketId },
      }),
      expect.objectContaining({ call: 'b2_upload_file', method: 'POST', body: null }),
    ]);
    const times = requests.map((r) => r.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(emu().requests()).toEqual(requests);
  });

  it('when calls carry tokens and keys, then no Authorization value is recorded', async () => {
    const s = await authorize(emu());
    await makeKey(s, { capabilities: ['listFiles'] });
    const text = JSON.stringify(await listed());
    expect(text).not.toContain(s.token);
    expect(text).not.toContain(emu().masterKey);
    expect(text).not.toContain('Basic ');
  });

  it('when a call fails or is faulted, then it is still recorded; admin routes are not', async () => {
    const s = await authorize(emu());
    emu().addFault({ call: 'b2_list_buckets', status: 503, times: 1 });
    await s.call('b2_list_buckets', { accountId: s.accountId });
    await s.call('b2_create_bucket', { accountId: s.accountId, bucketName: 'x' });
    await http(`${emu().url}/__emulator/state`);
    expect((await listed()).map((r) => r.call)).toEqual([
      'b2_authorize_account',
      'b2_list_buckets',
      'b2_create_bucket',
    ]);
  });

  it('when S3 calls are made, then method, path and call are recorded without a body', async () => {
    const master = await authorize(emu());
    const key = await makeKey(master, { capabilities: ['listBuckets', 'writeBuckets'] });
    const creds = { accessKeyId: key.applicationKeyId, secretAccessKey: key.applicationKey };
    await s3(emu(), creds, 'PUT', s3Path('s3-recorded-bucket'), { body: '<xml/>' });
    expect((await listed()).at(-1)).toEqual({
      call: 's3_create_bucket',
      apiVersion: null,
      method: 'PUT',
      path: '/s3-recorded-bucket',
      body: null,
      at: expect.any(Number),
    });
  });

  it('when POST /__emulator/reset or DELETE /__emulator/requests is called, then the log is empty', async () => {
    await authorize(emu());
    expect((await listed()).length).toBe(1);
    await http(`${emu().url}/__emulator/reset`, { method: 'POST' });
    expect(await listed()).toEqual([]);
    await authorize(emu());
    const cleared = await http(`${emu().url}/__emulator/requests`, { method: 'DELETE' });
    expect(cleared.body).toEqual({ requests: [] });
    expect(emu().requests()).toEqual([]);
  });

  it('when more than 5000 requests are recorded, then only the last 5000 are kept', () => {
    const log = new RequestLog();
    for (let i = 0; i < 5003; i++)
      log.record({ call: `c${i}`, apiVersion: 'v2', method: 'POST', path: '/', body: null, at: i });
    const kept = log.list();
    expect(kept.length).toBe(5000);
    expect(kept[0]?.call).toBe('c3');
    expect(kept.at(-1)?.call).toBe('c5002');
  });
});
