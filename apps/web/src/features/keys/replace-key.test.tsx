import type { AccountKey, SetupResult } from '@b2wiz/shared';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, setupResult, stubFetch } from '../setup-wizard/test-fixtures';
import { KeysPanel } from './keys-panel';

const oldKey: AccountKey = {
  applicationKeyId: '004acmekey0000000000000001',
  keyName: 'acme-backups',
  capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'],
  buckets: [{ bucketId: 'bkt-acme', bucketName: 'acme-files' }],
  namePrefix: 'backups/',
  expirationTimestamp: null,
  madeByWizard: null,
  cannotDelete: null,
  cannotReplace: null,
};

const newKey: SetupResult = setupResult({
  key: {
    applicationKeyId: '004newkey00000000000000009',
    applicationKey: 'K004TheNewSecret',
    keyName: 'acme-backups-replaced-20260314',
    capabilities: oldKey.capabilities,
    bucketId: 'bkt-acme',
    bucketIds: ['bkt-acme'],
    namePrefix: 'backups/',
    expirationTimestamp: null,
  },
  verification: {
    ok: true,
    checks: [
      {
        name: 'authorize',
        label: 'Signs in',
        ok: true,
        status: 'passed',
        detail: 'The new key signs in to Backblaze.',
      },
    ],
  },
  files: [
    {
      target: 'restic',
      filename: 'restic.env',
      mediaType: 'text/plain',
      content: 'AWS_ACCESS_KEY_ID=004newkey00000000000000009\n',
    },
  ],
});

afterEach(() => vi.unstubAllGlobals());

function serve(replace: () => Response) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  let listed = 0;
  stubFetch(
    vi.fn((url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (method === 'POST') return Promise.resolve(replace());
      if (method === 'DELETE') {
        return Promise.resolve(
          jsonResponse({
            applicationKeyId: oldKey.applicationKeyId,
            keyName: oldKey.keyName,
            message:
              'Deleted the application key “acme-backups” (ID 004acmekey0000000000000001). Anything that still uses it can no longer reach Backblaze.',
          }),
        );
      }
      listed += 1;
      return Promise.resolve(
        jsonResponse({ accountId: 'e2b1d3f4a5c6', keys: listed === 1 ? [oldKey] : [] }),
      );
    }),
  );
  return calls;
}

async function openReplace() {
  const user = userEvent.setup();
  render(<KeysPanel />);
  const card = await screen.findByRole('article', { name: 'acme-backups' });
  await user.click(within(card).getByRole('button', { name: 'Replace acme-backups' }));
  const region = screen.getByRole('region', { name: 'Replace the key “acme-backups”' });
  return { user, region };
}

describe('Replace in the keys panel', () => {
  it('makes the new key for the chosen tool, shows it once with its check and files, then deletes the old key once asked', async () => {
    const calls = serve(() => jsonResponse(newKey));
    const { user, region } = await openReplace();
    expect(region).toHaveTextContent(
      'The wizard makes a new key for the bucket “acme-files” with the same access and the same file name prefix “backups/”',
    );
    const make = within(region).getByRole('button', { name: 'Make the new key' });
    expect(make).toBeDisabled();
    await user.selectOptions(
      within(region).getByLabelText('The tool that uses this key'),
      'restic',
    );
    await user.click(make);

    expect(await within(region).findByText('K004TheNewSecret')).toBeVisible();
    expect(within(region).getByRole('group', { name: 'New application key ID' })).toHaveTextContent(
      '004newkey00000000000000009',
    );
    expect(
      within(region).getByText('The new key works: it passed every check restic needs.'),
    ).toBeVisible();
    expect(within(region).getByRole('article', { name: 'restic.env' })).toBeVisible();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toBe('/api/keys/004acmekey0000000000000001/replace');
    expect(posts[0]!.body).toEqual({
      target: 'restic',
      idempotencyKey: expect.stringMatching(/^replace-[0-9a-f-]{36}$/),
    });
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);

    await user.click(
      within(region).getByRole('button', { name: 'The new key works — delete the old key' }),
    );
    const question = within(region).getByRole('alertdialog', {
      name: 'Delete the key “acme-backups”?',
    });
    await user.click(within(question).getByRole('button', { name: 'Delete the key' }));
    expect(
      await within(region).findByText(
        'Deleted the application key “acme-backups” (ID 004acmekey0000000000000001). Anything that still uses it can no longer reach Backblaze. The new key “acme-backups-replaced-20260314” takes its place.',
      ),
    ).toBeVisible();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([
      '/api/keys/004acmekey0000000000000001',
    ]);
    // The new secret stays on screen after the list has moved on.
    expect(within(region).getByText('K004TheNewSecret')).toBeVisible();
  });

  it('after a failed try, says why, and a second press sends the same idempotencyKey', async () => {
    let tries = 0;
    const calls = serve(() => {
      tries += 1;
      return tries === 1
        ? jsonResponse(
            {
              error: {
                code: 'key_check_failed',
                message:
                  'The new key did not pass the check for restic. The application key “acme-backups” (ID 004acmekey0000000000000001) is untouched and still works. The new key was deleted again.',
              },
            },
            422,
          )
        : jsonResponse(newKey);
    });
    const { user, region } = await openReplace();
    await user.selectOptions(
      within(region).getByLabelText('The tool that uses this key'),
      'restic',
    );
    await user.click(within(region).getByRole('button', { name: 'Make the new key' }));
    const alert = await within(region).findByRole('alert');
    expect(alert).toHaveTextContent('The key was not replaced.');
    expect(alert).toHaveTextContent('is untouched and still works.');
    expect(within(region).queryByText('K004TheNewSecret')).toBeNull();

    await user.click(within(region).getByRole('button', { name: 'Make the new key' }));
    expect(await within(region).findByText('K004TheNewSecret')).toBeVisible();
    const keys = calls
      .filter((c) => c.method === 'POST')
      .map((c) => (c.body as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });
});
