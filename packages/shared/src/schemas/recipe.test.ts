import { describe, expect, it } from 'vitest';
import { readRecipe, recipeFromRequest, recipeSchema } from './recipe';
import { setupRequestSchema } from './setup-request';

const request = setupRequestSchema.parse({
  target: 'rclone',
  customer: 'Acme #12',
  bucket: { mode: 'create', name: 'acme-rclone-files-1', type: 'allPrivate', objectLock: true },
  lifecycle: { preset: 'keepPriorDays', days: 30 },
  cors: { preset: 'oneOrigin', origin: 'https://shop.example.com', apis: 's3', uploads: true },
  key: { name: 'acme-key', access: 'noDelete', validDays: 90 },
  options: { rclone: { remoteName: 'acme' } },
});

describe('recipes', () => {
  it('keep every setting and leave out names and the customer', () => {
    expect(recipeFromRequest(request)).toEqual({
      format: 'b2-setup-wizard-recipe',
      version: 1,
      target: 'rclone',
      bucket: { mode: 'create', type: 'allPrivate', objectLock: true },
      lifecycle: { preset: 'keepPriorDays', days: 30 },
      cors: { preset: 'oneOrigin', origin: 'https://shop.example.com', apis: 's3', uploads: true },
      key: { access: 'noDelete', restrictToBucket: true, validDays: 90 },
      options: { rclone: { remoteName: 'acme' } },
    });
  });

  it('read back as the same recipe', () => {
    const text = JSON.stringify(recipeFromRequest(request));
    expect(readRecipe(text)).toEqual({ ok: true, recipe: recipeFromRequest(request) });
  });

  it.each([
    ['not JSON', '{"format": ', 'This file is not JSON. Choose a recipe saved by the wizard.'],
    [
      'another file',
      '{"format": "something-else", "version": 1}',
      'format: format must be "b2-setup-wizard-recipe": this file is not a saved recipe.',
    ],
    [
      'a bad day count',
      JSON.stringify({
        ...recipeFromRequest(request),
        lifecycle: { preset: 'keepPriorDays', days: 0 },
      }),
      'lifecycle.days: Number of days must be at least 1.',
    ],
    [
      'a name in it',
      JSON.stringify({
        ...recipeFromRequest(request),
        bucket: { mode: 'create', type: 'allPrivate', objectLock: false, name: 'x-y-z-1' },
      }),
      'The recipe has a field the wizard does not know: bucket.name. Recipes hold no names or secrets.',
    ],
    [
      'a customer in it',
      JSON.stringify({ ...recipeFromRequest(request), customer: 'Acme' }),
      'The recipe has a field the wizard does not know: customer. Recipes hold no names or secrets.',
    ],
    [
      'keepCurrent on a new bucket',
      JSON.stringify({ ...recipeFromRequest(request), cors: { preset: 'keepCurrent' } }),
      'cors.preset: “Keep the rules it has now” is only for a bucket you already have. Choose a rule for the new bucket.',
    ],
  ])('refuse %s with a message that names the field', (_what, text, message) => {
    expect(readRecipe(text)).toEqual({ ok: false, message });
  });

  it('keep an existing bucket by its ID', () => {
    const existing = recipeSchema.parse({
      format: 'b2-setup-wizard-recipe',
      version: 1,
      target: 'restic',
      bucket: { mode: 'existing', bucketId: '4a48fe8875c6214145260818' },
      lifecycle: { preset: 'keepCurrent' },
      cors: { preset: 'keepCurrent' },
      key: {},
    });
    expect(existing.bucket).toEqual({ mode: 'existing', bucketId: '4a48fe8875c6214145260818' });
    expect(existing.key).toEqual({ access: 'readWrite', restrictToBucket: true });
  });
});
