// Answers as the API gives them, shared by the tests; nothing here renders.
import type { AccountSummary, SetupResult } from '@b2wiz/shared';
import { vi } from 'vitest';

export const sandboxAccount: AccountSummary = {
  accountId: 'e2b1d3f4a5c6',
  isMasterKey: true,
  capabilities: ['listBuckets', 'writeBuckets', 'writeKeys', 'listKeys', 'deleteKeys'],
  missingCapabilities: [],
  restrictedBucket: null,
  namePrefix: null,
  s3Endpoint: 'https://s3.us-west-004.backblazeb2.com',
  s3Region: 'us-west-004',
  sandbox: true,
};

/** What POST /api/setup/apply answers for a Litestream setup of “acme-db”: no checks, no files, unless `overrides` says. */
export function setupResult(overrides: Partial<SetupResult> = {}): SetupResult {
  return {
    bucket: {
      bucketId: 'bkt123',
      bucketName: 'acme-db',
      bucketType: 'allPrivate',
      lifecycleRules: [],
      corsRules: [],
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
      fileLockEnabled: false,
    },
    key: {
      applicationKeyId: '004keyid',
      applicationKey: 'K004TheSecret',
      keyName: 'litestream-acme-db',
      capabilities: ['listBuckets'],
      bucketId: 'bkt123',
      bucketIds: ['bkt123'],
      namePrefix: null,
      expirationTimestamp: null,
    },
    endpoint: { s3Endpoint: 'https://s3.us-west-004.backblazeb2.com', s3Region: 'us-west-004' },
    verification: { ok: true, checks: [] },
    files: [],
    ...overrides,
  };
}

/** A JSON answer, labelled as JSON. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Puts `fetch` in place of the global one; gives it back, to read its calls. */
export function stubFetch<F>(fetch: F): F {
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
