import { TARGET_PRESETS, type Target } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import { whyBucketDefault } from './defaults-explained';

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
