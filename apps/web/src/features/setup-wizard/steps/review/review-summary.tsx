// Review's "Your choices": one row per step, in plain words, each with a way back to change it.
import {
  TARGET_PRESETS,
  retentionWords,
  type BucketSummary,
  type SetupRequestInput,
} from '@b2wiz/shared';
import type { ReactNode } from 'react';
import { Button } from '../../../../components/ui/button';
import { bucketTypeName } from '../../bucket-type-name';
import { AlwaysOnEncryption, BucketEncryption } from '../../components/encryption-status';
import type { StepId } from '../../wizard-steps';
import { useNavigate, useWizardStore } from '../../wizard-store';
import { CorsChoice, KeyChoice, LifecycleChoice } from './review-choices';

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
        {bucket.retention && <>Files locked: {retentionWords(bucket.retention)}. </>}
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
  const store = useWizardStore();
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
      value: <LifecycleChoice lifecycle={lifecycle} existing={existing} />,
    },
    { step: 'cors', name: 'CORS', value: <CorsChoice cors={cors} existing={existing} /> },
    { step: 'key', name: 'Application key', value: <KeyChoice keyStep={key} /> },
  ];
  return (
    <dl className="summary">
      {rows.map((row) => (
        <div key={row.step} className="summary__row">
          <dt>{row.name}</dt>
          <dd>
            {row.value}{' '}
            <Button
              variant="link"
              onClick={() => {
                // After the change, that step's Next comes straight back here.
                store.setReturnToReview(true);
                navigate(row.step);
              }}
            >
              Change <span className="visually-hidden">{row.name.toLowerCase()}</span>
            </Button>
          </dd>
        </div>
      ))}
    </dl>
  );
}
