import { describe, expect, it } from 'vitest';
import { ApiError } from './api/api-client';
import { fieldErrorsByStep, firstStepOf, locateField } from './server-field-errors';

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
