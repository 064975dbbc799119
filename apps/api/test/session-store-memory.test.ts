// The in-memory session store keeps its own copies: nothing a caller holds (what it passed in,
// or what it read) can change what is stored.
import type { AccountSummary } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import type { B2Login } from '../src/b2/b2-types';
import { InMemorySessionStore } from '../src/services/session-store';
import { TestClock } from './helpers';

const summary = (): AccountSummary => ({
  accountId: 'a1b2c3d4e5f6',
  isMasterKey: true,
  capabilities: ['listBuckets', 'writeKeys'],
  missingCapabilities: [],
  restrictedBucket: null,
  namePrefix: null,
  s3Endpoint: 'https://s3.us-west-004.backblazeb2.com',
  s3Region: 'us-west-004',
  sandbox: false,
});

const login = (token: string): B2Login => ({
  baseUrl: 'https://api.backblazeb2.com',
  applicationKeyId: 'a1b2c3d4e5f6',
  applicationKey: 'K004secret',
  version: 'v2',
  authorizationToken: token,
  apiUrl: 'https://api004.backblazeb2.com',
  downloadUrl: 'https://f004.backblazeb2.com',
  authorization: {
    accountId: 'a1b2c3d4e5f6',
    applicationKeyId: 'a1b2c3d4e5f6',
    isMasterKey: true,
    capabilities: ['listBuckets', 'writeKeys'],
    bucketId: null,
    bucketName: null,
    namePrefix: null,
    s3ApiUrl: 'https://s3.us-west-004.backblazeb2.com',
  },
});

describe('the in-memory session store', () => {
  it('when the caller changes what it stored, then the stored session stays as it was', async () => {
    const store = new InMemorySessionStore(60_000, new TestClock());
    const init = { summary: summary(), login: login('token-1') };
    const created = await store.create(init);
    init.summary.capabilities.push('deleteKeys');
    init.login.authorization.capabilities.push('deleteKeys');
    init.login.authorizationToken = 'changed';

    const read = await store.get(created.id);
    expect(read?.summary.capabilities).toEqual(['listBuckets', 'writeKeys']);
    expect(read?.login.authorization.capabilities).toEqual(['listBuckets', 'writeKeys']);
    expect(read?.login.authorizationToken).toBe('token-1');
  });

  it('when a caller tries to change a session it read, then that throws and the store is unchanged', async () => {
    const store = new InMemorySessionStore(60_000, new TestClock());
    const { id } = await store.create({ summary: summary(), login: login('token-1') });
    const read = (await store.get(id))!;

    expect(() => {
      (read.login as { authorizationToken: string }).authorizationToken = 'changed';
    }).toThrow(TypeError);
    expect(() => read.login.authorization.capabilities.push('deleteKeys')).toThrow(TypeError);
    expect(() => {
      (read as { lastSeenAt: number }).lastSeenAt = 0;
    }).toThrow(TypeError);

    const again = await store.get(id);
    expect(again?.login.authorizationToken).toBe('token-1');
    expect(again?.login.authorization.capabilities).toEqual(['listBuckets', 'writeKeys']);
  });

  it('when a renewed sign-in is saved and the caller then changes it, then the store keeps the saved one', async () => {
    const clock = new TestClock();
    const store = new InMemorySessionStore(60_000, clock);
    const { id } = await store.create({ summary: summary(), login: login('token-1') });
    const renewed = login('token-2');
    clock.advance(1_000);
    await store.saveLogin(id, renewed);
    renewed.authorizationToken = 'changed';

    const read = await store.get(id);
    expect(read?.login.authorizationToken).toBe('token-2');
    expect(read?.lastSeenAt).toBe(Date.UTC(2026, 0, 1) + 1_000);
  });

  it('when a session is read, then its idle time starts over from that read', async () => {
    const clock = new TestClock();
    const store = new InMemorySessionStore(60_000, clock);
    const { id } = await store.create({ summary: summary(), login: login('token-1') });
    clock.advance(50_000);
    expect(await store.get(id)).toBeDefined();
    clock.advance(50_000);
    expect((await store.get(id))?.lastSeenAt).toBe(Date.UTC(2026, 0, 1) + 100_000);
    clock.advance(60_001);
    expect(await store.get(id)).toBeUndefined();
  });
});
