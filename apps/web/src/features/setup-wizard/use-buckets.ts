// The account's bucket list for the steps: loaded once per connection, kept in the store.
import { useCallback, useEffect, useState } from 'react';
import { getBuckets } from './api/get-buckets';
import { useWizardState, useWizardStore } from './wizard-store';

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
