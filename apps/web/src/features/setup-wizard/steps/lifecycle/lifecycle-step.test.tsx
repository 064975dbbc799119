import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { litestreamState, renderStep } from '../../test-utils';
import { LifecycleStep } from './lifecycle-step';

const afterBucket = () =>
  litestreamState({
    drafts: { bucket: { mode: 'create', name: 'acme-db' } },
    submitted: ['bucket'],
  });

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
    await user.click(
      screen.getByRole('radio', { name: 'Keep prior versions for this number of days' }),
    );
    const days = screen.getByLabelText('Number of days');
    await user.clear(days);
    await user.type(days, '0');
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
