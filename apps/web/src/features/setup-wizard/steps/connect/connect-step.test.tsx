import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { litestreamState, renderStep, sandboxAccount } from '../../test-utils';
import { ConnectStep } from './connect-step';

afterEach(() => vi.unstubAllGlobals());

describe('ConnectStep', () => {
  it('asks for both values when they are empty', async () => {
    const { user } = renderStep(<ConnectStep />, litestreamState({ account: null }));
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(
      screen.getByLabelText('Application key ID', { exact: true }),
    ).toHaveAccessibleErrorMessage('Enter the application key ID.');
    expect(screen.getByLabelText('Application key', { exact: true })).toHaveAccessibleErrorMessage(
      'Enter the application key.',
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
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(
          JSON.stringify({
            error: {
              code: 'bad_credentials',
              message: 'Backblaze did not accept this application key ID and key.',
            },
          }),
          { status: 401 },
        ),
      ),
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
});
