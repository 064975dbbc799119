import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { litestreamState, renderStep } from '../../test-utils';
import { BucketStep } from './bucket-step';

describe('BucketStep', () => {
  it('starts from the target’s defaults: a new private bucket, encryption on for Litestream', () => {
    renderStep(<BucketStep />, litestreamState());
    expect(screen.getByRole('radio', { name: 'Create a new bucket' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Private' })).toBeChecked();
    expect(
      screen.getByRole('group', { name: 'Default Encryption' }).querySelector('input:checked'),
    ).toHaveAccessibleName('Enable');
  });

  it.each([
    ['My_Bucket', "Bucket names can't contain '_'. Use '-' instead."],
    ['abc', 'Bucket names need at least 6 characters. Add 3 more.'],
    ['my.bucket', "Bucket names can't contain '.'. Use '-' instead."],
    [
      'b2-backups',
      "Bucket names can't start with 'b2-': Backblaze keeps those. Choose another start.",
    ],
  ])('when the name is %s, says how to fix it', async (name, message) => {
    const { user } = renderStep(<BucketStep />, litestreamState());
    const input = screen.getByLabelText('Bucket name');
    await user.clear(input);
    await user.type(input, name);
    expect(input).toHaveAccessibleErrorMessage(message);
  });

  it('warns that Object Lock cannot be turned off', async () => {
    const { user } = renderStep(<BucketStep />, litestreamState());
    const group = screen.getByRole('group', { name: 'Object Lock' });
    await user.click(group.querySelectorAll('input')[1]!);
    expect(screen.getByText('Object Lock can’t be turned off.')).toBeInTheDocument();
  });

  it('shows a server’s “name taken” on the field, with a free name one click away', async () => {
    const { user } = renderStep(
      <BucketStep />,
      litestreamState({
        drafts: { bucket: { mode: 'create', name: 'taken-bucket-name' } },
        submitted: ['bucket', 'lifecycle', 'cors', 'key'],
        fieldErrors: {
          bucket: [
            {
              name: 'name',
              message: 'That bucket name is already taken. Choose another name.',
              suggestion: 'taken-bucket-name-3f9a',
            },
          ],
        },
      }),
    );
    const input = screen.getByLabelText('Bucket name');
    expect(input).toHaveValue('taken-bucket-name');
    expect(input).toHaveAccessibleErrorMessage(
      'That bucket name is already taken. Choose another name.',
    );
    await user.click(screen.getByRole('button', { name: 'Use “taken-bucket-name-3f9a” instead' }));
    expect(input).toHaveValue('taken-bucket-name-3f9a');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('saves the draft and goes on to Lifecycle', async () => {
    const { user, navigate, store } = renderStep(<BucketStep />, litestreamState());
    await user.clear(screen.getByLabelText('Bucket name'));
    await user.type(screen.getByLabelText('Bucket name'), 'acme-app-backups');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(navigate).toHaveBeenCalledWith('lifecycle');
    expect(store.getState().drafts.bucket).toMatchObject({
      mode: 'create',
      name: 'acme-app-backups',
      type: 'allPrivate',
      encryption: true,
      objectLock: false,
    });
  });

  it('proposes a valid bucket name for the tool, kept for the whole visit', async () => {
    const { user, navigate, store } = renderStep(
      <BucketStep />,
      litestreamState({ bucketNameSuffix: 'x7k2p9' }),
    );
    expect(screen.getByLabelText('Bucket name')).toHaveValue('litestream-backups-x7k2p9');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(navigate).toHaveBeenCalledWith('lifecycle');
    expect(store.getState().drafts.bucket).toMatchObject({ name: 'litestream-backups-x7k2p9' });
  });
});
