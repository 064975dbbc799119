import { describe, expect, it } from 'vitest';
import { allowedStep } from './step-progress';
import {
  completeState as complete,
  litestreamState,
  sandboxAccount,
  wizardState as state,
} from './test-utils';

describe('allowedStep', () => {
  it('sends a fresh visit to any later step back to the first one', () => {
    expect(allowedStep(state({}), 'review')).toBe('target');
    expect(allowedStep(state({}), 'done')).toBe('target');
  });

  it('needs a connection with the capabilities the wizard cannot do without', () => {
    const chosen = state(litestreamState({ account: null }));
    expect(allowedStep(chosen, 'bucket')).toBe('connect');
    const weak = state(
      litestreamState({ account: { ...sandboxAccount, missingCapabilities: ['writeBuckets'] } }),
    );
    expect(allowedStep(weak, 'bucket')).toBe('connect');
    expect(allowedStep(state(litestreamState()), 'bucket')).toBe('bucket');
  });

  it('when a step’s values were changed to something invalid, stops there', () => {
    const changed = complete();
    changed.drafts.bucket = { ...changed.drafts.bucket, name: 'no' };
    expect(allowedStep(changed, 'review')).toBe('bucket');
  });

  it('shows Done only with a result', () => {
    expect(allowedStep(complete(), 'done')).toBe('review');
  });
});
