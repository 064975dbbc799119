// An apply that failed: what happened, what exists in B2 now, and Retry when it may succeed.
import type { ReactNode } from 'react';
import { Alert } from '../../../../components/ui/alert';
import type { ApiError } from '../../api/api-client';

function CreatedSoFar({ error }: { error: ApiError }) {
  const { bucket, key } = error.created ?? {};
  return (
    <>
      <p>What exists in B2 now:</p>
      <ul>
        <li>
          {bucket
            ? `The bucket “${bucket.bucketName}” (ID ${bucket.bucketId}).`
            : 'No bucket was created yet.'}
        </li>
        <li>
          {key
            ? `The application key “${key.keyName}” (ID ${key.applicationKeyId}).`
            : 'No application key was created yet.'}
        </li>
      </ul>
      <p>Retry finishes the rest; nothing is made twice.</p>
    </>
  );
}

export function ApplyErrorAlert({ error, retry }: { error: ApiError; retry: ReactNode }) {
  return (
    <Alert title={error.message}>
      {error.nextStep && <p>{error.nextStep}</p>}
      {error.created && <CreatedSoFar error={error} />}
      {retry}
    </Alert>
  );
}
