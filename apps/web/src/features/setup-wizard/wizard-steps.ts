// The wizard's steps in order, with the names the progress list shows.
export const STEP_IDS = [
  'target',
  'connect',
  'bucket',
  'lifecycle',
  'cors',
  'key',
  'review',
  'done',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Steps with a form whose values are kept as a draft. */
export const FORM_STEP_IDS = ['target', 'bucket', 'lifecycle', 'cors', 'key'] as const;
export type FormStepId = (typeof FORM_STEP_IDS)[number];

export const STEP_NAMES: Record<StepId, string> = {
  target: 'Your tool',
  connect: 'Connect',
  bucket: 'Bucket',
  lifecycle: 'Lifecycle',
  cors: 'CORS',
  key: 'Application key',
  review: 'Review',
  done: 'Done',
};

export function isStepId(value: string | null): value is StepId {
  return value !== null && (STEP_IDS as readonly string[]).includes(value);
}

export function stepIndex(step: StepId): number {
  return STEP_IDS.indexOf(step);
}
