import type { BucketSummary, Plan, SetupResult } from '@b2wiz/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { litestreamState, renderStep } from '../../test-utils';
import type { WizardState } from '../../wizard-store';
import { ReviewStep } from './review-step';

const ALWAYS_ON = 'Encryption: always on. Backblaze encrypts every file it stores.';

const plan: Plan = {
  steps: [
    { kind: 'createBucket', title: 'Create the bucket', details: [], call: 'b2_create_bucket' },
  ],
  warnings: [],
};

const result: SetupResult = {
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
    namePrefix: null,
    expirationTimestamp: null,
  },
  endpoint: { s3Endpoint: 'https://s3.us-west-004.backblazeb2.com', s3Region: 'us-west-004' },
  verification: { ok: true, checks: [] },
  files: [],
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The API as the Review step meets it; every request it sent is in fetch.mock.calls. */
function stubApi() {
  const fetch = vi.fn((url: string) =>
    Promise.resolve(json(url === '/api/setup/plan' ? plan : result)),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function sentBody(fetch: ReturnType<typeof stubApi>, url: string): Record<string, unknown> {
  const call = fetch.mock.calls.find(([to]) => to === url) as unknown as [string, RequestInit];
  return JSON.parse(call[1].body as string) as Record<string, unknown>;
}

function beforeReview(bucket: NonNullable<WizardState['drafts']['bucket']>, extra = {}) {
  return litestreamState({
    drafts: {
      bucket,
      lifecycle: { preset: 'keepLatest' },
      cors: { preset: 'none' },
      key: { name: '', access: 'readWrite', restrictToBucket: true, listAllBucketNames: true },
    },
    submitted: ['bucket', 'lifecycle', 'cors', 'key'],
    ...extra,
  });
}

const existing: BucketSummary = {
  bucketId: 'bkt-older',
  bucketName: 'acme-older',
  bucketType: 'allPrivate',
  lifecycleRules: [],
  corsRules: [],
  defaultServerSideEncryption: { mode: 'none' },
  fileLockEnabled: false,
  revision: 3,
};

afterEach(() => vi.unstubAllGlobals());

describe('ReviewStep', () => {
  it('says a new bucket’s encryption is always on, and sends no encryption choice', async () => {
    const fetch = stubApi();
    const { user, navigate } = renderStep(
      <ReviewStep />,
      beforeReview({ mode: 'create', name: 'acme-db', type: 'allPrivate', objectLock: false }),
    );
    const bucketRow = screen.getByText(/^New private bucket “acme-db”; Object Lock off\./);
    expect(bucketRow).toHaveTextContent(ALWAYS_ON);
    expect(bucketRow.querySelector('small')).toHaveTextContent('(SSE-B2, AES-256)');
    expect(document.body).not.toHaveTextContent(/default encryption|encryption (is )?off/i);

    expect(await screen.findByRole('heading', { name: 'Create the bucket' })).toBeInTheDocument();
    expect(sentBody(fetch, '/api/setup/plan').bucket).toEqual({
      mode: 'create',
      name: 'acme-db',
      type: 'allPrivate',
      objectLock: false,
    });

    await user.click(screen.getByRole('button', { name: 'Create everything' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('done'));
    expect(sentBody(fetch, '/api/setup/apply').bucket).not.toHaveProperty('encryption');
  });

  it('for an existing bucket that still reads “none”, says Backblaze is switching it over', async () => {
    stubApi();
    renderStep(
      <ReviewStep />,
      beforeReview({ mode: 'existing', bucketId: 'bkt-older' }, { buckets: [existing] }),
    );
    expect(
      screen.getByText(
        /^Your bucket “acme-older”\. Encryption: Backblaze is switching this bucket over to always-on encryption; nothing needs doing\./,
      ),
    ).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/encryption (is )?(off|disabled)/i);
    expect(await screen.findByRole('heading', { name: 'Create the bucket' })).toBeInTheDocument();
  });

  it('for an existing bucket with encryption, says always on', async () => {
    stubApi();
    const encrypted = {
      ...existing,
      defaultServerSideEncryption: { mode: 'SSE-B2' as const, algorithm: 'AES256' },
    };
    renderStep(
      <ReviewStep />,
      beforeReview({ mode: 'existing', bucketId: 'bkt-older' }, { buckets: [encrypted] }),
    );
    expect(screen.getByText(/^Your bucket “acme-older”\./)).toHaveTextContent(
      `${ALWAYS_ON} (SSE-B2, AES-256)`,
    );
    expect(await screen.findByRole('heading', { name: 'Create the bucket' })).toBeInTheDocument();
  });
});
