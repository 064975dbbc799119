// The gateway's key calls against a real emulator: a key for one bucket goes to v2 with bucketId,
// a key for several to /b2api/v4/ with bucketIds, and listing and deleting always to /b2api/v4/
// (docs/b2-behaviour.md "Keys for several buckets"), with the token of a v2 sign-in.
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createB2Gateway } from '../src/b2/b2-gateway';
import type { B2Connection } from '../src/b2/b2-types';
import { FAST_RETRY, startEmulator, uniqueName } from './helpers';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const connect = () =>
  createB2Gateway({ retry: FAST_RETRY }).connect({
    baseUrl: emulator.url,
    applicationKeyId: emulator.masterKeyId,
    applicationKey: emulator.masterKey,
  });

async function bucket(conn: B2Connection): Promise<string> {
  const made = await conn.createBucket({
    bucketName: uniqueName('keycalls'),
    bucketType: 'allPrivate',
    lifecycleRules: [],
    corsRules: [],
    fileLockEnabled: false,
  });
  return made.bucketId;
}

const sent = (call: string) =>
  emulator
    .requests()
    .filter((r) => r.call === call)
    .map((r) => ({ path: r.path, body: r.body }));

describe('the gateway’s key calls', () => {
  it('when the connection signed in on v2, then a key for several buckets is made at /b2api/v4/ with bucketIds and no bucketId', async () => {
    const conn = await connect();
    expect(conn.login.version).toBe('v2');
    const a = await bucket(conn);
    const b = await bucket(conn);
    const key = await conn.createKey({
      keyName: 'several',
      capabilities: ['listFiles', 'readFiles'],
      bucketIds: [a, b],
    });
    expect(key.bucketIds).toEqual([a, b]);
    expect(key.bucketId).toBe(a);
    const [call] = sent('b2_create_key');
    expect(call!.path).toBe('/b2api/v4/b2_create_key');
    expect(call!.body).toEqual({
      accountId: emulator.accountId,
      capabilities: ['listFiles', 'readFiles'],
      keyName: 'several',
      bucketIds: [a, b],
    });
  });

  it('when a key is for one bucket, then it is made at /b2api/v2/ with bucketId', async () => {
    const conn = await connect();
    const a = await bucket(conn);
    const key = await conn.createKey({ keyName: 'one', capabilities: ['listFiles'], bucketId: a });
    expect(key.bucketIds).toEqual([a]);
    const [call] = sent('b2_create_key');
    expect(call!.path).toBe('/b2api/v2/b2_create_key');
    expect(call!.body).toEqual({
      accountId: emulator.accountId,
      capabilities: ['listFiles'],
      keyName: 'one',
      bucketId: a,
    });
  });

  it('when keys are listed, then the call goes to /b2api/v4/ and also shows keys for several buckets', async () => {
    const conn = await connect();
    const a = await bucket(conn);
    const b = await bucket(conn);
    const one = await conn.createKey({ keyName: 'one', capabilities: ['listFiles'], bucketId: a });
    const two = await conn.createKey({
      keyName: 'two',
      capabilities: ['listFiles'],
      bucketIds: [a, b],
    });
    const keys = await conn.listKeys();
    expect(keys.map((k) => [k.applicationKeyId, k.bucketIds]).sort()).toEqual(
      [
        [one.applicationKeyId, [a]],
        [two.applicationKeyId, [a, b]],
      ].sort(),
    );
    expect(sent('b2_list_keys').map((c) => c.path)).toEqual(['/b2api/v4/b2_list_keys']);
  });

  it('when a key for several buckets is deleted, then the call goes to /b2api/v4/ and the key is gone', async () => {
    const conn = await connect();
    const a = await bucket(conn);
    const b = await bucket(conn);
    const two = await conn.createKey({
      keyName: 'two',
      capabilities: ['listFiles'],
      bucketIds: [a, b],
    });
    await conn.deleteKey(two.applicationKeyId);
    expect(sent('b2_delete_key')).toEqual([
      { path: '/b2api/v4/b2_delete_key', body: { applicationKeyId: two.applicationKeyId } },
    ]);
    expect(emulator.state().keys).toEqual([]);
  });

  it('when create_key’s answer is lost, then it is not sent again (ONCE), and a lost list answer is (REPEATABLE)', async () => {
    const conn = await connect();
    const a = await bucket(conn);
    const b = await bucket(conn);
    emulator.addFault({ call: 'b2_create_key', drop: 'after', times: 1 });
    await expect(
      conn.createKey({ keyName: 'lost', capabilities: ['listFiles'], bucketIds: [a, b] }),
    ).rejects.toMatchObject({ code: 'network_error' });
    expect(emulator.callCounts().b2_create_key).toBe(1);
    emulator.addFault({ call: 'b2_list_keys', drop: 'after', times: 1 });
    const keys = await conn.listKeys();
    expect(keys.map((k) => k.keyName)).toEqual(['lost']);
    expect(emulator.callCounts().b2_list_keys).toBe(2);
  });
});
