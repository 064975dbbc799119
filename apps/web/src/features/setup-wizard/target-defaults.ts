// What the first step's form starts from: every tool's settings at their shared defaults, so each
// can be shown filled in. Plain values, not the schema, so the first step draws without zod.
import { TARGET_OPTION_DEFAULTS } from '@b2wiz/shared';
import type { TargetForm } from './step-forms';

export function defaultTargetForm(): TargetForm {
  return { target: undefined, options: structuredClone(TARGET_OPTION_DEFAULTS) };
}
