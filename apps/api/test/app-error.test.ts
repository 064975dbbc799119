import { describe, expect, it } from 'vitest';
import { B2CallError, outcomeUnknown } from '../src/b2/b2-call-error';
import { AppError } from '../src/errors/app-error';

describe('AppError', () => {
  it('is never edited: with() answers a changed copy and leaves the original as it was', () => {
    const original = new AppError(409, 'bucket_exists', 'You already have it.', {
      field: 'bucket.name',
    });
    const copy = original.with({
      suggestion: 'acme-2',
      message: 'You already have it. Try acme-2.',
    });
    expect(copy).toBeInstanceOf(AppError);
    expect(copy).not.toBe(original);
    expect(copy.toBody()).toEqual({
      code: 'bucket_exists',
      message: 'You already have it. Try acme-2.',
      field: 'bucket.name',
      suggestion: 'acme-2',
    });
    expect(original.toBody()).toEqual({
      code: 'bucket_exists',
      message: 'You already have it.',
      field: 'bucket.name',
    });
    expect(copy.stack).toBe(original.stack);
  });

  it('keeps the class and the B2 outcome of a B2CallError', () => {
    const failed = new B2CallError(502, 'service_unavailable', 'Backblaze is busy.', {
      retryable: true,
    });
    expect(outcomeUnknown(failed)).toBe(false);
    const doubtful = failed.with({ outcomeUnknown: true });
    expect(doubtful).toBeInstanceOf(B2CallError);
    expect(outcomeUnknown(doubtful)).toBe(true);
    expect(doubtful.message).toBe('Backblaze is busy.');
    expect(outcomeUnknown(failed)).toBe(false);
    expect(outcomeUnknown(new AppError(500, 'internal_error', 'x'))).toBe(false);
  });
});
