// Which steps are complete, from the drafts and the connection.
import { REQUIRED_WIZARD_CAPABILITIES } from '@b2wiz/shared';
import { formContext } from './form-context';
import { bucketForm, corsForm, keyForm, lifecycleForm, parseForm, targetForm } from './step-forms';
import { STEP_IDS, type StepId, stepIndex } from './wizard-steps';
import type { WizardState } from './wizard-store';

/** Capabilities the connected key lacks that the wizard cannot work without. */
export function blockingMissingCapabilities(state: WizardState): string[] {
  const missing = state.account?.missingCapabilities ?? [];
  return REQUIRED_WIZARD_CAPABILITIES.filter((c) => missing.includes(c));
}

export function parsedSteps(state: WizardState) {
  const context = formContext(state) ?? undefined;
  const sent = (step: 'target' | 'bucket' | 'lifecycle' | 'cors' | 'key') =>
    state.submitted.includes(step);
  return {
    target: sent('target') ? parseForm(targetForm, state.drafts.target, context) : null,
    bucket: sent('bucket') ? parseForm(bucketForm, state.drafts.bucket, context) : null,
    lifecycle: sent('lifecycle') ? parseForm(lifecycleForm, state.drafts.lifecycle, context) : null,
    cors: sent('cors') ? parseForm(corsForm, state.drafts.cors, context) : null,
    key: sent('key') ? parseForm(keyForm, state.drafts.key, context) : null,
  };
}

function isStepComplete(state: WizardState, step: StepId): boolean {
  const parsed = parsedSteps(state);
  switch (step) {
    case 'connect':
      return state.account !== null && blockingMissingCapabilities(state).length === 0;
    case 'review':
    case 'done':
      return state.result !== null;
    default:
      return parsed[step] !== null;
  }
}

/** The step to show for a requested one: the first earlier step that is not complete, if any. */
export function allowedStep(state: WizardState, requested: StepId): StepId {
  if (requested === 'done') return state.result ? 'done' : allowedStep(state, 'review');
  for (const step of STEP_IDS.slice(0, stepIndex(requested))) {
    if (!isStepComplete(state, step)) return step;
  }
  return requested;
}
