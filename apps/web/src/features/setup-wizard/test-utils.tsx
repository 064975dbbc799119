// Renders a step the way the wizard does, with a store seeded as the earlier steps would leave it.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { defaultTargetForm } from './target-defaults';
import { sandboxAccount } from './test-fixtures';
import { WizardProvider, WizardStore, type WizardState } from './wizard-store';

export { sandboxAccount };

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

/** The drafts a Litestream setup with a new private bucket leaves on the steps after Connect. */
export function litestreamDrafts() {
  return {
    bucket: { mode: 'create', name: 'acme-db', type: 'allPrivate', objectLock: false },
    lifecycle: { preset: 'keepLatest' },
    cors: { preset: 'none' },
    key: { name: '', access: 'readWrite', restrictToBucket: true, listAllBucketNames: true },
  } satisfies WizardState['drafts'];
}

const LATER_STEPS = ['bucket', 'lifecycle', 'cors', 'key'] as const;

/**
 * A Litestream setup with every step from Bucket to `last` filled in as litestreamDrafts says and
 * submitted; `extra` as for litestreamState, its drafts in place of those.
 */
export function submittedThrough(
  last: (typeof LATER_STEPS)[number],
  extra: Partial<WizardState> = {},
): Partial<WizardState> {
  const steps = LATER_STEPS.slice(0, LATER_STEPS.indexOf(last) + 1);
  const drafts = litestreamDrafts();
  return litestreamState({
    ...extra,
    drafts: { ...Object.fromEntries(steps.map((step) => [step, drafts[step]])), ...extra.drafts },
    submitted: [...steps, ...(extra.submitted ?? [])],
  });
}

/** Every step before Review submitted: a Litestream setup with a new private bucket. */
export function completeState(): WizardState {
  return wizardState(submittedThrough('key'));
}
