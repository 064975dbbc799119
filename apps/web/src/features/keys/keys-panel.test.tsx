import type { AccountKey } from '@b2wiz/shared';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../setup-wizard/test-fixtures';
import { KeysPanel } from './keys-panel';

const CONNECTED =
  'The wizard is connected with this key, so it can’t delete or replace it. Press “Use a different key” on the Connect step and connect with another key first, or delete it in the Backblaze dashboard (App Keys).';

const acmeKey: AccountKey = {
  applicationKeyId: '004acmekey0000000000000001',
  keyName: 'rclone-acme-files',
  capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'],
  buckets: [{ bucketId: 'bkt-acme', bucketName: 'acme-files' }],
  namePrefix: 'backups/',
  expirationTimestamp: null,
  madeByWizard: 'history',
  cannotDelete: null,
  cannotReplace: null,
};
const shopKey: AccountKey = {
  ...acmeKey,
  applicationKeyId: '004shopkey0000000000000002',
  keyName: 'restic-shop-files',
  capabilities: ['listBuckets', 'readFiles'],
  buckets: [
    { bucketId: 'bkt-shop-a', bucketName: 'shop-a' },
    { bucketId: 'bkt-shop-b', bucketName: null },
  ],
  namePrefix: null,
  expirationTimestamp: Date.UTC(2031, 5, 1, 12, 30),
  madeByWizard: 'name',
};
const supportKey: AccountKey = {
  ...acmeKey,
  applicationKeyId: '004supportkey000000000003',
  keyName: 'support-desk',
  capabilities: ['listKeys', 'writeKeys', 'deleteKeys'],
  buckets: null,
  namePrefix: null,
  madeByWizard: null,
  cannotDelete: { reason: 'connectedKey', message: CONNECTED },
  cannotReplace: CONNECTED,
};
const everything: AccountKey = {
  ...supportKey,
  applicationKeyId: '004everything0000000000004',
  keyName: 'everything',
  capabilities: ['listBuckets', 'readBuckets'],
  cannotDelete: null,
  cannotReplace: 'The key “everything” reaches every bucket, so the wizard can’t make it again.',
};

afterEach(() => vi.unstubAllGlobals());

/** The API as the panel meets it: each GET answers the next list, DELETE answers the message. */
function serve(lists: AccountKey[][]) {
  const calls: { method: string; url: string }[] = [];
  stubFetch(
    vi.fn((url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url });
      if (method === 'DELETE') {
        return Promise.resolve(
          jsonResponse({
            applicationKeyId: shopKey.applicationKeyId,
            keyName: shopKey.keyName,
            message:
              'Deleted the application key “restic-shop-files” (ID 004shopkey0000000000000002). Anything that still uses it can no longer reach Backblaze.',
          }),
        );
      }
      return Promise.resolve(
        jsonResponse({ accountId: 'e2b1d3f4a5c6', keys: lists.shift() ?? [] }),
      );
    }),
  );
  return calls;
}

