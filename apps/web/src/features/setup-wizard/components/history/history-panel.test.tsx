import type { SetupEntry } from '@b2wiz/shared';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../test-fixtures';
import { HistoryPanel } from './history-panel';

const acme: SetupEntry = {
  idempotencyKey: 'apply-acme-0001',
  customer: 'Acme GmbH',
  target: 'rclone',
  createdAt: Date.UTC(2026, 2, 14, 9, 5, 42),
  bucket: { bucketId: 'bkt-acme', bucketName: 'acme-gmbh-rclone-files-x7', made: true },
  key: { applicationKeyId: '004acmekey', keyName: 'rclone-acme-gmbh-rclone-files-x7' },
  canUndo: true,
  undone: null,
};
const shop: SetupEntry = {
  ...acme,
  idempotencyKey: 'apply-shop-0002',
  customer: null,
  target: 'restic',
  bucket: { bucketId: 'bkt-shop', bucketName: 'shop-files', made: false },
  key: { applicationKeyId: '004shopkey', keyName: 'restic-shop-files' },
};

afterEach(() => vi.unstubAllGlobals());

function serve(lists: SetupEntry[][]) {
  const calls: { method: string; url: string }[] = [];
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    // The panel also lists the handover links sent from this session.
    if (url.endsWith('/api/handovers')) {
      return Promise.resolve(
        jsonResponse({
          handovers: [
            {
              id: 'h000000000000000abc123',
              expiresAt: '2026-03-15T09:05:00.000Z',
              state: 'waiting',
            },
          ],
        }),
      );
    }
    calls.push({ method, url });
    if (method === 'DELETE') {
      return Promise.resolve(
        jsonResponse({
          idempotencyKey: acme.idempotencyKey,
          removed: [
            { thing: 'key', what: 'the application key “rclone-acme” (ID 004acmekey)' },
            { thing: 'bucket', what: 'the bucket “acme-gmbh-rclone-files-x7”' },
          ],
          kept: [],
          rulesBefore: null,
          message:
            'Removed the application key “rclone-acme” (ID 004acmekey) and the bucket “acme-gmbh-rclone-files-x7”.',
        }),
      );
    }
    return Promise.resolve(jsonResponse({ setups: lists.shift() ?? [] }));
  });
  stubFetch(fetch);
  return calls;
}

describe('HistoryPanel', () => {
  it('asks for nothing until opened, then lists the setups with their time, tool, bucket and key', async () => {
    const calls = serve([[acme, shop]]);
    const user = userEvent.setup();
    render(<HistoryPanel />);
    expect(calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Show the history' }));
    const item = await screen.findByRole('article', { name: 'Setup for Acme GmbH' });
    expect(item).toHaveTextContent('Time2026-03-14 09:05 UTC');
    expect(item).toHaveTextContent('Toolrclone');
    expect(item).toHaveTextContent('Bucketacme-gmbh-rclone-files-x7 (new)');
    expect(item).toHaveTextContent('Key ID004acmekey (rclone-acme-gmbh-rclone-files-x7)');
    const other = screen.getByRole('article', { name: 'Setup for No customer or ticket given' });
    expect(other).toHaveTextContent('Bucketshop-files (you had it before)');
    expect(calls).toEqual([{ method: 'GET', url: '/api/setups' }]);
    // The links sent to customers are listed here too, each with Revoke while not opened.
    const links = await screen.findByRole('region', { name: 'Links sent to customers' });
    expect(await within(links).findByText(/Not opened yet/)).toBeInTheDocument();
    expect(within(links).getByRole('button', { name: /Revoke/ })).toBeInTheDocument();
  });

  it('asks once, naming the key and the bucket, then undoes and says what was removed', async () => {
    const undone = { ...acme, canUndo: false, undone: 'Removed everything.' };
    const calls = serve([
      [acme, shop],
      [undone, shop],
    ]);
    const user = userEvent.setup();
    render(<HistoryPanel />);
    await user.click(screen.getByRole('button', { name: 'Show the history' }));
    const item = await screen.findByRole('article', { name: 'Setup for Acme GmbH' });
    await user.click(within(item).getByRole('button', { name: 'Undo' }));

    const question = screen.getByRole('alertdialog', { name: 'Undo the setup for Acme GmbH?' });
    expect(question).toHaveAccessibleDescription(
      'This deletes the application key “rclone-acme-gmbh-rclone-files-x7” (ID 004acmekey), and the bucket “acme-gmbh-rclone-files-x7” if it holds no files. It can’t be taken back.',
    );
    expect(question).toHaveFocus();
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);
    await user.click(within(question).getByRole('button', { name: 'Undo the setup' }));

    expect(
      await screen.findByText(
        'Removed the application key “rclone-acme” (ID 004acmekey) and the bucket “acme-gmbh-rclone-files-x7”.',
      ),
    ).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([
      { method: 'DELETE', url: '/api/setups/apply-acme-0001' },
    ]);
    await waitFor(() =>
      expect(
        within(screen.getByRole('article', { name: 'Setup for Acme GmbH' })).queryByRole('button', {
          name: 'Undo',
        }),
      ).toBeNull(),
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says an existing bucket stays, and Cancel undoes nothing', async () => {
    const calls = serve([[shop]]);
    const user = userEvent.setup();
    render(<HistoryPanel />);
    await user.click(screen.getByRole('button', { name: 'Show the history' }));
    const item = await screen.findByRole('article', { name: /Setup for/ });
    await user.click(within(item).getByRole('button', { name: 'Undo' }));
    const question = screen.getByRole('alertdialog', { name: 'Undo the setup of shop-files?' });
    expect(question).toHaveAccessibleDescription(
      'This deletes the application key “restic-shop-files” (ID 004shopkey). The bucket “shop-files” was in the account before this setup and stays, with the rules it has now. It can’t be taken back.',
    );
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);
  });
});
