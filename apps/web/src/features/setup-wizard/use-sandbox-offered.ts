// Whether this server offers the practice sandbox (SANDBOX=off hides it), asked once per visit.
import { useEffect } from 'react';
import { whenEngaged } from '../../lib/when-engaged';
import { useWizardState, useWizardStore } from './wizard-store';

/**
 * null while the server has not said; the sandbox is shown only once it says yes. `early`: asked
 * ahead, from the first step, once the person starts to use the page (the answer's schema check
 * loads zod, which the first page does without).
 */
export function useSandboxOffered({ early = false } = {}): boolean | null {
  const store = useWizardStore();
  const { sandboxOffered } = useWizardState();
  useEffect(() => {
    if (store.getState().sandboxOffered !== null) return;
    const controller = new AbortController();
    const ask = () => {
      if (store.getState().sandboxOffered !== null) return;
      // Loaded apart, like the session check: the first step draws without the API client.
      import('./api/get-health')
        .then(({ getHealth }) => getHealth(controller.signal))
        .then(
          (health) => store.setSandboxOffered(health.sandbox ?? true),
          // No answer: the sandbox stays hidden; connecting with a key still works.
          () => undefined,
        );
    };
    if (!early) {
      ask();
      return () => controller.abort();
    }
    const cancel = whenEngaged(ask);
    return () => {
      cancel();
      controller.abort();
    };
  }, [store, early]);
  return sandboxOffered;
}
