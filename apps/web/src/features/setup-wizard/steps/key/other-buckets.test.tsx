// "Also give it access to" on the key step: offered by tool (shared's multi-bucket-keys table),
// the warning for tools on B2's old API, and the request it builds (key.extraBucketIds).
import type { BucketSummary } from '@b2wiz/shared';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSetupRequest } from '../../build-setup-request';
import { bucketWith } from '../../test-buckets';
import { jsonResponse, stubFetch } from '../../test-fixtures';
import { renderStep, submittedThrough } from '../../test-utils';
import { settingsOnly } from '../../wizard-store';
import { KeyStep } from './key-step';

const photos: BucketSummary = {
  ...bucketWith('acme-photos'),
  bucketId: '4a48fe8875c6214145260818',
};
const logs: BucketSummary = { ...bucketWith('acme-logs'), bucketId: 'e73ede9c9c8412db49f60715' };

const forTarget = (target: string, extra: Parameters<typeof submittedThrough>[1] = {}) => {
  const state = submittedThrough('cors', { buckets: [photos, logs], ...extra });
  return {
    ...state,
    drafts: { ...state.drafts, target: { ...state.drafts!.target, target } },
  } as ReturnType<typeof submittedThrough>;
};

const toggle = () => screen.getByRole('checkbox', { name: 'Also give it access to other buckets' });

afterEach(() => vi.unstubAllGlobals());

describe('KeyStep: also give it access to other buckets', () => {
  it('for Litestream, lists the other buckets, warns who cannot use such a key, and sends the ones ticked', async () => {
    const { user, store, navigate } = renderStep(<KeyStep />, forTarget('litestream'));
    expect(screen.queryByRole('group', { name: 'Also give it access to' })).toBeNull();
    await user.click(toggle());
    const group = await screen.findByRole('group', { name: 'Also give it access to' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(2);
    expect(within(group).getByRole('checkbox', { name: 'acme-photos' })).not.toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'acme-logs' })).not.toBeChecked();
    expect(
      await screen.findByText(
        /Tools still on B2’s old API cannot use a key for several buckets at all/,
      ),
    ).toHaveTextContent(
      'Of the tools this wizard knows: JetBackup, rclone’s b2 remotes before rclone 1.72 (Debian’s rclone 1.60 among them), restic’s b2: backend (still on API version 3), duplicity’s b2:// backend (Debian’s b2sdk 1.17 signs in on API version 2), cPanel / WHM backups and Synology Hyper Backup / Cloud Sync.',
    );
    await user.click(within(group).getByRole('checkbox', { name: 'acme-logs' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(navigate).toHaveBeenCalledWith('review');
    expect(buildSetupRequest(store.getState())?.key.extraBucketIds).toEqual([
      'e73ede9c9c8412db49f60715',
    ]);
  });

  it('for rclone, offers none and says why in one sentence', () => {
    renderStep(<KeyStep />, forTarget('rclone'));
    expect(screen.queryByRole('checkbox', { name: /Also give it access/ })).toBeNull();
    expect(
      screen.getByText(
        'rclone cannot use a key for several buckets: the main remote in rclone.conf uses rclone’s b2 backend, which signs in on API version 1 before rclone 1.72 (Debian’s rclone 1.60 among them).',
      ),
    ).toBeInTheDocument();
  });

  it('for JetBackup, offers none either', () => {
    renderStep(<KeyStep />, forTarget('jetbackup'));
    expect(screen.queryByRole('checkbox', { name: /Also give it access/ })).toBeNull();
    expect(
      screen.getByText(/^JetBackup cannot use a key for several buckets:/),
    ).toBeInTheDocument();
  });

  it('is gone when the key is not kept to its bucket, and sends no other buckets then', async () => {
    const { user, store } = renderStep(<KeyStep />, forTarget('aws-cli'));
    await user.click(toggle());
    await user.click(await screen.findByRole('checkbox', { name: 'acme-photos' }));
    await user.click(screen.getByRole('checkbox', { name: /Allow access only to the bucket/ }));
    expect(screen.queryByRole('checkbox', { name: /Also give it access/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(buildSetupRequest(store.getState())?.key).not.toHaveProperty('extraBucketIds');
  });

  it('when it is closed again, sends no other buckets', async () => {
    const { user, store } = renderStep(<KeyStep />, forTarget('aws-cli'));
    await user.click(toggle());
    await user.click(await screen.findByRole('checkbox', { name: 'acme-photos' }));
    await user.click(toggle());
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(buildSetupRequest(store.getState())?.key).not.toHaveProperty('extraBucketIds');
  });

  it('does not list the existing bucket the setup is for', async () => {
    const state = forTarget('aws-cli');
    const { user } = renderStep(<KeyStep />, {
      ...state,
      drafts: {
        ...state.drafts,
        bucket: { mode: 'existing', bucketId: photos.bucketId },
        lifecycle: { preset: 'keepCurrent' },
        cors: { preset: 'keepCurrent' },
      },
    });
    await user.click(toggle());
    const group = await screen.findByRole('group', { name: 'Also give it access to' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(1);
    expect(within(group).getByRole('checkbox', { name: 'acme-logs' })).toBeInTheDocument();
    expect(within(group).queryByRole('checkbox', { name: 'acme-photos' })).toBeNull();
  });

  it('loads the bucket list when it was not loaded yet', async () => {
    const fetch = stubFetch(vi.fn(async () => jsonResponse({ buckets: [photos] })));
    const { user } = renderStep(<KeyStep />, forTarget('aws-cli', { buckets: null }));
    await user.click(toggle());
    expect(await screen.findByRole('checkbox', { name: 'acme-photos' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/buckets');
  });

  it('shows the server’s error for key.extraBucketIds on the list', async () => {
    const message =
      'key.extraBucketIds: the bucket ID “e73ede9c9c8412db49f60715” is not a bucket of this account that the connected key can see.';
    const state = forTarget('aws-cli', {
      fieldErrors: { key: [{ name: 'extraBucketIds', message }] },
    });
    renderStep(<KeyStep />, {
      ...state,
      drafts: {
        ...state.drafts,
        key: {
          ...state.drafts!.key,
          otherBuckets: true,
          extraBucketIds: ['e73ede9c9c8412db49f60715'],
        },
      },
    });
    const group = await screen.findByRole('group', { name: 'Also give it access to' });
    expect(within(group).getByRole('alert')).toHaveTextContent(message);
    expect(within(group).getByRole('checkbox', { name: 'acme-logs' })).toBeChecked();
  });
});

describe('“Same settings as the last one” and the key’s other buckets', () => {
  it('drops them: bucket IDs are the last customer’s', () => {
    const kept = settingsOnly({
      key: {
        name: 'acme-key',
        access: 'readWrite',
        restrictToBucket: true,
        otherBuckets: true,
        extraBucketIds: ['4a48fe8875c6214145260818'],
      },
    });
    expect(kept.key).toEqual({ access: 'readWrite', restrictToBucket: true });
  });
});
