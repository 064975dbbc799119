// Whether this server offers the practice sandbox (SANDBOX=off hides it), asked once per visit.
import { useEffect } from 'react';
import { useWizardState, useWizardStore } from './wizard-store';

/** null while the server has not said; the sandbox is shown only once it says yes. */
export function useSandboxOffered(): boolean | null {
  const store = useWizardStore();
  const { sandboxOffered } = useWizardState();
  useEffect(() => {
    if (store.getState().sandboxOffered !== null) return;
    const controller = new AbortController();
    // Loaded apart, like the session check: the first step draws without the API client.
    import('./api/get-health')
      .then(({ getHealth }) => getHealth(controller.signal))
      .then(
        (health) => store.setSandboxOffered(health.sandbox ?? true),
        // No answer: the sandbox stays hidden; connecting with a key still works.
        () => undefined,
      );
    return () => controller.abort();
  }, [store]);
  return sandboxOffered;
}
