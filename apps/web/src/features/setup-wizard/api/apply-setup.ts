import { setupResultSchema, type SetupRequestInput, type SetupResult } from '@b2wiz/shared';
import { apiRequest } from './api-client';

/** POST /api/setup/apply. Sending the same idempotencyKey again finishes or repeats, never doubles. */
export function applySetup(
  request: SetupRequestInput,
  idempotencyKey: string,
): Promise<SetupResult> {
  return apiRequest('/api/setup/apply', {
    method: 'POST',
    body: { ...request, idempotencyKey },
    schema: setupResultSchema,
  });
}
