// A target's tool as it reads inside a sentence: "Give your S3 tool the key below".
import type { Target } from '../schemas/setup-request';
import { TARGET_PRESETS } from './targets';

/** The preset's label, except where that label is a list or a category, not a name. */
const IN_A_SENTENCE: Partial<Record<Target, string>> = {
  laravel: 'Laravel',
  'aws-cli': 'your S3 tool',
  other: 'your tool',
  python: 'your Python app',
  node: 'your Node.js app',
  cpanel: 'WHM',
  synology: 'your Synology NAS',
};

/** The tool's name for the middle of a sentence; "your tool" while no target is chosen. */
export function toolNameInSentence(target: Target | null | undefined): string {
  if (!target) return 'your tool';
  return IN_A_SENTENCE[target] ?? TARGET_PRESETS[target].label;
}
