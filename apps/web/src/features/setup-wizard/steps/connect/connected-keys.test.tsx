import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../test-fixtures';
import { litestreamState, renderStep } from '../../test-utils';
import { ConnectStep } from './connect-step';

afterEach(() => vi.unstubAllGlobals());

describe('Connect step, once connected: the account’s keys', () => {
  it('asks for the keys only when the panel is opened, and toggles it', async () => {
    const fetch = stubFetch(
      vi.fn(() => Promise.resolve(jsonResponse({ accountId: 'e2b1d3f4a5c6', keys: [] }))),
    );
    const { user } = renderStep(<ConnectStep />, litestreamState());
    const open = screen.getByRole('button', { name: 'The account’s keys' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(fetch).not.toHaveBeenCalled();

    await user.click(open);
    expect(
      await screen.findByText('This account has no application keys besides the master key.'),
    ).toBeVisible();
    expect(open).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('heading', { level: 2, name: 'The account’s keys' })).toHaveFocus();
    expect(fetch.mock.calls.map((call) => (call as unknown[])[0])).toEqual(['/api/keys']);

    await user.click(open);
    expect(screen.queryByRole('heading', { level: 2, name: 'The account’s keys' })).toBeNull();
  });
});
