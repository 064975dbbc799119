// Review's rows for the rules and the key, in full: custom rules and the rules kept from an
// existing bucket are spelled out, and the key's capabilities are said in plain words.
import {
  ACCESS_LABELS,
  CORS_LABELS,
  LIFECYCLE_LABELS,
  keyCapabilities,
  type BucketSummary,
  type SetupRequestInput,
} from '@b2wiz/shared';
import { capabilityPhrase } from '../../capability-words';
import { CorsRuleLines, LifecycleRuleLines } from '../../components/rule-lines';
import { useWizardState } from '../../wizard-store';

type Request = SetupRequestInput;

export function LifecycleChoice({
  lifecycle,
  existing,
}: {
  lifecycle: Request['lifecycle'];
  existing: BucketSummary | undefined;
}) {
  const label = LIFECYCLE_LABELS[lifecycle.preset].label;
  if (lifecycle.preset === 'keepPriorDays') return <>{`${label}: ${lifecycle.days}`}</>;
  if (lifecycle.preset === 'custom') {
    return (
      <>
        {label}:
        <LifecycleRuleLines
          rules={lifecycle.rules.map((r) => ({
            ...r,
            daysFromUploadingToHiding: r.daysFromUploadingToHiding ?? null,
            daysFromHidingToDeleting: r.daysFromHidingToDeleting ?? null,
          }))}
        />
      </>
    );
  }
  if (lifecycle.preset === 'keepCurrent' && existing) {
    return (
      <>
        {label}:
        <LifecycleRuleLines rules={existing.lifecycleRules} />
      </>
    );
  }
  return <>{label}</>;
}

export function CorsChoice({
  cors,
  existing,
}: {
  cors: Request['cors'];
  existing: BucketSummary | undefined;
}) {
  const label = CORS_LABELS[cors.preset].label;
  if (cors.preset === 'oneOrigin') return <>{`${label}: ${cors.origin}`}</>;
  if (cors.preset === 'custom') {
    return (
      <>
        {label}:
        <CorsRuleLines rules={cors.rules} />
      </>
    );
  }
  if (cors.preset === 'keepCurrent' && existing) {
    return (
      <>
        {label}:
        <CorsRuleLines rules={existing.corsRules} />
      </>
    );
  }
  return <>{label}</>;
}

/** The key's other buckets by name, as the account's list has them (key.extraBucketIds). */
function OtherBucketsChoice({ ids }: { ids: readonly string[] }) {
  const { buckets } = useWizardState();
  if (ids.length === 0) return null;
  const names = ids.map((id) => {
    const name = buckets?.find((b) => b.bucketId === id)?.bucketName;
    return name ? `“${name}”` : `the one with the ID ${id}`;
  });
  return (
    <>
      {' '}
      It may also use {names.length === 1 ? 'the bucket' : 'the buckets'} {names.join(', ')}.
    </>
  );
}

export function KeyChoice({ keyStep }: { keyStep: Request['key'] }) {
  const access = keyStep.access ?? 'readWrite';
  const capabilities = keyCapabilities(access, keyStep.listAllBucketNames ?? false);
  return (
    <>
      “{keyStep.name}”, {ACCESS_LABELS[access].label.toLowerCase()}: it may{' '}
      {capabilityPhrase(capabilities)}. <small>({capabilities.join(', ')})</small>
      <OtherBucketsChoice ids={keyStep.extraBucketIds ?? []} />
    </>
  );
}
