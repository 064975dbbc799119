import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseForm, targetForm } from '../../step-forms';
import { renderStep } from '../../test-utils';
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
    expect(dbPath).toHaveAccessibleErrorMessage(
      "The database path must be a full path starting with '/', like /var/lib/app/app.db.",
    );
  });

  it('saves the draft and goes on to Connect', async () => {
    const { user, navigate, store } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('radio', { name: 'JetBackup' }));
    await user.clear(screen.getByLabelText('Destination name'));
    await user.type(screen.getByLabelText('Destination name'), 'Offsite B2');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(navigate).toHaveBeenCalledWith('connect');
    expect(store.getState().drafts.target?.target).toBe('jetbackup');
    expect(store.getState().drafts.target?.options?.jetbackup?.destinationName).toBe('Offsite B2');
  });

  it('checks only the chosen tool’s settings', async () => {
    const { user, navigate } = renderStep(<TargetStep />);
    await user.click(screen.getByRole('radio', { name: 'Litestream' }));
    await user.clear(screen.getByLabelText('Database file on your server'));
    await user.click(screen.getByRole('radio', { name: 'rclone' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(navigate).toHaveBeenCalledWith('connect');
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
    expect(navigate).toHaveBeenCalledWith('connect');
    expect(parseForm(targetForm, store.getState().drafts.target, undefined)?.options).toEqual({
      litestream: { dbPath: '/srv/shop/shop.sqlite', replicaPath: 'app.db' },
    });
  });
});
