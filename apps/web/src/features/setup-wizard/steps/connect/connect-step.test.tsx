import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../test-fixtures';
import { litestreamState, renderStep, sandboxAccount } from '../../test-utils';
import { ConnectStep } from './connect-step';

/** Fetch answers every request with `body` as JSON text, as the server would, and `status`. */
function answerWith(body: unknown, status = 200) {
  return stubFetch(vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { status })));
}

afterEach(() => vi.unstubAllGlobals());

describe('ConnectStep', () => {
  it('asks for both values when they are empty', async () => {
    const { user } = renderStep(<ConnectStep />, litestreamState({ account: null }));
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    // Validation answers on a later tick: wait for it.
    await waitFor(() =>
      expect(
        screen.getByLabelText('Application key ID', { exact: true }),
      ).toHaveAccessibleErrorMessage('Enter the application key ID.'),
    );
    await waitFor(() =>
      expect(
        screen.getByLabelText('Application key', { exact: true }),
      ).toHaveAccessibleErrorMessage('Enter the application key.'),
    );
  });

  it('masks the key until "Show key" is pressed, and says how to fix a pasted space', async () => {
    const { user } = renderStep(<ConnectStep />, litestreamState({ account: null }));
    const key = screen.getByLabelText('Application key', { exact: true });
    expect(key).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show key' }));
    expect(key).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Show key' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.type(key, 'K004abc def');
    expect(key).toHaveAccessibleErrorMessage(
      'The application key has a space or hidden character in it. Paste it again.',
    );
  });

  it('when Backblaze refuses the key, says so with the next step', async () => {
    answerWith(
      {
        error: {
          code: 'bad_credentials',
          message: 'Backblaze did not accept this application key ID and key.',
        },
      },
      401,
    );
    const { user, store } = renderStep(<ConnectStep />, litestreamState({ account: null }));
    await user.type(screen.getByLabelText('Application key ID', { exact: true }), '0004wrong');
    await user.type(screen.getByLabelText('Application key', { exact: true }), 'K004wrong');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Backblaze did not accept this application key ID and key.');
    expect(alert).toHaveTextContent('Check that you pasted the key ID into "Application key ID"');
    expect(store.getState().account).toBeNull();
  });

  it('says plainly that the master key is fine here but never for S3 tools', () => {
    renderStep(<ConnectStep />, litestreamState());
    expect(screen.getByText('This is the master application key.')).toBeInTheDocument();
    expect(
      screen.getByText(/never works with S3 tools, so never put it into Litestream/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('when the key lacks a capability the wizard needs, names it and does not go on', () => {
    renderStep(
      <ConnectStep />,
      litestreamState({
        account: { ...sandboxAccount, isMasterKey: false, missingCapabilities: ['writeKeys'] },
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'It can’t create application keys (the capability “writeKeys”).',
    );
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('a key kept to one bucket: says plainly that it connects but cannot finish, and which key to use', () => {
    renderStep(
      <ConnectStep />,
      litestreamState({
        account: {
          ...sandboxAccount,
          isMasterKey: false,
          sandbox: false,
          missingCapabilities: ['writeBuckets', 'writeKeys'],
          restrictedBucket: { bucketId: 'b1', bucketName: 'acme-db' },
        },
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'This key works only with the bucket “acme-db”, so it can’t finish a setup.',
    );
    expect(alert).toHaveTextContent('a key kept to one bucket can never make keys');
    expect(alert).toHaveTextContent(
      'connect with the master application key, or with a key for all buckets that may create keys (the capability “writeKeys”)',
    );
    expect(screen.queryByText(/You can set up that bucket/)).toBeNull();
    expect(screen.queryByText('This key can’t set things up.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('with the sandbox off on the server, shows no sandbox at all', async () => {
    const fetch = answerWith({ ok: true, sandbox: false });
    const { store, container } = renderStep(
      <ConnectStep />,
      litestreamState({ account: null, sandboxOffered: null }),
    );
    await waitFor(() => expect(store.getState().sandboxOffered).toBe(false));
    expect(fetch).toHaveBeenCalledWith('/api/health', expect.objectContaining({ method: 'GET' }));
    expect(screen.queryByRole('button', { name: /sandbox/i })).toBeNull();
    expect(container).not.toHaveTextContent(/sandbox/i);
    expect(screen.getByRole('button', { name: 'Connect' })).toBeEnabled();
  });

  it('offers the sandbox once the server says it has one', async () => {
    answerWith({ ok: true, sandbox: true });
    renderStep(<ConnectStep />, litestreamState({ account: null, sandboxOffered: null }));
    expect(await screen.findByRole('button', { name: 'Practice in the sandbox' })).toBeEnabled();
  });

  it('when the server refuses the sandbox, says what to do once', async () => {
    const body = {
      error: {
        code: 'sandbox_off',
        message:
          'The practice sandbox is turned off on this server. Connect with your own application key.',
      },
    };
    answerWith(body, 400);
    const { user } = renderStep(<ConnectStep />, litestreamState({ account: null }));
    await user.click(screen.getByRole('button', { name: 'Practice in the sandbox' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent?.match(/Connect with your own application key/g)).toHaveLength(1);
  });

  it.each([
    ['the wizard’s server does not answer', () => Promise.reject(new TypeError('fetch failed'))],
    ['the server is busy', () => Promise.resolve(new Response('busy', { status: 503 }))],
    [
      'Backblaze is busy',
      () =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              error: {
                code: 'service_unavailable',
                message: 'Backblaze is busy.',
                retryable: true,
              },
            }),
            { status: 503 },
          ),
        ),
    ],
  ])('when %s, never mentions a Retry button Connect does not have', async (_, answer) => {
    stubFetch(vi.fn().mockImplementation(answer));
    const { user } = renderStep(<ConnectStep />, litestreamState({ account: null }));
    await user.type(screen.getByLabelText('Application key ID', { exact: true }), '0004abc');
    await user.type(screen.getByLabelText('Application key', { exact: true }), 'K004abc');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/try again/);
    expect(alert).not.toHaveTextContent(/retry/i);
  });
});
