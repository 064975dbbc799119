import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSetupRequest } from '../../build-setup-request';
import { defaultTargetForm } from '../../target-defaults';
import { bucketWith, SHOP_UPLOADS } from '../../test-buckets';
import { litestreamState, renderStep, wizardState } from '../../test-utils';
import type { WizardState } from '../../wizard-store';
import { CorsStep } from './cors-step';

const afterLifecycle = (extra: Partial<WizardState> = {}) =>
  litestreamState({
    drafts: { bucket: { mode: 'create', name: 'acme-db' }, lifecycle: { preset: 'keepLatest' } },
    submitted: ['bucket', 'lifecycle'],
    ...extra,
  });

function laravelState(appUrl?: string): Partial<WizardState> {
  const state = afterLifecycle();
  const target = defaultTargetForm();
  return {
    ...state,
    drafts: {
      ...state.drafts,
      target: {
        ...target,
        target: 'laravel',
        options: { ...target.options, laravel: { diskName: 'b2', appUrl } },
      },
    },
  };
}

describe('CorsStep', () => {
  it('first says when CORS matters at all, and what an origin is', () => {
    renderStep(<CorsStep />, afterLifecycle());
    expect(
      screen.getByText(
        'CORS matters only when a web page, open in a visitor’s browser, loads or uploads files from this bucket directly. For every backup tool the answer is “Do not share”.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/like https:\/\/www\.example\.com, with no path/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Do not share' })).toBeChecked();
    expect(screen.queryByRole('radio', { name: 'Keep the rules it has now' })).toBeNull();
  });

  it('trims a pasted trailing “/” from the origin instead of refusing it', async () => {
    const { user, store, navigate } = renderStep(<CorsStep />, afterLifecycle());
    await user.click(
      screen.getByRole('radio', { name: 'Share everything in this bucket with this one origin' }),
    );
    const origin = screen.getByLabelText('Your website’s origin');
    await user.type(origin, 'https://www.example.com/');
    expect(origin).not.toHaveAccessibleErrorMessage();
    await user.tab();
    expect(origin).toHaveValue('https://www.example.com');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(navigate).toHaveBeenCalledWith('key');
    expect(store.getState().drafts.cors).toMatchObject({ origin: 'https://www.example.com' });
  });

  it('for Laravel, asks for the app’s address, filled in from the first step', () => {
    renderStep(<CorsStep />, laravelState('https://app.example.com'));
    expect(screen.getByLabelText('Your Laravel app’s address (APP_URL)')).toHaveValue(
      'https://app.example.com',
    );
  });

  it('for Laravel without an address, says so on the field before going on', async () => {
    const { user, navigate } = renderStep(<CorsStep />, laravelState());
    const field = screen.getByLabelText('Your Laravel app’s address (APP_URL)');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(field).toHaveAccessibleErrorMessage('Enter an origin, like https://www.example.com.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('edits custom rules in form fields, each message on its field', async () => {
    const { user } = renderStep(<CorsStep />, afterLifecycle());
    await user.click(screen.getByRole('radio', { name: 'Use custom CORS rules' }));
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    const name = within(rule).getByLabelText('Rule name');
    await user.clear(name);
    await user.type(name, 'abc');
    expect(name).toHaveAccessibleErrorMessage(
      'CORS rule names need 6 to 50 characters (this one has 3).',
    );
    const operations = within(rule).getByRole('group', {
      name: 'What those pages may do (operations)',
    });
    for (const box of within(operations).getAllByRole('checkbox')) {
      if ((box as HTMLInputElement).checked) await user.click(box);
    }
    expect(within(operations).getByRole('alert')).toHaveTextContent(
      'Choose at least one operation.',
    );
    expect(
      within(operations).getByRole('checkbox', { name: 'Upload files (b2_upload_file)' }),
    ).toBeInTheDocument();
  });

  it('keeps the JSON box as an advanced choice, and names a missing field', async () => {
    const { user } = renderStep(<CorsStep />, afterLifecycle());
    await user.click(screen.getByRole('radio', { name: 'Use custom CORS rules' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'Edit the rules as JSON instead (advanced)' }),
    );
    const json = screen.getByLabelText('CORS rules (JSON)');
    expect((json as HTMLTextAreaElement).value).toContain('"corsRuleName": "downloadFromAllHttps"');
    await user.clear(json);
    await user.click(json);
    await user.paste('[{"corsRuleName": "myRule1"}]');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(json).toHaveAccessibleErrorMessage(
      'Rule 1 needs the origins as a list of text: add "allowedOrigins": ["https://www.example.com"].',
    );
    expect(document.body).not.toHaveTextContent(/Invalid input|expected array/);
  });
});

describe('CorsStep for a bucket you already have', () => {
  const shop = bucketWith('acme-shop', { corsRules: SHOP_UPLOADS });
  const onExisting = () =>
    litestreamState({
      drafts: {
        bucket: { mode: 'existing', bucketId: shop.bucketId },
        lifecycle: { preset: 'keepCurrent' },
      },
      submitted: ['bucket', 'lifecycle'],
      buckets: [shop],
    });

  it('keeps today’s rules by default, shown in plain words', () => {
    renderStep(<CorsStep />, onExisting());
    expect(screen.getByRole('radio', { name: 'Keep the rules it has now' })).toBeChecked();
    expect(screen.getByRole('region', { name: 'Today’s rules' })).toHaveTextContent(
      'shopUploads: origins https://shop.example.com; operations b2_upload_file',
    );
  });

  it('says what “Do not share” would take away', () => {
    renderStep(<CorsStep />, onExisting());
    expect(screen.getByRole('radio', { name: 'Do not share' })).toHaveAccessibleDescription(
      /Recommended for Litestream\. If you choose this, web pages on https:\/\/shop\.example\.com will no longer be allowed to call b2_upload_file on this bucket from a browser\.$/,
    );
  });

  it('after switching to a new bucket, a kept choice is not sent', () => {
    const state = onExisting();
    const request = buildSetupRequest(
      wizardState({
        ...state,
        drafts: {
          ...state.drafts,
          bucket: { mode: 'create', name: 'acme-new', type: 'allPrivate', objectLock: false },
          cors: { preset: 'keepCurrent' },
          key: { name: 'k-acme-new', access: 'readWrite', restrictToBucket: true },
        },
        submitted: ['target', 'bucket', 'lifecycle', 'cors', 'key'],
      }),
    );
    expect(request?.lifecycle).toEqual({ preset: 'keepLatest' });
    expect(request?.cors).toEqual({ preset: 'none' });
  });
});
