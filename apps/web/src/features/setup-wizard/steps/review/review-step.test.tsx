import type { BucketSummary, Plan } from '@b2wiz/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bucketWith } from '../../test-buckets';
import { jsonResponse, setupResult, stubFetch } from '../../test-fixtures';
import { renderStep, submittedThrough } from '../../test-utils';
import type { WizardState } from '../../wizard-store';
import { ReviewStep } from './review-step';

const ALWAYS_ON = 'Encryption: always on. Backblaze encrypts every file it stores.';

const plan: Plan = {
  steps: [
    { kind: 'createBucket', title: 'Create the bucket', details: [], call: 'b2_create_bucket' },
  ],
  warnings: [],
};

const result = setupResult();

/** The API as the Review step meets it; every request it sent is in fetch.mock.calls. */
function stubApi() {
  return stubFetch(
    vi.fn((url: string) =>
      Promise.resolve(jsonResponse(url === '/api/setup/plan' ? plan : result)),
    ),
  );
}

function sentBody(fetch: ReturnType<typeof stubApi>, url: string): Record<string, unknown> {
  const call = fetch.mock.calls.find(([to]) => to === url) as unknown as [string, RequestInit];
  return JSON.parse(call[1].body as string) as Record<string, unknown>;
}

function beforeReview(bucket: NonNullable<WizardState['drafts']['bucket']>, extra = {}) {
  return submittedThrough('key', { ...extra, drafts: { bucket } });
}

const existing: BucketSummary = {
  ...bucketWith('acme-older'),
  bucketId: 'bkt-older',
  defaultServerSideEncryption: { mode: 'none' },
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
