// Practice accounts for a shared sandbox: each its own master key and buckets, and a sandbox-mode
// emulator that keeps only this route of the admin routes, behind a token.
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/index';

let emulator: Emulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

const basic = (id: string, key: string) =>
  `Basic ${Buffer.from(`${id}:${key}`).toString('base64')}`;

async function signIn(url: string, id: string, key: string) {
  const res = await fetch(`${url}/b2api/v2/b2_authorize_account`, {
    headers: { Authorization: basic(id, key) },
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function call(
  url: string,
  auth: { apiUrl: string; authorizationToken: string },
  name: string,
  body: object,
) {
  const res = await fetch(`${auth.apiUrl}/b2api/v2/${name}`, {
    method: 'POST',
    headers: { Authorization: auth.authorizationToken },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const newAccount = (url: string, token?: string) =>
  fetch(`${url}/__emulator/accounts`, {
    method: 'POST',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });

describe('POST /__emulator/accounts', () => {
  it('when two accounts are made, then each signs in with its own master key and sees only its own buckets', async () => {
    emulator = await createEmulator({ port: 0 });
    const a = (await (await newAccount(emulator.url)).json()) as Record<string, string>;
    const b = (await (await newAccount(emulator.url)).json()) as Record<string, string>;
    expect(a.accountId).toMatch(/^[0-9a-f]{12}$/);
    expect(a.applicationKeyId).toBe(`004${a.accountId}0000000000`);
    expect(a.accountId).not.toBe(b.accountId);
    const signedA = await signIn(emulator.url, a.applicationKeyId!, a.applicationKey!);
    const signedB = await signIn(emulator.url, b.applicationKeyId!, b.applicationKey!);
    expect([signedA.status, signedB.status]).toEqual([200, 200]);
    expect(signedA.body.accountId).toBe(a.accountId);
    const made = await call(emulator.url, signedA.body as never, 'b2_create_bucket', {
      accountId: a.accountId,
      bucketName: 'practice-a-bucket',
      bucketType: 'allPrivate',
    });
    expect(made.status).toBe(200);
    const listedB = await call(emulator.url, signedB.body as never, 'b2_list_buckets', {
      accountId: b.accountId,
    });
    expect(listedB.body.buckets).toEqual([]);
    const listedA = await call(emulator.url, signedA.body as never, 'b2_list_buckets', {
      accountId: a.accountId,
    });
    expect((listedA.body.buckets as { bucketName: string }[]).map((x) => x.bucketName)).toEqual([
      'practice-a-bucket',
    ]);
    // One account's key is refused for the other's buckets.
    const crossed = await call(emulator.url, signedB.body as never, 'b2_list_buckets', {
      accountId: a.accountId,
    });
    expect(crossed.status).toBe(401);
  });

  it('when an admin token is set, then the route needs it', async () => {
    emulator = await createEmulator({ port: 0, adminToken: 'a-long-enough-admin-token' });
    expect((await newAccount(emulator.url)).status).toBe(401);
    expect((await newAccount(emulator.url, 'wrong-token-of-other-size')).status).toBe(401);
    expect((await newAccount(emulator.url, 'a-long-enough-admin-token')).status).toBe(201);
  });
});

describe('sandbox mode', () => {
  it('when the emulator serves a deployed sandbox, then the test routes are not there, only the accounts route', async () => {
    emulator = await createEmulator({
      port: 0,
      adminMode: 'sandbox',
      adminToken: 'sandbox-admin-token-1',
    });
    for (const [method, path] of [
      ['GET', '/__emulator/state'],
      ['POST', '/__emulator/reset'],
      ['POST', '/__emulator/faults'],
      ['POST', '/__emulator/latency'],
      ['POST', '/__emulator/buckets'],
      ['GET', '/__emulator/requests'],
    ] as const) {
      const res = await fetch(`${emulator.url}${path}`, {
        method,
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 404`);
    }
    const made = await newAccount(emulator.url, 'sandbox-admin-token-1');
    expect(made.status).toBe(201);
    const account = (await made.json()) as Record<string, string>;
    expect(
      (await signIn(emulator.url, account.applicationKeyId!, account.applicationKey!)).status,
    ).toBe(200);
  });
});
