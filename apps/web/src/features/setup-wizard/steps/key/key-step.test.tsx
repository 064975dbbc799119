import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSetupRequest } from '../../build-setup-request';
import { renderStep, submittedThrough } from '../../test-utils';
import { KeyStep } from './key-step';

const beforeKey = () => submittedThrough('cors');

describe('KeyStep', () => {
  it('when the name is left empty, uses the default name', async () => {
    const { user, navigate, store } = renderStep(<KeyStep />, beforeKey());
    expect(screen.getByLabelText('Name of key')).toHaveAccessibleDescription(
      /If you leave it empty, it is called “litestream-acme-db”/,
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(navigate).toHaveBeenCalledWith('review');
    expect(buildSetupRequest(store.getState())?.key).toMatchObject({
      name: 'litestream-acme-db',
      access: 'readWrite',
      restrictToBucket: true,
      listAllBucketNames: true,
    });
  });

  it('says how to fix a key name', async () => {
    const { user } = renderStep(<KeyStep />, beforeKey());
    await user.type(screen.getByLabelText('Name of key'), 'my key');
    expect(screen.getByLabelText('Name of key')).toHaveAccessibleErrorMessage(
      "Key names can't contain spaces. Use '-' instead.",
    );
  });

  it('checks the expiry', async () => {
    const { user } = renderStep(<KeyStep />, beforeKey());
    const days = screen.getByLabelText('Days until the key expires (optional)');
    await user.type(days, '1000');
    expect(days).toHaveAccessibleErrorMessage('Days until the key expires can be at most 999.');
  });

  it('warns when the key is not kept to the bucket', async () => {
    const { user } = renderStep(<KeyStep />, beforeKey());
    await user.click(screen.getByRole('checkbox', { name: /Allow access only to the bucket/ }));
    expect(
      screen.getByText('This key will reach every bucket in the account.'),
    ).toBeInTheDocument();
  });

  it('warns beside the access choice when it is less than the tool needs, and the text follows the choice', async () => {
    const { user } = renderStep(<KeyStep />, beforeKey());
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    expect(
      screen.getByText(/The key can reach only this bucket, to read, upload and delete files\./),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Read only' }));
    expect(status).toHaveTextContent(
      'Litestream cannot back up with a read-only key: it needs to upload files and delete old files.',
    );
    expect(status).toHaveTextContent('Choose “Read and write”, the default for Litestream');
    const intro = screen.getByText(/The key can reach only this bucket/);
    expect(intro).toHaveTextContent(
      'The key can reach only this bucket, to read files, and never change them. That is less than Litestream needs.',
    );
    expect(intro).not.toHaveTextContent(/write/);
    await user.click(screen.getByRole('radio', { name: 'Read and write' }));
    expect(status).toBeEmptyDOMElement();
  });

  it('gives no warning when the access is enough for the tool', async () => {
    const state = beforeKey();
    const { user } = renderStep(<KeyStep />, {
      ...state,
      drafts: { ...state.drafts, target: { ...state.drafts!.target, target: 'laravel' } },
    });
    await user.click(screen.getByRole('radio', { name: 'Read and write, no delete' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.getByText(/That is what Laravel needs, and nothing more\./)).toBeInTheDocument();
  });
});
