import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api/api-client';
import {
  fieldErrorsByStep,
  fieldErrorsOn,
  firstStepOf,
  locateField,
  routeErrorToSteps,
} from './server-field-errors';
import { litestreamState } from './test-utils';
import { WizardStore } from './wizard-store';

describe('locateField', () => {
  it.each([
    ['bucket.name', { step: 'bucket', name: 'name' }],
    [
      'lifecycle.rules.0.daysFromHidingToDeleting',
      { step: 'lifecycle', name: 'rules.0.daysFromHidingToDeleting' },
    ],
    ['cors.origin', { step: 'cors', name: 'origin' }],
    ['cors.rules.1.corsRuleName', { step: 'cors', name: 'rulesJson' }],
    ['key.validDays', { step: 'key', name: 'validDays' }],
    ['options.litestream.dbPath', { step: 'target', name: 'options.litestream.dbPath' }],
    ['applicationKeyId', { step: 'connect', name: 'applicationKeyId' }],
    ['lifecycle', { step: 'lifecycle', name: '' }],
  ])('puts %s on its step’s field', (field, expected) => {
    expect(locateField(field)).toEqual(expected);
  });

  it('knows no step for other fields', () => {
    expect(locateField('idempotencyKey')).toBeNull();
  });
});

describe('fieldErrorsByStep', () => {
  it('groups the main field and the issues by step, the earliest step first', () => {
    const error = new ApiError(409, {
      code: 'duplicate_bucket_name',
      message: 'That bucket name is already taken.',
      field: 'bucket.name',
      suggestion: 'acme-db-1a2b',
      issues: [
        { field: 'bucket.name', message: 'duplicate' },
        { field: 'key.name', message: "Key names can't contain spaces." },
      ],
    });
    const byStep = fieldErrorsByStep(error);
    expect(byStep).toEqual({
      bucket: [
        {
          name: 'name',
          message:
            'That bucket name is already taken. Choose another name, for example with your company or project name in it.',
          suggestion: 'acme-db-1a2b',
        },
      ],
      key: [{ name: 'name', message: "Key names can't contain spaces.", suggestion: undefined }],
    });
    expect(firstStepOf(byStep)).toBe('bucket');
  });
});

describe('fieldErrorsOn', () => {
  it('gives one step’s field errors, and none for other failures', () => {
    const error = new ApiError(401, {
      code: 'bad_credentials',
      message: 'Backblaze did not accept this application key ID and key.',
      field: 'applicationKeyId',
    });
    expect(fieldErrorsOn(error, 'connect')).toHaveLength(1);
    expect(fieldErrorsOn(error, 'bucket')).toEqual([]);
    expect(fieldErrorsOn(new Error('boom'), 'connect')).toEqual([]);
  });
});

describe('routeErrorToSteps', () => {
  it('puts field errors on their step and goes to the earliest one', () => {
    const store = new WizardStore(litestreamState());
    const navigate = vi.fn();
    const error = new ApiError(400, {
      code: 'invalid_request',
      message: 'Too long.',
      field: 'key.name',
    });
    expect(routeErrorToSteps(error, store, navigate)).toBe(true);
    expect(navigate).toHaveBeenCalledWith('key');
    expect(store.takeFieldErrors('key')).toEqual([
      {
        name: 'name',
        message: 'Too long. Fix the fields marked in red, then try again.',
        suggestion: undefined,
      },
    ]);
  });

  it('when the session is gone, forgets the account and goes back to Connect', () => {
    const store = new WizardStore(litestreamState());
    const navigate = vi.fn();
    const error = new ApiError(401, { code: 'not_connected', message: 'You are not connected.' });
    expect(routeErrorToSteps(error, store, navigate)).toBe(true);
    expect(store.getState().account).toBeNull();
    expect(navigate).toHaveBeenCalledWith('connect');
    expect(store.takeFieldErrors('connect')[0]?.message).toBe(
      'You are not connected. Go back to the Connect step and connect again.',
    );
  });

  it('leaves a retryable failure, or one with no field, where it happened', () => {
    const store = new WizardStore(litestreamState());
    const navigate = vi.fn();
    const busy = new ApiError(502, {
      code: 'service_unavailable',
      message: 'Busy.',
      retryable: true,
      field: 'bucket.name',
    });
    expect(routeErrorToSteps(busy, store, navigate)).toBe(false);
    const nowhere = new ApiError(409, { code: 'too_many_buckets', message: 'Too many.' });
    expect(routeErrorToSteps(nowhere, store, navigate)).toBe(false);
    expect(routeErrorToSteps(new Error('boom'), store, navigate)).toBe(false);
    expect(navigate).not.toHaveBeenCalled();
  });
});
