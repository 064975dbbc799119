// The wizard's state, in memory only: drafts per step, the connected account and the setup
// result with the new key's secret. Nothing here is ever written to storage or to the address.
import type { AccountSummary, BucketSummary, SetupResult, Target } from '@b2wiz/shared';
import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import { randomId } from '../../lib/random-id';
import type { Drafts, TargetForm } from './step-forms';
import type { FormStepId, StepId } from './wizard-steps';

/** A server's word about one field, waiting for its step's form to show it. */
export interface ServerFieldError {
  /** The field's name in the step's form; '' for the step as a whole. */
  name: string;
  message: string;
  /** A free bucket name to offer instead of a taken one. */
  suggestion?: string | undefined;
}

export interface WizardState {
  drafts: Drafts;
  /** Steps whose form was sent with Next at least once. */
  submitted: readonly FormStepId[];
  account: AccountSummary | null;
  /** False until GET /api/session has answered once. */
  sessionChecked: boolean;
  buckets: BucketSummary[] | null;
  fieldErrors: Partial<Record<StepId, ServerFieldError[]>>;
  /** One idempotencyKey per reviewed request: a retry of the same request reuses it. */
  review: { requestKey: string; idempotencyKey: string } | null;
  result: SetupResult | null;
  /** The user downloaded or copied the secret, or said they saved it. */
  secretSaved: boolean;
  /** Makes the proposed bucket name this visit's own; fixed, so going back shows the same name. */
  bucketNameSuffix: string;
  /** Whether this server offers the practice sandbox; null until GET /api/health answers. */
  sandboxOffered: boolean | null;
  /** A step was opened with "Change" on Review: its Next goes back to Review. */
  returnToReview: boolean;
}

const initialState: WizardState = {
  drafts: {},
  submitted: [],
  account: null,
  sessionChecked: false,
  buckets: null,
  fieldErrors: {},
  review: null,
  result: null,
  secretSaved: false,
  bucketNameSuffix: '',
  sandboxOffered: null,
  returnToReview: false,
};

/**
 * The drafts without the names, the customer and the key's other buckets: what "Same settings as
 * the last one" keeps.
 */
export function settingsOnly(drafts: Drafts): Drafts {
  const kept = structuredClone(drafts);
  if (kept.target) delete kept.target.customer;
  if (kept.bucket) delete kept.bucket.name;
  if (kept.key) {
    delete kept.key.name;
    // Bucket IDs are the last customer's: the next setup chooses its own other buckets.
    delete kept.key.extraBucketIds;
    delete kept.key.otherBuckets;
  }
  return kept;
}

function newBucketNameSuffix(): string {
  return randomId().replace(/-/g, '').slice(0, 6);
}

export class WizardStore {
  private state: WizardState;
  private readonly listeners = new Set<() => void>();

  constructor(state: Partial<WizardState> = {}) {
    this.state = { ...initialState, bucketNameSuffix: newBucketNameSuffix(), ...state };
  }

