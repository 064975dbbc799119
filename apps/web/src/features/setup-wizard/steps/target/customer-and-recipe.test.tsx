import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderStep } from '../../test-utils';
import { TargetStep } from './target-step';

const RECIPE = {
  format: 'b2-setup-wizard-recipe',
  version: 1,
  target: 'rclone',
  bucket: { mode: 'create', type: 'allPrivate', objectLock: false },
  lifecycle: { preset: 'keepPriorDays', days: 14 },
  cors: { preset: 'none' },
  key: { access: 'noDelete', restrictToBucket: true, validDays: 90 },
  options: { rclone: { remoteName: 'acme' } },
};

const file = (content: string, name = 'recipe.json') =>
  new File([content], name, { type: 'application/json' });

describe('TargetStep: customer or ticket', () => {
  it('keeps the label in the draft when the step is left', async () => {
    const { user, navigate, store } = renderStep(<TargetStep />);
    await user.type(screen.getByLabelText('Customer or ticket (optional)'), 'Müller GmbH #4512');
    await user.click(screen.getByRole('radio', { name: 'rclone' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('connect'));
    expect(store.getState().drafts.target?.customer).toBe('Müller GmbH #4512');
  });

  it('refuses a label over 80 characters with a message that names the field', async () => {
    const { user, navigate } = renderStep(<TargetStep />);
    const label = screen.getByLabelText('Customer or ticket (optional)');
    await user.click(screen.getByRole('radio', { name: 'rclone' }));
    await user.click(label);
    await user.paste('x'.repeat(83));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(label).toHaveAccessibleErrorMessage(
        'Customer or ticket can have at most 80 characters. Remove 3.',
      ),
    );
    expect(label).toHaveFocus();
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('TargetStep: start from a saved recipe', () => {
  it('fills in every step from the file, keeping the label typed', async () => {
    const { user, store } = renderStep(<TargetStep />);
    await user.type(screen.getByLabelText('Customer or ticket (optional)'), 'Beta Ltd');
    await user.upload(
      screen.getByLabelText('Start from a saved recipe (optional)'),
      file(JSON.stringify(RECIPE)),
    );
    expect(
      await screen.findByText('Loaded recipe.json. Check each step, then fill in the names.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'rclone' })).toBeChecked();
    expect(screen.getByLabelText('Remote name')).toHaveValue('acme');
    expect(screen.getByLabelText('Customer or ticket (optional)')).toHaveValue('Beta Ltd');
    const { drafts } = store.getState();
    expect(drafts.bucket).toEqual({ mode: 'create', type: 'allPrivate', objectLock: false });
    expect(drafts.lifecycle).toEqual({ preset: 'keepPriorDays', days: 14 });
    expect(drafts.key).toEqual({ access: 'noDelete', restrictToBucket: true, validDays: 90 });
    expect(drafts.target?.customer).toBe('Beta Ltd');
  });

  it('says what is wrong with a broken file, naming the field, and changes nothing', async () => {
    const { user, store } = renderStep(<TargetStep />);
    const input = screen.getByLabelText('Start from a saved recipe (optional)');
    await user.upload(
      input,
      file(JSON.stringify({ ...RECIPE, key: { access: 'everything' } }), 'broken.json'),
    );
    await waitFor(() =>
      expect(input).toHaveAccessibleErrorMessage(
        'broken.json is not a recipe the wizard can use. key.access: Choose the type of access.',
      ),
    );
    expect(store.getState().drafts).toEqual({});
    await user.upload(input, file('not json at all', 'notes.txt'));
    await waitFor(() =>
      expect(input).toHaveAccessibleErrorMessage(
        'notes.txt is not a recipe the wizard can use. This file is not JSON. Choose a recipe saved by the wizard.',
      ),
    );
  });
});
