import { planSchema, type Plan, type SetupRequestInput } from '@b2wiz/shared';
import { apiRequest } from './api-client';

/** POST /api/setup/plan: every B2 change the setup would make; changes nothing. */
export function planSetup(request: SetupRequestInput, signal?: AbortSignal): Promise<Plan> {
  return apiRequest('/api/setup/plan', {
    method: 'POST',
    body: request,
    schema: planSchema,
    signal,
  });
}
