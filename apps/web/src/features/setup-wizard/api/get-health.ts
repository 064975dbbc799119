import { healthSchema, type Health } from '@b2wiz/shared';
import { apiRequest } from './api-client';

export type { Health };

/** GET /api/health: whether this server offers the practice sandbox (false with SANDBOX=off). */
export function getHealth(signal?: AbortSignal): Promise<Health> {
  return apiRequest('/api/health', { schema: healthSchema, signal });
}
