/** Test helpers: a real emulator on a free port, and plain-fetch B2 calls against it. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createEmulator, type Emulator, type EmulatorOptions } from '../src/index';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Starts one emulator for the file and resets it before each test. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await createEmulator(options);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => emulator?.reset());
  return () => {
    if (!emulator) throw new Error('emulator not started');
    return emulator;
  };
}

/** The emulator's bucket named `name` (of any account), if there is one. */
export const bucketNamed = (emulator: Emulator, name: string) =>
  emulator.state().buckets.find((b) => b.bucketName === name);

/** The emulator's bucket with this id, if there is one. */
export const bucketWithId = (emulator: Emulator, bucketId: string) =>
  emulator.state().buckets.find((b) => b.bucketId === bucketId);

export const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

export async function http<T = Record<string, unknown>>(
  url: string,
  init: RequestInit = {},
): Promise<Answer<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

export interface Session {
  token: string;
  accountId: string;
  apiUrl: string;
  /** POST a JSON call under /b2api/v<version>/ with this session's token. */
  call<T = Record<string, unknown>>(
    name: string,
    body?: Record<string, unknown>,
    version?: number,
  ): Promise<Answer<T>>;
}

export async function authorize(
  emulator: Emulator,
  keyId = emulator.masterKeyId,
  secret = emulator.masterKey,
  version = 2,
): Promise<Session> {
  const res = await http(`${emulator.url}/b2api/v${version}/b2_authorize_account`, {
    headers: { Authorization: basic(keyId, secret) },
  });
  if (res.status !== 200) throw new Error(`authorize failed: ${JSON.stringify(res.body)}`);
  const token = res.body.authorizationToken as string;
  const accountId = res.body.accountId as string;
  return {
    token,
    accountId,
    apiUrl: emulator.url,
    call: (name, body = {}, v = version) => callB2(emulator.url, token, name, body, v),
  };
}

export function callB2<T = Record<string, unknown>>(
  url: string,
  token: string | undefined,
  name: string,
  body: Record<string, unknown> = {},
  version = 2,
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== undefined) headers.Authorization = token;
  return http<T>(`${url}/b2api/v${version}/${name}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
}

export const sha1 = (data: string | Buffer): string =>
  createHash('sha1').update(data).digest('hex');

/** A bucket as B2 answers it. */
export interface BucketBody {
  bucketId: string;
  bucketName: string;
  revision: number;
  defaultServerSideEncryption: unknown;
  [k: string]: unknown;
}

/** b2_list_buckets for the session's account, with `filter`: the buckets, or B2's error `code`. */
export const listBuckets = (s: Session, filter: Record<string, unknown>) =>
  s.call<{ buckets: BucketBody[]; code?: string }>('b2_list_buckets', {
    accountId: s.accountId,
    ...filter,
  });

/** b2_create_bucket in the session's account: a private bucket named `bucketName`, with `extra`. */
export function createBucket(
  s: Session,
  bucketName: string,
  extra: Record<string, unknown> = {},
): Promise<Answer> {
  return s.call('b2_create_bucket', {
    accountId: s.accountId,
    bucketName,
    bucketType: 'allPrivate',
    ...extra,
  });
}

/** Creates a bucket with the master key; returns its id. */
export async function makeBucket(
  s: Session,
  bucketName: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await createBucket(s, bucketName, extra);
  if (res.status !== 200) throw new Error(`create bucket failed: ${JSON.stringify(res.body)}`);
  return res.body.bucketId as string;
}

export async function makeKey(
  s: Session,
  extra: Record<string, unknown>,
  version = 2,
): Promise<{ applicationKeyId: string; applicationKey: string }> {
  const res = await s.call<{ applicationKeyId: string; applicationKey: string }>(
    'b2_create_key',
    { accountId: s.accountId, keyName: 'test-key', ...extra },
    version,
  );
  if (res.status !== 200) throw new Error(`create key failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function upload(
  s: Session,
  bucketId: string,
  fileName: string,
  content: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const u = await s.call<{ uploadUrl: string; authorizationToken: string }>('b2_get_upload_url', {
    bucketId,
  });
  if (u.status !== 200) return u as unknown as Answer;
  const data = Buffer.from(content);
  return http(u.body.uploadUrl, {
    method: 'POST',
    headers: {
      Authorization: u.body.authorizationToken,
      'X-Bz-File-Name': encodeURIComponent(fileName).replaceAll('%2F', '/'),
      'Content-Type': 'text/plain',
      'X-Bz-Content-Sha1': sha1(data),
      ...headers,
    },
    body: data,
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
