// What the later steps' forms are checked against: the chosen target and the bucket's name.
import { parseForm, targetForm, type FormContext } from './step-forms';
import type { WizardState } from './wizard-store';

/** The context from the drafts and the connection; null until a target is chosen. */
export function formContext(state: WizardState): FormContext | null {
  const chosen = parseForm(targetForm, state.drafts.target, undefined);
  if (!chosen) return null;
  const bucket = state.drafts.bucket;
  let bucketName: string | null = null;
  if (bucket?.mode === 'create') bucketName = bucket.name ?? null;
  if (bucket?.mode === 'existing') {
    bucketName =
      state.buckets?.find((b) => b.bucketId === bucket.bucketId)?.bucketName ??
      (state.account?.restrictedBucket?.bucketId === bucket.bucketId
        ? (state.account?.restrictedBucket?.bucketName ?? null)
        : null);
  }
  return {
    target: chosen.target,
    bucketName,
    appUrl: chosen.options?.laravel?.appUrl,
    bucketMode: bucket?.mode,
    customer: chosen.customer,
    bucketId: bucket?.mode === 'existing' ? bucket.bucketId : undefined,
  };
}
