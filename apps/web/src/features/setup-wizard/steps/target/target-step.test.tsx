import { targetOptionsSchema } from '@b2wiz/shared';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseForm, targetForm } from '../../step-forms';
import { defaultTargetForm } from '../../target-defaults';
import { litestreamDrafts, litestreamState, renderStep } from '../../test-utils';
import { TargetStep } from './target-step';

describe('TargetStep', () => {
  it('when Next is pressed with nothing chosen, asks for a choice', async () => {
    const { user, navigate } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose what you are setting up.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('fills in the chosen tool’s defaults and checks them live, with the fix in the message', async () => {
    const { user } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('radio', { name: 'Litestream' }));
    const dbPath = screen.getByLabelText('Database file on your server');
    expect(dbPath).toHaveValue('/var/lib/app/app.db');
    await user.clear(dbPath);
    await user.type(dbPath, 'app.db');
    await waitFor(() =>
      expect(dbPath).toHaveAccessibleErrorMessage(
        "The database path must be a full path starting with '/', like /var/lib/app/app.db.",
      ),
    );
  });

  it('saves the draft and goes on to Connect', async () => {
    const { user, navigate, store } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('radio', { name: 'JetBackup' }));
    await user.clear(screen.getByLabelText('Destination name'));
    await user.type(screen.getByLabelText('Destination name'), 'Offsite B2');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('connect'));
    expect(store.getState().drafts.target?.target).toBe('jetbackup');
    expect(store.getState().drafts.target?.options?.jetbackup?.destinationName).toBe('Offsite B2');
  });

  it('checks only the chosen tool’s settings', async () => {
    const { user, navigate } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('radio', { name: 'Litestream' }));
    await user.clear(screen.getByLabelText('Database file on your server'));
    await user.click(screen.getByRole('radio', { name: 'rclone' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('connect'));
  });

  it('asks for Litestream’s database path, filled in and explained, and sends what is typed', async () => {
    const { user, navigate, store } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('radio', { name: 'Litestream' }));
    const dbPath = screen.getByLabelText('Database file on your server');
    expect(dbPath).toHaveAccessibleDescription(
      /The full path of the SQLite file on your server: the database Litestream backs up\./,
    );
    await user.clear(dbPath);
    await user.type(dbPath, '/srv/shop/shop.sqlite');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('connect'));
    expect(parseForm(targetForm, store.getState().drafts.target, undefined)?.options).toEqual({
      litestream: { dbPath: '/srv/shop/shop.sqlite', replicaPath: 'app.db' },
    });
  });

  it('starts every tool’s settings at the shared schema’s defaults', () => {
    expect(defaultTargetForm().options).toEqual(
      targetOptionsSchema.parse({
        litestream: {},
        jetbackup: {},
        laravel: {},
        rclone: {},
        restic: {},
        awsCli: {},
      }),
    );
  });

  it('when Next is pressed with a wrong setting, shows it and puts the focus on it', async () => {
    const { user, navigate } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('radio', { name: 'JetBackup' }));
    const name = screen.getByLabelText('Destination name');
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleErrorMessage('Enter a destination name.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('a new tool starts the later steps over from its defaults, keeping the bucket’s name', async () => {
    const { user, navigate, store } = renderStep(
      <TargetStep />,
      litestreamState({
        drafts: litestreamDrafts(),
        submitted: ['bucket', 'lifecycle', 'cors', 'key'],
      }),
    );
    await user.click(screen.getByRole('radio', { name: 'rclone' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('connect'));
    expect(store.getState().drafts).toEqual({
      target: expect.objectContaining({ target: 'rclone' }),
      bucket: { mode: 'create', name: 'acme-db', bucketId: undefined },
    });
    expect(store.getState().submitted).toEqual(['target', 'bucket']);
  });

  it('keeps the later steps when the same tool is sent again', async () => {
    const { user, navigate, store } = renderStep(
      <TargetStep />,
      litestreamState({ drafts: litestreamDrafts(), submitted: ['bucket', 'lifecycle'] }),
    );
    expect(screen.getByRole('radio', { name: 'Litestream' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('connect'));
    expect(store.getState().drafts.lifecycle).toEqual(litestreamDrafts().lifecycle);
    expect(store.getState().submitted).toEqual(['target', 'bucket', 'lifecycle']);
  });

  it('shows a server’s word about a setting on its field, with the focus there', async () => {
    renderStep(<TargetStep />, {
      drafts: { target: { ...defaultTargetForm(), target: 'rclone' } },
      fieldErrors: {
        target: [{ name: 'options.rclone.remoteName', message: 'That remote name is taken.' }],
      },
    });
    const remote = screen.getByLabelText('Remote name');
    await waitFor(() => expect(remote).toHaveAccessibleErrorMessage('That remote name is taken.'));
    expect(remote).toHaveFocus();
  });

  it('switching tools shows each tool’s own settings, and keeps what was typed in each', async () => {
    const { user } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('radio', { name: 'JetBackup' }));
    await user.type(screen.getByLabelText('Destination name'), ' 2');
    await user.click(screen.getByRole('radio', { name: 'Laravel / Flysystem' }));
    expect(screen.getByLabelText('Your app’s address (optional)')).toHaveValue('');
    expect(screen.getByLabelText('Disk name')).toHaveValue('b2');
    await user.click(screen.getByRole('radio', { name: 'JetBackup' }));
    expect(screen.getByLabelText('Destination name')).toHaveValue('Backblaze B2 2');
    expect(screen.getByLabelText('Backup directory')).toHaveValue('jetbackup');
  });
});