describe('KeysPanel', () => {
  it('lists each key with its ID, buckets, access in plain words, expiry and mark', async () => {
    serve([[acmeKey, shopKey, supportKey]]);
    render(<KeysPanel />);
    const acme = await screen.findByRole('article', { name: 'rclone-acme-files' });
    expect(acme).toHaveTextContent('Made by this wizard — in this session’s history');
    expect(acme).toHaveTextContent('Key ID004acmekey0000000000000001');
    expect(acme).toHaveTextContent('Bucketsacme-files');
    expect(acme).toHaveTextContent(
      'AccessCan see the bucket, list files, download files, upload files and delete files. Only files whose names start with “backups/”. (listBuckets, listFiles, readFiles, writeFiles, deleteFiles)',
    );
    expect(acme).toHaveTextContent('ExpiresNever');

    const shop = screen.getByRole('article', { name: 'restic-shop-files' });
    expect(shop).toHaveTextContent('Made by this wizard — recognised by its name');
    expect(shop).toHaveTextContent('Bucketsshop-a, ID bkt-shop-b');
    expect(shop).toHaveTextContent('AccessCan see the buckets and download files.');
    expect(shop).toHaveTextContent('Expires2031-06-01 12:30 UTC');

    const support = screen.getByRole('article', { name: 'support-desk' });
    expect(support).not.toHaveTextContent('Made by this wizard');
    expect(support).toHaveTextContent('BucketsEvery bucket');
    expect(support).toHaveTextContent(
      'AccessCan list application keys, make application keys (so, in effect, do anything) and delete application keys.',
    );
    expect(support).toHaveTextContent(`Can’t be deleted or replaced here. ${CONNECTED}`);
    expect(within(support).queryByRole('button')).toBeNull();
  });

  it('offers Replace only for a key kept to buckets, and says why not for the others', async () => {
    serve([[acmeKey, everything]]);
    const user = userEvent.setup();
    render(<KeysPanel />);
    const acme = await screen.findByRole('article', { name: 'rclone-acme-files' });
    expect(within(acme).getByRole('button', { name: 'Replace rclone-acme-files' })).toBeVisible();
    const all = screen.getByRole('article', { name: 'everything' });
    expect(within(all).queryByRole('button', { name: /Replace/ })).toBeNull();
    expect(within(all).getByRole('button', { name: 'Delete everything' })).toBeVisible();
    await user.click(within(all).getByText('Why there is no Replace'));
    expect(within(all).getByText(everything.cannotReplace!)).toBeVisible();
  });

  it('asks once, naming the key and what stops working, then deletes and lists again', async () => {
    const calls = serve([[acmeKey, shopKey], [acmeKey]]);
    const user = userEvent.setup();
    render(<KeysPanel />);
    const shop = await screen.findByRole('article', { name: 'restic-shop-files' });
    await user.click(within(shop).getByRole('button', { name: 'Delete restic-shop-files' }));

    const question = screen.getByRole('alertdialog', {
      name: 'Delete the key “restic-shop-files”?',
    });
    expect(question).toHaveAccessibleDescription(
      'This deletes the application key “restic-shop-files” (ID 004shopkey0000000000000002) in Backblaze. Anything that still uses it stops working at once: a tool, script or server with this key could see the buckets and download files, in the buckets “shop-a” and “ID bkt-shop-b”. It can’t be taken back.',
    );
    expect(question).toHaveFocus();
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);
    await user.click(within(question).getByRole('button', { name: 'Delete the key' }));

    expect(
      await screen.findByText(
        'Deleted the application key “restic-shop-files” (ID 004shopkey0000000000000002). Anything that still uses it can no longer reach Backblaze.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('article', { name: 'restic-shop-files' })).toBeNull(),
    );
    expect(screen.getByRole('article', { name: 'rclone-acme-files' })).toBeVisible();
    expect(calls).toEqual([
      { method: 'GET', url: '/api/keys' },
      { method: 'DELETE', url: '/api/keys/004shopkey0000000000000002' },
      { method: 'GET', url: '/api/keys' },
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'The account’s keys' })).toHaveFocus();
  });

  it('Cancel (or Escape) deletes nothing', async () => {
    const calls = serve([[shopKey]]);
    const user = userEvent.setup();
    render(<KeysPanel />);
    const shop = await screen.findByRole('article', { name: 'restic-shop-files' });
    await user.click(within(shop).getByRole('button', { name: 'Delete restic-shop-files' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(within(shop).getByRole('button', { name: 'Delete restic-shop-files' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);
  });

  it('shows a refused delete in plain words with the next step', async () => {
    serve([[shopKey]]);
    stubFetch(
      vi.fn((_url: string, init?: RequestInit) =>
        Promise.resolve(
          init?.method === 'DELETE'
            ? jsonResponse(
                {
                  error: {
                    code: 'key_not_found',
                    message:
                      'This account has no application key with the ID 004shopkey0000000000000002. It may have been deleted already: reload the list of the account’s keys.',
                  },
                },
                404,
              )
            : jsonResponse({ accountId: 'e2b1d3f4a5c6', keys: [shopKey] }),
        ),
      ),
    );
    const user = userEvent.setup();
    render(<KeysPanel />);
    const shop = await screen.findByRole('article', { name: 'restic-shop-files' });
    await user.click(within(shop).getByRole('button', { name: 'Delete restic-shop-files' }));
    await user.click(screen.getByRole('button', { name: 'Delete the key' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The key could not be deleted.');
    expect(alert).toHaveTextContent(
      'This account has no application key with the ID 004shopkey0000000000000002.',
    );
  });
});
