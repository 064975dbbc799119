// Renders a step the way the wizard does, with a store seeded as the earlier steps would leave it.
import type { AccountSummary } from '@b2wiz/shared';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { defaultTargetForm } from './step-forms';
import { WizardProvider, WizardStore, type WizardState } from './wizard-store';

export const sandboxAccount: AccountSummary = {
  accountId: 'e2b1d3f4a5c6',
  isMasterKey: true,
  capabilities: ['listBuckets', 'writeBuckets', 'writeKeys', 'listKeys', 'deleteKeys'],
  missingCapabilities: [],
  restrictedBucket: null,
  namePrefix: null,
  s3Endpoint: 'https://s3.us-west-004.backblazeb2.com',
  s3Region: 'us-west-004',
  sandbox: true,
};

/** A Litestream setup, connected to the sandbox. */
export function litestreamState(extra: Partial<WizardState> = {}): Partial<WizardState> {
  return {
    account: sandboxAccount,
    sessionChecked: true,
    sandboxOffered: true,
    ...extra,
    drafts: { target: { ...defaultTargetForm(), target: 'litestream' }, ...extra.drafts },
    submitted: ['target', ...(extra.submitted ?? [])],
  };
}

export function renderStep(ui: ReactElement, state: Partial<WizardState> = {}) {
  const store = new WizardStore({ sessionChecked: true, ...state });
  const navigate = vi.fn();
  const user = userEvent.setup();
  const view = render(
    <WizardProvider navigate={navigate} store={store}>
      {ui}
    </WizardProvider>,
  );
  return { ...view, store, navigate, user };
}

/** A whole wizard state: nothing done yet, except what `partial` says. */
export function wizardState(partial: Partial<WizardState>): WizardState {
  return {
    drafts: {},
    submitted: [],
    account: null,
    sessionChecked: true,
    buckets: null,
    fieldErrors: {},
    review: null,
    result: null,
    secretSaved: false,
    bucketNameSuffix: 'abc123',
    returnToReview: false,
    sandboxOffered: true,
    ...partial,
  };
}

/** Every step before Review submitted: a Litestream setup with a new private bucket. */
export function completeState(): WizardState {
  return wizardState(
    litestreamState({
      drafts: {
        bucket: {
          mode: 'create',
          name: 'acme-db',
          type: 'allPrivate',
          objectLock: false,
        },
        lifecycle: { preset: 'keepLatest' },
        cors: { preset: 'none' },
        key: { name: '', access: 'readWrite', restrictToBucket: true, listAllBucketNames: true },
      },
      submitted: ['bucket', 'lifecycle', 'cors', 'key'],
    }),
  );
}
