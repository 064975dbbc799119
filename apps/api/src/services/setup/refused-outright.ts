import { isAppError } from '../../errors/app-error';
import { outcomeUnknown } from '../../b2/b2-call-error';

/** B2 answered with a refusal (4xx, not 429): the call made nothing, so a retry sends it anew. */
export function refusedOutright(error: unknown): boolean {
  return isAppError(error) && error.status < 500 && error.status !== 429 && !outcomeUnknown(error);
}
