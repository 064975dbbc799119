import {
  setupResultSchema,
  type ConfirmableWarning,
  type SetupRequestInput,
  type SetupResult,
} from '@b2wiz/shared';
import { apiRequest } from './api-client';

/**
 * POST /api/setup/apply. Sending the same idempotencyKey again finishes or repeats, never doubles.
 * `confirm` lists the consequences the user ticked on Review; without one it needs, the server
 * answers 409 confirmation_needed and changes nothing.
 */
export function applySetup(
  request: SetupRequestInput,
  idempotencyKey: string,
  confirm: readonly ConfirmableWarning[] = [],
): Promise<SetupResult> {
  return apiRequest('/api/setup/apply', {
    method: 'POST',
    body: { ...request, idempotencyKey, ...(confirm.length > 0 ? { confirm } : {}) },
    schema: setupResultSchema,
  });
}
