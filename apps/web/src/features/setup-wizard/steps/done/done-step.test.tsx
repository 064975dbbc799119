import type { SetupResult } from '@b2wiz/shared';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, setupResult, stubFetch } from '../../test-fixtures';
import { litestreamState, renderStep, submittedThrough } from '../../test-utils';
import { DoneStep } from './done-step';

const result = setupResult({
  verification: {
    ok: true,
    checks: [
      {
        name: 'authorize',
        label: 'Signs in',
        ok: true,
        status: 'passed',
        detail: 'The key signs in.',
      },
    ],
  },
  files: [
    {
      target: 'litestream',
      filename: 'litestream.yml',
      mediaType: 'application/yaml',
      content: 'secret-access-key: K004TheSecret\n',
    },
  ],
});

afterEach(() => vi.unstubAllGlobals());

describe('DoneStep', () => {
  it('shows every value with its own Copy button and the “shown only once” warning', () => {
    renderStep(<DoneStep />, litestreamState({ result }));
    expect(screen.getByText('The application key is shown only once.')).toBeInTheDocument();
    for (const [label, value] of [
      ['Application key ID', '004keyid'],
      ['Application key', 'K004TheSecret'],
      ['Bucket name', 'acme-db'],
      ['Bucket ID', 'bkt123'],
      ['Endpoint', 'https://s3.us-west-004.backblazeb2.com'],
      ['Region', 'us-west-004'],
    ]) {
      const group = screen.getByRole('group', { name: label });
      expect(within(group).getByRole('code')).toHaveTextContent(value!);
      expect(within(group).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    }
    const file = screen.getByRole('article', { name: 'litestream.yml' });
    expect(within(file).getByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download all' })).toBeInTheDocument();
    expect(screen.getByText(/The new key works/)).toBeInTheDocument();
  });

  it('copying the application key counts as saving it', async () => {
    // user-event puts its own clipboard in place; read it back from there.
    const { user, store } = renderStep(<DoneStep />, litestreamState({ result }));
    const group = screen.getByRole('group', { name: 'Application key' });
    await user.click(within(group).getByRole('button', { name: 'Copy' }));
    await expect(navigator.clipboard.readText()).resolves.toBe('K004TheSecret');
    expect(within(group).getByRole('status')).toHaveTextContent('Copied the application key.');
    expect(store.getState().secretSaved).toBe(true);
    expect(
      screen.getByRole('checkbox', { name: 'I have saved the application key' }),
    ).toBeChecked();
  });

  it('asks once before forgetting an unsaved key, then forgets everything', async () => {
    const fetch = stubFetch(vi.fn().mockResolvedValue(new Response(null, { status: 204 })));
    const { user, store, navigate } = renderStep(<DoneStep />, litestreamState({ result }));
    await user.click(screen.getByRole('button', { name: 'Forget my credentials' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'You have not saved the application key yet.',
    );
    expect(fetch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Forget my credentials' }));
    expect(fetch).toHaveBeenCalledWith(
      '/api/session',
      expect.objectContaining({ method: 'DELETE' }),
    );
    expect(store.getState().result).toBeNull();
    expect(store.getState().account).toBeNull();
    expect(navigate).toHaveBeenCalledWith('target');
  });

  it('when the key check failed, “Check again” repeats apply with the same idempotencyKey and shows the new result', async () => {
    const failed: SetupResult = {
      ...result,
      verification: {
        ok: false,
        checks: [
          {
            name: 'upload',
            label: 'Can upload a file',
            ok: false,
            status: 'failed',
            detail: 'B2 was busy. Check again.',
          },
        ],
      },
    };
    const fetch = stubFetch(vi.fn().mockResolvedValue(jsonResponse(result)));
    const { user, store } = renderStep(
      <DoneStep />,
      submittedThrough('key', {
        result: failed,
        review: { requestKey: 'any', idempotencyKey: 'review-key-123' },
      }),
    );
    store.setSecretSaved(true);
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/setup/apply');
    expect(JSON.parse(init.body as string)).toMatchObject({ idempotencyKey: 'review-key-123' });
    expect(await screen.findByText(/The new key works/)).toBeInTheDocument();
    expect(store.getState().secretSaved).toBe(true);
  });

  it('shows checks by their plain labels, never a tick on one not checked, and no “works” headline', () => {
    const narrow: SetupResult = {
      ...result,
      verification: {
        ok: false,
        checks: [
          {
            name: 'authorize',
            label: 'Signs in',
            ok: true,
            status: 'passed',
            detail: 'Signed in.',
          },
          {
            name: 'restrictedToBucket',
            label: 'Reaches only the bucket acme-db',
            ok: true,
            status: 'passed',
            detail: 'Only acme-db.',
          },
          {
            name: 'S3: upload',
            label: 'Can upload a file over S3',
            ok: false,
            status: 'notChecked',
            detail: 'Not tried: this key may not upload files.',
          },
        ],
      },
    };
    renderStep(
      <DoneStep />,
      litestreamState({
        result: narrow,
        drafts: {
          key: { name: '', access: 'readOnly', restrictToBucket: true, listAllBucketNames: true },
        },
        submitted: ['key'],
      }),
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '✓ Passed: Signs in: Signed in.',
      '✓ Passed: Reaches only the bucket acme-db: Only acme-db.',
      '– Not checked: Can upload a file over S3: Not tried: this key may not upload files.',
    ]);
    expect(items[2]).not.toHaveTextContent('✓');
    expect(screen.queryByText(/restrictedToBucket|S3: upload/)).toBeNull();
    expect(screen.queryByText(/The new key works/)).toBeNull();
    expect(
      screen.getByText('We could not prove that the new key works for Litestream.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Litestream cannot back up with a read-only key: it needs to upload files/),
    ).toBeInTheDocument();
    // Checking again cannot give a read-only key more access.
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
  });

  it('“Set up another” keeps the connection and starts again at the first step with nothing filled in', async () => {
    const fetch = stubFetch(vi.fn());
    const { user, store, navigate } = renderStep(
      <DoneStep />,
      litestreamState({
        result,
        drafts: {
          bucket: { mode: 'create', name: 'acme-db', type: 'allPrivate', objectLock: false },
          key: { name: 'my-key', access: 'readWrite', restrictToBucket: true },
        },
        submitted: ['bucket', 'key'],
      }),
    );
    const before = store.getState();
    await user.click(screen.getByRole('button', { name: 'Set up another' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'You have not saved the application key yet.',
    );
    expect(navigate).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Set up another' }));
    expect(fetch).not.toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('target');
    const after = store.getState();
    expect(after).toMatchObject({ drafts: {}, submitted: [], result: null, secretSaved: false });
    expect(after.account).toBe(before.account);
    expect(after.bucketNameSuffix).not.toBe(before.bucketNameSuffix);
  });

  it('puts the key and the main actions first, and folds each file away under the name it downloads as', () => {
    renderStep(
      <DoneStep />,
      litestreamState({
        result: {
          ...result,
          files: [
            {
              target: 'aws-cli',
              filename: '.s3cfg',
              mediaType: 'text/plain',
              content: '[default]',
            },
          ],
        },
      }),
    );
    const order = [
      screen.getByRole('group', { name: 'Application key' }),
      screen.getByRole('button', { name: 'Download all' }),
      screen.getByRole('button', { name: 'Set up another' }),
      screen.getByRole('heading', { name: 'Check of the new key' }),
      screen.getByRole('group', { name: 'Bucket name' }),
    ];
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1]!.compareDocumentPosition(order[i]!)).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
    }
    const card = screen.getByRole('article', { name: 's3cfg' });
    expect(card).toHaveTextContent('save it in your home folder as .s3cfg');
    expect(card).toHaveTextContent('Your browser saves it as s3cfg, without the dot');
    expect(card.querySelector('details')).not.toHaveAttribute('open');
    expect(within(card).getByText('Show what is in s3cfg')).toBeInTheDocument();
  });
});
