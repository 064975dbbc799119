import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../setup-wizard/test-fixtures';
import { SentLinks } from './sent-links';

afterEach(() => vi.unstubAllGlobals());

const list = [
  { id: 'aaaaaaaaaaaaaaaaWAIT01', expiresAt: '2026-01-02T00:00:00.000Z', state: 'waiting' },
  { id: 'aaaaaaaaaaaaaaaaOPEN01', expiresAt: '2026-01-03T00:00:00.000Z', state: 'opened' },
  { id: 'aaaaaaaaaaaaaaaaGONE01', expiresAt: '2026-01-04T00:00:00.000Z', state: 'revoked' },
  { id: 'aaaaaaaaaaaaaaaaLATE01', expiresAt: '2025-12-31T00:00:00.000Z', state: 'expired' },
];

describe('SentLinks', () => {
  it('lists each link with what became of it, and Revoke only for the one not opened yet', async () => {
    stubFetch(vi.fn(async () => jsonResponse({ handovers: list })));
    render(<SentLinks />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Link ending …WAIT01: Not opened yet, works until 2026-01-02 00:00 UTCRevoke',
      'Link ending …OPEN01: Opened',
      'Link ending …GONE01: Revoked',
      'Link ending …LATE01: Expired',
    ]);
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(within(items[0]!).getByRole('button')).toHaveAccessibleName(
      'Revoke the link ending WAIT01',
    );
  });

  it('revokes a link and shows it revoked', async () => {
    const fetch = stubFetch(
      vi.fn(async (_url: string, init: RequestInit) =>
        init.method === 'DELETE'
          ? jsonResponse({ ...list[0], state: 'revoked' })
          : jsonResponse({ handovers: [list[0]] }),
      ),
    );
    const user = userEvent.setup();
    render(<SentLinks />);
    await user.click(await screen.findByRole('button', { name: 'Revoke the link ending WAIT01' }));
    expect(await screen.findByText('Link ending …WAIT01: Revoked')).toBeInTheDocument();
    expect(fetch).toHaveBeenLastCalledWith(
      '/api/handovers/aaaaaaaaaaaaaaaaWAIT01',
      expect.objectContaining({ method: 'DELETE' }),
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when there are none yet', async () => {
    stubFetch(vi.fn(async () => jsonResponse({ handovers: [] })));
    render(<SentLinks />);
    expect(
      await screen.findByText('No links were sent from this session yet.'),
    ).toBeInTheDocument();
  });
});
