// Router-less step routing over the History API: the step is the `step` query parameter, so any
// static server can serve a reload. Nothing but the step's name ever goes into the address.
import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'wizard:navigate';

/** Kept in each history entry: the step it was reached from, so Back can reuse that entry. */
interface EntryState {
  from: string | null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function readStepParam(): string | null {
  return new URLSearchParams(window.location.search).get('step');
}

export function useStepParam(): string | null {
  return useSyncExternalStore(subscribe, readStepParam, () => null);
}

export interface NavigateOptions {
  /** Take this entry's place (a redirect), instead of adding one. */
  replace?: boolean;
  /** Going to the previous step: use the browser's back when that is where it leads. */
  back?: boolean;
}

/** Go to a step; `null` is the first step, at the bare address. */
export function navigateToStep(step: string | null, options: NavigateOptions = {}): void {
  const current = readStepParam();
  const state = window.history.state as EntryState | null;
  if (options.back && state && state.from === step) {
    window.history.back();
    return;
  }
  const url = step === null ? window.location.pathname : `${window.location.pathname}?step=${step}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (options.replace) {
    window.history.replaceState({ from: state?.from ?? null } satisfies EntryState, '', url);
  } else {
    window.history.pushState({ from: current } satisfies EntryState, '', url);
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
