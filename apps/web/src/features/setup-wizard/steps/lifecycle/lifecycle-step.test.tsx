import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bucketWith, KEEP_PRIOR_30 } from '../../test-buckets';
import { litestreamState, renderStep } from '../../test-utils';

type User = ReturnType<typeof renderStep>['user'];
import { LifecycleStep } from './lifecycle-step';

const afterBucket = () =>
  litestreamState({
    drafts: { bucket: { mode: 'create', name: 'acme-db' } },
    submitted: ['bucket'],
  });

/** Chooses “Keep prior versions for this number of days” and types `value` in place of the days. */
async function enterDays(user: User, value: string) {
  await user.click(
    screen.getByRole('radio', { name: 'Keep prior versions for this number of days' }),
  );
  const days = screen.getByLabelText('Number of days');
  await user.clear(days);
  await user.type(days, value);
  return days;
}

describe('LifecycleStep', () => {
  it('starts from “Keep only the last version” for Litestream and says why', () => {
    renderStep(<LifecycleStep />, afterBucket());
    expect(
      screen.getByRole('radio', { name: 'Keep only the last version of the file' }),
    ).toBeChecked();
    expect(screen.getByText(/B2 cleans up about a day later/)).toBeInTheDocument();
  });

  it('checks the number of days', async () => {
    const { user, navigate } = renderStep(<LifecycleStep />, afterBucket());
    const days = await enterDays(user, '0');
    expect(days).toHaveAccessibleErrorMessage('Number of days must be at least 1.');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('checks custom rules with B2’s own rules', async () => {
    const { user } = renderStep(<LifecycleStep />, afterBucket());
    await user.click(screen.getByRole('radio', { name: 'Use custom lifecycle rules' }));
    await user.type(screen.getByLabelText('File path'), '/logs/');
    expect(screen.getByLabelText('File path')).toHaveAccessibleErrorMessage(
      "File names in B2 don't start with '/'. Remove the leading '/'.",
    );
  });
});

describe('LifecycleStep for a bucket you already have', () => {
  const shop = bucketWith('acme-shop', { lifecycleRules: KEEP_PRIOR_30 });
  const onExisting = (extra = {}) =>
    litestreamState({
      drafts: { bucket: { mode: 'existing', bucketId: shop.bucketId } },
      submitted: ['bucket'],
      buckets: [shop],
      ...extra,
    });

  it('keeps today’s rules by default and says them in plain words', () => {
    renderStep(<LifecycleStep />, onExisting());
    expect(screen.getByRole('radio', { name: 'Keep the rules it has now' })).toBeChecked();
    const today = screen.getByRole('region', { name: 'Today’s rules' });
    expect(today).toHaveTextContent('What “acme-shop” does today');
    expect(today).toHaveTextContent('Keep prior versions for 30 days');
  });

  it('says in one sentence what the tool’s recommendation would take away', () => {
    renderStep(<LifecycleStep />, onExisting());
    const recommended = screen.getByRole('radio', {
      name: 'Keep only the last version of the file',
    });
    expect(recommended).toHaveAccessibleDescription(
      /Recommended for Litestream\. If you choose this, older versions of files will be deleted 1 day after they are replaced or hidden \(today: after 30 days\)\.$/,
    );
  });

  it('says nothing is lost when the recommendation keeps more than today', () => {
    const latest = bucketWith('acme-latest', {
      lifecycleRules: [
        { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
      ],
    });
    renderStep(
      <LifecycleStep />,
      litestreamState({
        drafts: { bucket: { mode: 'existing', bucketId: latest.bucketId } },
        buckets: [latest],
      }),
    );
    expect(
      screen.getByRole('radio', { name: 'Keep only the last version of the file' }),
    ).toHaveAccessibleDescription(/This is what the bucket does today, so nothing would change\.$/);
  });
});

describe('LifecycleStep for a new bucket', () => {
  it('does not offer “Keep the rules it has now”, and a draft of it falls back to the default', () => {
    renderStep(
      <LifecycleStep />,
      litestreamState({
        drafts: {
          bucket: { mode: 'create', name: 'acme-db' },
          lifecycle: { preset: 'keepCurrent' },
        },
        submitted: ['bucket', 'lifecycle'],
      }),
    );
    expect(screen.queryByRole('radio', { name: 'Keep the rules it has now' })).toBeNull();
    expect(
      screen.getByRole('radio', { name: 'Keep only the last version of the file' }),
    ).toBeChecked();
  });

  it('caps the number of days at 36500, on the field', async () => {
    const { user } = renderStep(<LifecycleStep />, afterBucket());
    const days = await enterDays(user, '40000');
    expect(days).toHaveAccessibleErrorMessage('Number of days can be at most 36500.');
  });

  it('caps a custom rule’s days at 36500, on that field', async () => {
    const { user } = renderStep(<LifecycleStep />, afterBucket());
    await user.click(screen.getByRole('radio', { name: 'Use custom lifecycle rules' }));
    const field = screen.getByLabelText('Days until a hidden file is deleted (optional)');
    await user.clear(field);
    await user.type(field, '40000');
    expect(field).toHaveAccessibleErrorMessage(
      'Days until a hidden file is deleted can be at most 36500 (100 years), or left empty to keep files for good.',
    );
  });

  it('after “Change” on Review, goes back to Review', async () => {
    const { user, navigate } = renderStep(<LifecycleStep />, {
      ...afterBucket(),
      returnToReview: true,
    });
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to review' }));
    expect(navigate).toHaveBeenCalledWith('review');
  });
});
