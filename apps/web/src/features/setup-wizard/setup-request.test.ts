import { describe, expect, it } from 'vitest';
import { buildSetupRequest } from './build-setup-request';
import { allowedStep } from './setup-request';
import { litestreamState, sandboxAccount } from './test-utils';
import type { WizardState } from './wizard-store';

function state(partial: Partial<WizardState>): WizardState {
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

const complete = () =>
  state(
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

describe('buildSetupRequest', () => {
  it('composes the steps and fills the key’s default name', () => {
    expect(buildSetupRequest(complete())).toEqual({
      target: 'litestream',
      bucket: {
        mode: 'create',
        name: 'acme-db',
        type: 'allPrivate',
        objectLock: false,
      },
      lifecycle: { preset: 'keepLatest' },
      cors: { preset: 'none' },
      key: {
        name: 'litestream-acme-db',
        access: 'readWrite',
        restrictToBucket: true,
        listAllBucketNames: true,
      },
      options: { litestream: { dbPath: '/var/lib/app/app.db', replicaPath: 'app.db' } },
    });
  });

  it('drops an encryption choice a draft may still hold: the web never sends one', () => {
    const old = complete();
    old.drafts.bucket = { ...old.drafts.bucket, encryption: false } as typeof old.drafts.bucket;
    const request = buildSetupRequest(old);
    expect(request?.bucket).toEqual({
      mode: 'create',
      name: 'acme-db',
      type: 'allPrivate',
      objectLock: false,
    });
    expect(request?.bucket).not.toHaveProperty('encryption');
  });

  it('is null while a step is missing', () => {
    const partial = complete();
    partial.submitted = partial.submitted.filter((s) => s !== 'cors');
    expect(buildSetupRequest(partial)).toBeNull();
  });
});
