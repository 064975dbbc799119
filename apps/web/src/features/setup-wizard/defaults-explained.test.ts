import { TARGET_PRESETS, type Target } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  whyBucketDefault,
  whyCorsDefault,
  whyKeyDefault,
  whyLifecycleDefault,
} from './defaults-explained';

describe('whyBucketDefault', () => {
  it.each(Object.keys(TARGET_PRESETS) as Target[])(
    'for %s, explains the private bucket and never implies encryption could be off',
    (target) => {
      const text = whyBucketDefault(target);
      expect(text).toBe('We chose a private bucket: only someone with a key can see the files.');
      expect(text).not.toMatch(/encrypt/i);
    },
  );
});

describe('the explanations read as sentences for every tool', () => {
  it.each(Object.keys(TARGET_PRESETS) as Target[])('for %s', (target) => {
    const texts = [
      whyLifecycleDefault(target),
      whyCorsDefault(target),
      whyKeyDefault(target, {
        access: 'readOnly',
        restrictToBucket: true,
        listAllBucketNames: true,
      }),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/overwrite or deletes|overwrites or deletes is/);
      // A label like "AWS CLI / other S3 tool" is a menu entry, not a name for a sentence.
      expect(text).not.toContain(' / ');
    }
    expect(whyLifecycleDefault(target)).not.toMatch(/ you overwrite/);
  });
});
