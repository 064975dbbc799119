import type { Plan, SetupResult } from '@b2wiz/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bucketWith, KEEP_PRIOR_30, SHOP_UPLOADS } from '../../test-buckets';
import { jsonResponse, setupResult, stubFetch } from '../../test-fixtures';
import { litestreamDrafts, renderStep, submittedThrough } from '../../test-utils';
import { ReviewStep } from './review-step';

const shop = bucketWith('acme-shop', { lifecycleRules: KEEP_PRIOR_30, corsRules: SHOP_UPLOADS });

const warnings: Plan['warnings'] = [
  {
    code: 'deletes_old_versions',
    field: 'lifecycle',
    message: 'Older versions of files will be deleted 1 day after they are replaced.',
  },
  {
    code: 'removes_cors_rules',
    field: 'cors',
    message: 'Web pages on https://shop.example.com will no longer be allowed to upload.',
  },
  {
    code: 'replaces_cors_rules',
    field: 'cors',
    message: 'The bucket’s 2 CORS rule(s) of today will be replaced by the ones shown.',
  },
];
const plan = (w: Plan['warnings']): Plan => ({
  steps: [
    { kind: 'updateBucket', title: 'Change the rules', details: [], call: 'b2_update_bucket' },
  ],
  warnings: w,
});
const result = setupResult({
  bucket: { ...shop, revision: undefined } as unknown as SetupResult['bucket'],
  key: { ...setupResult().key, keyName: 'k-shop', bucketId: shop.bucketId },
});

function respond(status: number, body: unknown) {
  return Promise.resolve(jsonResponse(body, status));
}

function stubApi(answers: {
  plan: Plan;
  apply: (body: Record<string, unknown>) => Promise<Response>;
}) {
  const applied: Record<string, unknown>[] = [];
  stubFetch(
    vi.fn((url: string, init: RequestInit) => {
      if (url === '/api/setup/plan') return respond(200, answers.plan);
      const body = JSON.parse(init.body as string) as Record<string, unknown>;
      applied.push(body);
      return answers.apply(body);
    }),
  );
  return applied;
}

const onShop = (lifecycle: object, cors: object) =>
  submittedThrough('key', {
    buckets: [shop],
    drafts: {
      bucket: { mode: 'existing', bucketId: shop.bucketId },
      lifecycle,
      cors,
      key: { ...litestreamDrafts().key, name: 'k-shop' },
    },
  });

afterEach(() => vi.unstubAllGlobals());

describe('ReviewStep confirmations', () => {
  it('asks one box per consequence, and creates nothing until each is ticked', async () => {
    const applied = stubApi({ plan: plan(warnings), apply: () => respond(200, result) });
    const { user, navigate } = renderStep(
      <ReviewStep />,
      onShop({ preset: 'keepLatest' }, { preset: 'none' }),
    );
    const versions = await screen.findByRole('checkbox', {
      name: 'I understand that older versions of files will be deleted.',
    });
    const pages = screen.getByRole('checkbox', {
      name: 'I understand that web pages will lose access they have today.',
    });
    expect(versions).toHaveAccessibleDescription(
      'Older versions of files will be deleted 1 day after they are replaced.',
    );
    expect(screen.getByText(/2 CORS rules of today/)).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('rule(s)');

    await user.click(versions);
    await user.click(screen.getByRole('button', { name: 'Create everything' }));
    expect(pages).toHaveAccessibleErrorMessage(
      'Tick this box to go on, or change your choices above.',
    );
    expect(pages).toHaveFocus();
    expect(applied).toHaveLength(0);

    await user.click(pages);
    await user.click(screen.getByRole('button', { name: 'Create everything' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('done'));
    expect(applied[0]!.confirm).toEqual(['deletes_old_versions', 'removes_cors_rules']);
  });

  it('when the server asks for a confirmation, shows its box and sends the same request again', async () => {
    let calls = 0;
    const applied = stubApi({
      plan: plan([]),
      apply: () =>
        ++calls === 1
          ? respond(409, {
              error: {
                code: 'confirmation_needed',
                message: 'Confirm first.',
                confirmations: [
                  { code: 'deletes_old_versions', message: 'Old versions go after 1 day.' },
                ],
              },
            })
          : respond(200, result),
    });
    const { user, navigate } = renderStep(
      <ReviewStep />,
      onShop({ preset: 'keepLatest' }, { preset: 'keepCurrent' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Create everything' }));
    const box = await screen.findByRole('checkbox', {
      name: 'I understand that older versions of files will be deleted.',
    });
    expect(box).toHaveAccessibleDescription(/^Old versions go after 1 day\. Tick this box/);
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Create everything' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('done'));
    expect(applied).toHaveLength(2);
    expect(applied[1]!.idempotencyKey).toBe(applied[0]!.idempotencyKey);
    expect(applied[0]).not.toHaveProperty('confirm');
    expect(applied[1]!.confirm).toEqual(['deletes_old_versions']);
  });
});

describe('ReviewStep choices', () => {
  it('spells out kept and custom rules, and the key’s capabilities in plain words', async () => {
    stubApi({ plan: plan([]), apply: () => respond(200, result) });
    renderStep(
      <ReviewStep />,
      onShop(
        { preset: 'keepCurrent' },
        {
          preset: 'custom',
          corsEditor: 'fields',
          ruleFields: [
            {
              corsRuleName: 'siteDownloads',
              origins: 'https://www.example.com/',
              allowedOperations: ['b2_download_file_by_name'],
              allowedHeaders: '',
              exposeHeaders: '',
              maxAgeSeconds: 600,
            },
          ],
        },
      ),
    );
    const summary = document.querySelector('dl.summary')!;
    expect(summary).toHaveTextContent('Keep the rules it has now:Keep prior versions for 30 days');
    expect(summary).toHaveTextContent(
      'Use custom CORS rules:siteDownloads: origins https://www.example.com; operations b2_download_file_by_name',
    );
    expect(summary).toHaveTextContent(
      '“k-shop”, read and write: it may see the names of all your buckets, see the bucket, read the bucket’s settings, list files, download files, upload files and delete files.',
    );
    expect(screen.getByText(/^\(listAllBucketNames, listBuckets/).tagName).toBe('SMALL');
    expect(await screen.findByRole('heading', { name: 'Change the rules' })).toBeInTheDocument();
  });

  it('“Change” opens the step so that its Next comes back here', async () => {
    stubApi({ plan: plan([]), apply: () => respond(200, result) });
    const { user, navigate, store } = renderStep(
      <ReviewStep />,
      onShop({ preset: 'keepCurrent' }, { preset: 'keepCurrent' }),
    );
    await user.click(screen.getByRole('button', { name: 'Change cors' }));
    expect(navigate).toHaveBeenCalledWith('cors');
    expect(store.getState().returnToReview).toBe(true);
    expect(await screen.findByRole('heading', { name: 'Change the rules' })).toBeInTheDocument();
  });
});
