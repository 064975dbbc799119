import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, setupResult, stubFetch } from '../setup-wizard/test-fixtures';
import { openBundle } from './handover-crypto';
import { SendToCustomer } from './send-to-customer';

const ID = 'abcdefghijklmnopqrstuv';
const EXPIRES = '2026-01-02T09:30:00.000Z';
const result = setupResult({
  files: [
    {
      target: 'rclone',
      filename: 'rclone.conf',
      mediaType: 'text/plain',
      content: 'secret_access_key = K004TheSecret\n',
    },
  ],
});

afterEach(() => vi.unstubAllGlobals());

/** The API as the component meets it: make, list, revoke. */
function api() {
  return stubFetch(
    vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/handovers' && init.method === 'POST') {
        return jsonResponse({ id: ID, expiresAt: EXPIRES }, 201);
      }
      if (url === '/api/handovers') {
        return jsonResponse({ handovers: [{ id: ID, expiresAt: EXPIRES, state: 'waiting' }] });
      }
      if (url === `/api/handovers/${ID}` && init.method === 'DELETE') {
        return jsonResponse({ id: ID, expiresAt: EXPIRES, state: 'revoked' });
      }
      return jsonResponse({ error: { code: 'not_found', message: 'no' } }, 404);
    }),
  );
}

describe('SendToCustomer', () => {
  it('sends only a ciphertext and the chosen time, and shows a link whose #fragment opens it to the key and files', async () => {
    const fetch = api();
    const user = userEvent.setup();
    render(<SendToCustomer result={result} endpoint="https://s3.us-west-004.backblazeb2.com" />);
    await user.click(screen.getByRole('button', { name: 'Prepare a one-time link' }));
    await user.selectOptions(screen.getByLabelText('The link works for'), '7 days');
    await user.click(screen.getByRole('button', { name: 'Make a one-time link' }));

    const group = await screen.findByRole('group', { name: 'One-time link' });
    const link = within(group).getByRole('code').textContent ?? '';
    const match = new RegExp(`^${window.location.origin}/handover/${ID}#([A-Za-z0-9_-]{43})$`).exec(
      link,
    );
    expect(match).not.toBeNull();
    expect(within(group).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(
      screen.getByText('Opens once, until 2026-01-02 09:30 UTC. Send it only to the customer.'),
    ).toBeInTheDocument();

    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/handovers');
    const body = JSON.parse(String(init.body)) as { ciphertext: string; ttlHours: number };
    expect(Object.keys(body).sort()).toEqual(['ciphertext', 'ttlHours']);
    expect(body.ttlHours).toBe(168);
    expect(String(init.body)).not.toContain('K004TheSecret');
    expect(String(init.body)).not.toContain(match![1]);
    await expect(openBundle(body.ciphertext, match![1]!)).resolves.toEqual({
      version: 1,
      applicationKeyId: '004keyid',
      applicationKey: 'K004TheSecret',
      bucketName: 'acme-db',
      endpoint: 'https://s3.us-west-004.backblazeb2.com',
      region: 'us-west-004',
      files: [
        {
          filename: 'rclone.conf',
          mediaType: 'text/plain',
          content: 'secret_access_key = K004TheSecret\n',
        },
      ],
    });
    // The list of sent links shows up with the new one.
    expect(
      await screen.findByText(
        'Link ending …qrstuv: Not opened yet, works until 2026-01-02 09:30 UTC',
      ),
    ).toBeInTheDocument();
  });

  it('defaults to 24 hours', async () => {
    const fetch = api();
    const user = userEvent.setup();
    render(<SendToCustomer result={result} endpoint="https://e" />);
    await user.click(screen.getByRole('button', { name: 'Prepare a one-time link' }));
    expect(screen.getByLabelText('The link works for')).toHaveValue('24');
    await user.click(screen.getByRole('button', { name: 'Make a one-time link' }));
    await screen.findByRole('group', { name: 'One-time link' });
    const [, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(String(init.body)).ttlHours).toBe(24);
  });

  it('revokes the link it made, and says so', async () => {
    const fetch = api();
    const user = userEvent.setup();
    render(<SendToCustomer result={result} endpoint="https://e" />);
    await user.click(screen.getByRole('button', { name: 'Prepare a one-time link' }));
    await user.click(screen.getByRole('button', { name: 'Make a one-time link' }));
    await user.click(await screen.findByRole('button', { name: 'Revoke this link' }));
    expect(
      await screen.findByText('This link is revoked: it no longer opens.'),
    ).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      `/api/handovers/${ID}`,
      expect.objectContaining({ method: 'DELETE' }),
    );
  });

  it('when the session has ended, then says so and what to do', async () => {
    stubFetch(
      vi.fn(async () =>
        jsonResponse(
          { error: { code: 'not_connected', message: 'You are not connected to Backblaze.' } },
          401,
        ),
      ),
    );
    const user = userEvent.setup();
    render(<SendToCustomer result={result} endpoint="https://e" />);
    await user.click(screen.getByRole('button', { name: 'Prepare a one-time link' }));
    await user.click(screen.getByRole('button', { name: 'Make a one-time link' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That did not work.');
    expect(alert).toHaveTextContent('You are not connected to Backblaze.');
    expect(alert).toHaveTextContent('Go back to the Connect step and connect again.');
    expect(screen.queryByRole('group', { name: 'One-time link' })).not.toBeInTheDocument();
  });

  it('starts folded: one sentence and a button, no choices yet', async () => {
    api();
    const user = userEvent.setup();
    render(<SendToCustomer result={result} endpoint="https://e" />);
    expect(screen.queryByLabelText('The link works for')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Make a one-time link' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Prepare a one-time link' }));
    expect(await screen.findByLabelText('The link works for')).toHaveValue('24');
  });

  it('asks the API for nothing until a link is made or the list is asked for', async () => {
    const fetch = api();
    const user = userEvent.setup();
    render(<SendToCustomer result={result} endpoint="https://e" />);
    await user.click(screen.getByRole('button', { name: 'Prepare a one-time link' }));
    expect(fetch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Show the links sent from this session' }));
    expect(
      await screen.findByRole('button', { name: 'Revoke the link ending qrstuv' }),
    ).toBeVisible();
  });
});
