// The native calls' re-authorization, kept apart from the retries (as b2sdk keeps its session's
// re-authorization apart from b2http's retries): a call that finds the account token stale
// re-authorizes once, and the same attempt is sent again on the new token. A second stale
// answer is the call's error, never a loop. The authorize call itself is never wrapped.
import { isStaleToken } from './b2-errors';
import {
  callWithRetry,
  type CallContext,
  type CallResult,
  type RetriedCall,
} from './call-with-retry';

/** What the wrapper needs: the token's generation, and a way to replace the token. */
export interface Reauthorizing {
  readonly generation: number;
  reauthorize(): Promise<void>;
}

/** A connection's token renewal, shared by all its calls. */
export class TokenRenewal implements Reauthorizing {
  /** Bumped on every authorization, so a call knows whether its token was already replaced. */
  generation = 0;
  private pending: Promise<void> | null = null;

  constructor(private readonly authorize: () => Promise<void>) {}

  /** One re-authorization shared by every call that found the token stale at the same time. */
  reauthorize(): Promise<void> {
    this.pending ??= this.authorize().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }
}

/** callWithRetry, with one re-authorization when B2 calls the account token stale. */
export function withReauthorization<T, P = undefined>(
  session: Reauthorizing,
  call: RetriedCall<T, P>,
  context: CallContext,
): Promise<CallResult<T>> {
  let reauthorized = false;
  /** The generation of the token the latest attempt carried. */
  let generation = session.generation;
  return callWithRetry(
    {
      ...call,
      send: (prepared, attempt) => {
        generation = session.generation;
        return call.send(prepared, attempt);
      },
      recover: async (failure) => {
        if (reauthorized || !isStaleToken(failure)) return (await call.recover?.(failure)) ?? false;
        reauthorized = true;
        // Another call may have re-authorized while this one was under way.
        if (generation === session.generation) await session.reauthorize();
        return true;
      },
    },
    context,
  );
}
