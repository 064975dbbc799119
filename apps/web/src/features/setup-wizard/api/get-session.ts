import { accountSummarySchema, type AccountSummary } from '@b2wiz/shared';
import { ApiError, apiRequest } from './api-client';

/** GET /api/session: the connected account, or null when there is none. */
export async function getSession(signal?: AbortSignal): Promise<AccountSummary | null> {
  try {
    return await apiRequest('/api/session', { schema: accountSummarySchema, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
