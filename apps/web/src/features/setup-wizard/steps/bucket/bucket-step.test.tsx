import type { BucketSummary, EncryptionSetting } from '@b2wiz/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bucketWith, KEEP_PRIOR_30 } from '../../test-buckets';
import { litestreamState, renderStep } from '../../test-utils';
import { BucketStep } from './bucket-step';

const ALWAYS_ON = 'Encryption: always on. Backblaze encrypts every file it stores.';

function bucket(bucketName: string, encryption: EncryptionSetting | null): BucketSummary {
  return { ...bucketWith(bucketName), defaultServerSideEncryption: encryption };
}

/** The Bucket step on "Use a bucket you already have", with the list already loaded. */
function existingBuckets() {
  return litestreamState({
    drafts: { bucket: { mode: 'existing', bucketId: '' } },
    buckets: [
      bucket('acme-encrypted', { mode: 'SSE-B2', algorithm: 'AES256' }),
      bucket('acme-older', { mode: 'none' }),
      bucket('acme-unreadable', null),
    ],
  });
}

describe('BucketStep', () => {
  it('starts from the target’s defaults: a new private bucket', () => {
    renderStep(<BucketStep />, litestreamState());
    expect(screen.getByRole('radio', { name: 'Create a new bucket' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Private' })).toBeChecked();
  });

  it('says encryption is always on, technical name in small print, and offers no switch', () => {
    renderStep(<BucketStep />, litestreamState());
    const sentence = screen.getByText(ALWAYS_ON);
    expect(sentence).toHaveTextContent(`${ALWAYS_ON} (SSE-B2, AES-256)`);
    expect(sentence.querySelector('small')).toHaveTextContent('(SSE-B2, AES-256)');
    expect(screen.queryByRole('group', { name: /encryption/i })).not.toBeInTheDocument();
    for (const role of ['checkbox', 'switch', 'radio'] as const) {
      expect(screen.queryAllByRole(role, { name: /encrypt/i })).toHaveLength(0);
    }
    // The only Enable/Disable pair left is Object Lock's.
    expect(screen.getAllByRole('radio', { name: 'Disable' })).toHaveLength(1);
    expect(document.body).not.toHaveTextContent(/encryption (is )?(off|disabled)/i);
  });

  it('for an existing bucket, says its encryption in plain words, never “off”', async () => {
    const { user } = renderStep(<BucketStep />, existingBuckets());
    await user.click(screen.getByRole('radio', { name: 'acme-older' }));
    expect(
      screen.getByText(
        'Encryption: Backblaze is switching this bucket over to always-on encryption; nothing needs doing.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(ALWAYS_ON)).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'acme-encrypted' }));
    expect(screen.getByText(ALWAYS_ON)).toHaveTextContent(`${ALWAYS_ON} (SSE-B2, AES-256)`);
    expect(screen.queryByText(/switching this bucket over/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'acme-unreadable' }));
    expect(
      screen.getByText('Encryption: not known; the connected key may not read this setting.'),
    ).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/encryption (is )?(off|disabled)/i);
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
      objectLock: false,
    });
    expect(store.getState().drafts.bucket).not.toHaveProperty('encryption');
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

  it('says at once that the account already has a bucket of that name, and offers it', async () => {
    const owned = bucketWith('acme-db', { lifecycleRules: KEEP_PRIOR_30 });
    const { user } = renderStep(<BucketStep />, litestreamState({ buckets: [owned] }));
    const input = screen.getByLabelText('Bucket name');
    await user.clear(input);
    await user.type(input, 'ACME-db');
    expect(input).toHaveAccessibleErrorMessage(
      'You already have a bucket named “acme-db”: use it below, or type another name for a new one.',
    );
    await user.click(screen.getByRole('button', { name: 'Use a bucket you already have' }));
    expect(screen.getByRole('radio', { name: 'Use a bucket you already have' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'acme-db' })).toBeChecked();
  });

  it('says a server’s “you already have it” in one sentence', () => {
    renderStep(
      <BucketStep />,
      litestreamState({
        buckets: [],
        drafts: { bucket: { mode: 'create', name: 'acme-db' } },
        submitted: ['bucket', 'lifecycle', 'cors', 'key'],
        fieldErrors: {
          bucket: [
            {
              name: 'name',
              message:
                'You already have a bucket named “acme-db”. Choose “use an existing bucket” to set it up, or pick another name.',
            },
          ],
        },
      }),
    );
    expect(screen.getByLabelText('Bucket name')).toHaveAccessibleErrorMessage(
      'You already have a bucket named “acme-db”: use it below, or type another name for a new one.',
    );
    expect(document.body).not.toHaveTextContent(/existing bucket|Choose “Use a bucket/);
    expect(
      screen.getByRole('button', { name: 'Use a bucket you already have' }),
    ).toBeInTheDocument();
  });

  it('switching to a bucket you already have asks the rule steps again', async () => {
    const owned = bucketWith('acme-db');
    const { user, store, navigate } = renderStep(
      <BucketStep />,
      litestreamState({
        buckets: [owned],
        drafts: {
          bucket: { mode: 'create', name: 'acme-new' },
          lifecycle: { preset: 'keepLatest', days: 30 },
          cors: { preset: 'none' },
        },
        submitted: ['bucket', 'lifecycle', 'cors'],
      }),
    );
    await user.click(screen.getByRole('radio', { name: 'Use a bucket you already have' }));
    await user.click(screen.getByRole('radio', { name: 'acme-db' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(navigate).toHaveBeenCalledWith('lifecycle');
    expect(store.getState().drafts.lifecycle).toEqual({ days: 30 });
    expect(store.getState().drafts.cors).toEqual({});
  });

  it('after “Change” on Review, Next becomes “Back to review”', async () => {
    const { user, navigate } = renderStep(<BucketStep />, {
      ...litestreamState({ buckets: [] }),
      returnToReview: true,
    });
    await user.click(screen.getByRole('button', { name: 'Back to review' }));
    expect(navigate).toHaveBeenCalledWith('review');
  });
});