  getState = (): WizardState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<WizardState>, notify = true): void {
    this.state = { ...this.state, ...next };
    if (notify) for (const listener of this.listeners) listener();
  }

  /** Keep what was typed when a step is left any way (Back, the browser's back, a link). */
  keepTyped<S extends FormStepId>(step: S, values: Drafts[S]): void {
    this.set({ drafts: { ...this.state.drafts, [step]: structuredClone(values) } }, false);
  }

  /** A later step's validated values, after Next (the tool's have saveTarget). */
  saveDraft<S extends Exclude<FormStepId, 'target'>>(step: S, values: Drafts[S]): void {
    this.set({
      drafts: { ...this.state.drafts, [step]: structuredClone(values) },
      submitted: this.withSubmitted(step),
    });
  }

  /**
   * The tool step's validated values, after Next. `before` is the tool its draft chose while that
   * draft was valid (undefined when it was not): the step checks it, so this store needs no zod.
   */
  saveTarget(values: TargetForm, before: Target | undefined): void {
    let drafts: Drafts = { ...this.state.drafts, target: structuredClone(values) };
    let submitted = this.withSubmitted('target');
    if (before !== undefined && before !== values.target) {
      // The new target brings its own defaults; only the bucket's name and choice stay.
      const bucket = drafts.bucket;
      drafts = {
        target: drafts.target,
        bucket: bucket && {
          mode: bucket.mode,
          name: bucket.name,
          bucketId: bucket.bucketId,
        },
      };
      submitted = submitted.filter((s) => s === 'target' || s === 'bucket');
    }
    this.set({ drafts, submitted });
  }

  private withSubmitted(step: FormStepId): readonly FormStepId[] {
    return this.state.submitted.includes(step)
      ? this.state.submitted
      : [...this.state.submitted, step];
  }

  setAccount(account: AccountSummary | null): void {
    this.set({ account, sessionChecked: true, buckets: null });
  }

  setBuckets(buckets: BucketSummary[] | null): void {
    this.set({ buckets });
  }

  setFieldErrors(errors: Partial<Record<StepId, ServerFieldError[]>>): void {
    this.set({ fieldErrors: { ...this.state.fieldErrors, ...errors } });
  }

  /** Hand a step its waiting server errors, once. */
  takeFieldErrors(step: StepId): ServerFieldError[] {
    const errors = this.state.fieldErrors[step] ?? [];
    if (errors.length > 0) {
      const rest = { ...this.state.fieldErrors };
      delete rest[step];
      this.set({ fieldErrors: rest }, false);
    }
    return errors;
  }

  idempotencyKeyFor(requestKey: string): string {
    const review = this.state.review;
    if (review && review.requestKey === requestKey) return review.idempotencyKey;
    const idempotencyKey = randomId();
    this.set({ review: { requestKey, idempotencyKey } }, false);
    return idempotencyKey;
  }

  setResult(result: SetupResult): void {
    this.set({ result, secretSaved: false });
  }

  /** The same setup's result again (a repeated key check): the secret is unchanged. */
  updateResult(result: SetupResult): void {
    this.set({ result });
  }

  setReturnToReview(returnToReview: boolean): void {
    if (this.state.returnToReview !== returnToReview) this.set({ returnToReview });
  }

  setSecretSaved(secretSaved: boolean): void {
    if (this.state.secretSaved !== secretSaved) this.set({ secretSaved });
  }

  /** Forget everything, the secret included. */
  reset(): void {
    this.set({
      ...initialState,
      sessionChecked: true,
      bucketNameSuffix: newBucketNameSuffix(),
      sandboxOffered: this.state.sandboxOffered,
    });
  }

  /**
   * Another setup over the same connection: no result, the account kept, and fresh drafts, or
   * with `sameSettings` the last setup's choices without its names and customer.
   */
  startAnother(options: { sameSettings?: boolean } = {}): void {
    const same = options.sameSettings === true;
    this.set({
      ...initialState,
      drafts: same ? settingsOnly(this.state.drafts) : {},
      submitted: same ? this.state.submitted.filter((step) => step !== 'bucket') : [],
      account: this.state.account,
      sessionChecked: this.state.sessionChecked,
      bucketNameSuffix: newBucketNameSuffix(),
      sandboxOffered: this.state.sandboxOffered,
    });
  }

  /** A saved recipe's drafts (recipe-drafts.ts): every step is shown again before Review. */
  applyRecipe(drafts: Drafts): void {
    this.set({ drafts: structuredClone(drafts), submitted: [], review: null });
  }

  setSandboxOffered(sandboxOffered: boolean): void {
    if (this.state.sandboxOffered !== sandboxOffered) this.set({ sandboxOffered });
  }
}

interface WizardContextValue {
  store: WizardStore;
  /** `back` marks a move to the previous step, which may reuse the browser's history entry. */
  navigate: (step: StepId, options?: { replace?: boolean; back?: boolean }) => void;
}

const WizardContext = createContext<WizardContextValue | null>(null);

export function WizardProvider({
  navigate,
  store,
  children,
}: {
  navigate: WizardContextValue['navigate'];
  store?: WizardStore;
  children: ReactNode;
}) {
  const [ownStore] = useState(() => store ?? new WizardStore());
  return (
    <WizardContext.Provider value={{ store: ownStore, navigate }}>
      {children}
    </WizardContext.Provider>
  );
}

function useWizardContext(): WizardContextValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error('The setup wizard needs a <WizardProvider> around it.');
  return value;
}

export function useWizardStore(): WizardStore {
  return useWizardContext().store;
}

export function useWizardState(): WizardState {
  const store = useWizardStore();
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}

export function useNavigate(): WizardContextValue['navigate'] {
  return useWizardContext().navigate;
}
