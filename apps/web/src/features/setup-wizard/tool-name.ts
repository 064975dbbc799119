// A target's tool as it reads inside a sentence: "Give your S3 tool the key below".
import { TARGET_PRESETS, type Target } from '@b2wiz/shared';

/** The preset's label, except where that label is a list or a category, not a name. */
const IN_A_SENTENCE: Partial<Record<Target, string>> = {
  laravel: 'Laravel',
  'aws-cli': 'your S3 tool',
  other: 'your tool',
};

export function toolName(target: Target | null | undefined): string {
  if (!target) return 'your tool';
  return IN_A_SENTENCE[target] ?? TARGET_PRESETS[target].label;
}
