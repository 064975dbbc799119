import type { HandoverBundle } from '@b2wiz/shared';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../setup-wizard/test-fixtures';
import { sealBundle } from './handover-crypto';
import { HandoverPage } from './handover-page';
import { openHandover } from './open-handover';

const ID = 'abcdefghijklmnopqrstuv';
const bundle: HandoverBundle = {
  version: 1,
  applicationKeyId: '004keyid',
  applicationKey: 'K004TheSecret',
  bucketName: 'acme-db',
  endpoint: 'https://s3.us-west-004.backblazeb2.com',
  region: 'us-west-004',
  files: [{ filename: 'rclone.conf', mediaType: 'text/plain', content: '[b2]\n' }],
};

afterEach(() => vi.unstubAllGlobals());

const gone = (code: string, message: string, status = 410) =>
  stubFetch(vi.fn(async () => jsonResponse({ error: { code, message } }, status)));

describe('the handover page', () => {
  it('reads the link once with a POST and shows every value with Copy, and the files with Download', async () => {
    const { ciphertext, key } = await sealBundle(bundle);
    const fetch = stubFetch(
      vi.fn(async (_url: string, _init: RequestInit) => jsonResponse({ ciphertext })),
    );
    render(<HandoverPage opening={openHandover(`/handover/${ID}`, `#${key}`)} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your Backblaze B2 key' }),
    ).toBeInTheDocument();
    for (const [label, value] of [
      ['Application key ID', '004keyid'],
      ['Application key', 'K004TheSecret'],
      ['Bucket name', 'acme-db'],
      ['Endpoint', 'https://s3.us-west-004.backblazeb2.com'],
      ['Region', 'us-west-004'],
    ]) {
      const group = screen.getByRole('group', { name: label });
      expect(within(group).getByRole('code')).toHaveTextContent(value!);
      expect(within(group).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    }
    const file = screen.getByRole('article', { name: 'rclone.conf' });
    expect(within(file).getByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download the values' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/handovers/${ID}`);
    expect(init.method).toBe('POST');
    // The key stays in the page: it is in no request.
    expect(JSON.stringify(fetch.mock.calls)).not.toContain(key);
  });

  it.each([
    ['handover_opened', 'This link was already opened'],
    ['handover_expired', 'This link has expired'],
    ['handover_revoked', 'This link was revoked'],
  ])(
    'when the server answers %s, then it says what happened and to ask the sender',
    async (code, title) => {
      gone(code, 'What the server said.');
      render(<HandoverPage opening={openHandover(`/handover/${ID}`, `#${'k'.repeat(43)}`)} />);
      expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
      expect(screen.getByText('What the server said.')).toBeInTheDocument();
      expect(
        screen.getByText(
          'Ask the person who sent you this link to send a new one. They can make it again in the B2 Setup Wizard.',
        ),
      ).toBeInTheDocument();
    },
  );

  it('when the key after “#” is missing or cut short, then nothing is read, so nothing is used up', async () => {
    const fetch = stubFetch(vi.fn());
    for (const hash of ['', `#${'k'.repeat(40)}`]) {
      const { unmount } = render(<HandoverPage opening={openHandover(`/handover/${ID}`, hash)} />);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'This link is incomplete' }),
      ).toBeInTheDocument();
      unmount();
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when the key does not open what the link held, then it says so and to ask the sender', async () => {
    const { ciphertext } = await sealBundle(bundle);
    const other = await sealBundle(bundle);
    stubFetch(vi.fn(async () => jsonResponse({ ciphertext })));
    render(<HandoverPage opening={openHandover(`/handover/${ID}`, `#${other.key}`)} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This link could not be unlocked' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('K004TheSecret')).not.toBeInTheDocument();
  });

  it('when too many links were opened from here, then it says to wait and reload', async () => {
    gone(
      'rate_limited',
      'Too many handover links were opened from this address. Wait a minute, then reload the page.',
      429,
    );
    render(<HandoverPage opening={openHandover(`/handover/${ID}`, `#${'k'.repeat(43)}`)} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'The link could not be opened' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Too many handover links were opened from this address. Wait a minute, then reload the page.',
    );
  });
});
