import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bucketForm, parseForm } from '../../step-forms';
import { litestreamState, renderStep } from '../../test-utils';
import { BucketStep } from './bucket-step';

async function withObjectLock() {
  const view = renderStep(<BucketStep />, litestreamState());
  await view.user.click(screen.getByRole('radio', { name: 'Enable' }));
  return view;
}

describe('BucketStep: Object Lock retention', () => {
  it('asks for nothing about retention while Object Lock is off', () => {
    renderStep(<BucketStep />, litestreamState());
    expect(screen.queryByRole('group', { name: 'Retention mode' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Retention period')).not.toBeInTheDocument();
  });

  it('with Object Lock, offers both modes with their sentence and says what a locked file costs', async () => {
    await withObjectLock();
    const modes = await screen.findByRole('group', { name: 'Retention mode' });
    expect(modes).toHaveTextContent(
      'People with a special permission (bypassGovernance) can still delete a locked file.',
    );
    expect(modes).toHaveTextContent(
      'Nobody can delete a locked file before its time is up, not even Backblaze support.',
    );
    expect(screen.getByRole('radio', { name: /^Governance/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Compliance/ })).toBeInTheDocument();
    expect(
      screen.getByText(
        /A locked file cannot be deleted, so it is billed until its retention period ends\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Period unit')).toHaveValue('days');
  });

  it('when leaving without a mode or period, says what to fix and stays', async () => {
    const { user, navigate } = await withObjectLock();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText('Choose the retention mode: "governance" or "compliance".'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('The retention period must be a number, like 30.'),
    ).toBeInTheDocument();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('refuses 9 years, naming the limit', async () => {
    const { user, navigate } = await withObjectLock();
    await user.click(screen.getByRole('radio', { name: /^Compliance/ }));
    await user.type(screen.getByLabelText('Retention period'), '9');
    await user.selectOptions(screen.getByLabelText('Period unit'), 'years');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText(
        'The retention period can be at most 8 years (Backblaze allows up to 3,000 days; 9 years is 3,285 days). Choose 8 years or fewer, or give it in days.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Retention period')).toHaveAttribute('aria-invalid', 'true');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('saves 30 days governance and the request carries B2’s shape', async () => {
    const { user, navigate, store } = await withObjectLock();
    await user.click(screen.getByRole('radio', { name: /^Governance/ }));
    await user.type(screen.getByLabelText('Retention period'), '30');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('lifecycle'));
    const sent = parseForm(bucketForm, store.getState().drafts.bucket, undefined);
    expect(sent).toMatchObject({
      mode: 'create',
      objectLock: true,
      retention: { mode: 'governance', period: { duration: 30, unit: 'days' } },
    });
  });

  it('when Object Lock is turned off again, the typed retention is not sent', async () => {
    const { user, navigate, store } = await withObjectLock();
    await user.click(screen.getByRole('radio', { name: /^Governance/ }));
    await user.type(screen.getByLabelText('Retention period'), '30');
    await user.click(screen.getByRole('radio', { name: 'Disable' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('lifecycle'));
    const sent = parseForm(bucketForm, store.getState().drafts.bucket, undefined);
    expect(sent).not.toHaveProperty('retention');
  });
});
