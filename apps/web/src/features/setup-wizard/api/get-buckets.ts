import { bucketListSchema, type BucketSummary } from '@b2wiz/shared';
import { useCallback, useEffect, useState } from 'react';
import { useWizardState, useWizardStore } from '../wizard-store';
import { apiRequest } from './api-client';

/** GET /api/buckets: the buckets the connected key can see, with their rules. */
export async function getBuckets(signal?: AbortSignal): Promise<BucketSummary[]> {
  const list = await apiRequest('/api/buckets', { schema: bucketListSchema, signal });
  return list.buckets;
}

/** The bucket list, loaded once per connection and kept in the wizard's memory. */
export function useBuckets(enabled: boolean) {
  const store = useWizardStore();
  const { buckets } = useWizardState();
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled || store.getState().buckets !== null) return;
    const controller = new AbortController();
    getBuckets(controller.signal).then(
      (list) => {
        setError(null);
        store.setBuckets(list);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, [enabled, store, attempt]);

  const reload = useCallback(() => {
    setError(null);
    store.setBuckets(null);
    setAttempt((n) => n + 1);
  }, [store]);

  return { buckets, error, loading: enabled && buckets === null && error === null, reload };
}
