// Review's "Your choices": one row per step, in plain words, each with a way back to change it.
import {
  ACCESS_LABELS,
  CORS_LABELS,
  LIFECYCLE_LABELS,
  TARGET_PRESETS,
  type BucketSummary,
  type SetupRequestInput,
} from '@b2wiz/shared';
import type { ReactNode } from 'react';
import { Button } from '../../../../components/ui/button';
import { bucketTypeName } from '../../bucket-type-name';
import { AlwaysOnEncryption, BucketEncryption } from '../../components/encryption-status';
import type { StepId } from '../../wizard-steps';
import { useNavigate } from '../../wizard-store';

function BucketChoice({
  bucket,
  existing,
  existingName,
}: {
  bucket: SetupRequestInput['bucket'];
  existing: BucketSummary | undefined;
  existingName: string | null;
}) {
  if (bucket.mode === 'create') {
    const type = bucketTypeName(bucket.type ?? 'allPrivate').toLowerCase();
    return (
      <>
        New {type} bucket “{bucket.name}”; Object Lock {bucket.objectLock ? 'on' : 'off'}.{' '}
        <AlwaysOnEncryption />
      </>
    );
  }
  const name = existing?.bucketName ?? existingName;
  return (
    <>
      {name === null ? 'Your bucket.' : `Your bucket “${name}”.`}
      {existing && (
        <>
          {' '}
          <BucketEncryption setting={existing.defaultServerSideEncryption} />
        </>
      )}
    </>
  );
}

export function ReviewSummary({
  request,
  existing,
  existingName,
}: {
  request: SetupRequestInput;
  /** The existing bucket chosen, as GET /api/buckets answered it; undefined when not listed. */
  existing: BucketSummary | undefined;
  /** Its name when known otherwise (a key kept to one bucket). */
  existingName: string | null;
}) {
  const navigate = useNavigate();
  const { bucket, lifecycle, cors, key } = request;
  const rows: { step: StepId; name: string; value: ReactNode }[] = [
    { step: 'target', name: 'Tool', value: TARGET_PRESETS[request.target].label },
    {
      step: 'bucket',
      name: 'Bucket',
      value: <BucketChoice bucket={bucket} existing={existing} existingName={existingName} />,
    },
    {
      step: 'lifecycle',
      name: 'Lifecycle',
      value:
        LIFECYCLE_LABELS[lifecycle.preset].label +
        (lifecycle.preset === 'keepPriorDays' ? `: ${lifecycle.days}` : ''),
    },
    {
      step: 'cors',
      name: 'CORS',
      value:
        CORS_LABELS[cors.preset].label + (cors.preset === 'oneOrigin' ? `: ${cors.origin}` : ''),
    },
    {
      step: 'key',
      name: 'Application key',
      value: `“${key.name}”, ${ACCESS_LABELS[key.access ?? 'readWrite'].label.toLowerCase()}`,
    },
  ];
  return (
    <dl className="summary">
      {rows.map((row) => (
        <div key={row.step} className="summary__row">
          <dt>{row.name}</dt>
          <dd>
            {row.value}{' '}
            <Button variant="link" onClick={() => navigate(row.step)}>
              Change <span className="visually-hidden">{row.name.toLowerCase()}</span>
            </Button>
          </dd>
        </div>
      ))}
    </dl>
  );
}
