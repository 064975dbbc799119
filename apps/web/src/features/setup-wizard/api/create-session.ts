import { accountSummarySchema, type AccountSummary, type ConnectRequest } from '@b2wiz/shared';
import { apiRequest } from './api-client';

/** POST /api/session: connect with a key, or to the practice sandbox. */
export function createSession(body: ConnectRequest): Promise<AccountSummary> {
  return apiRequest('/api/session', { method: 'POST', body, schema: accountSummarySchema });
}
