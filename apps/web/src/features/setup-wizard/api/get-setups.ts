import { setupListSchema, type SetupEntry } from '@b2wiz/shared';
import { apiRequest } from './api-client';

/** GET /api/setups: this connection's setups, newest first, without secrets. */
export async function getSetups(signal?: AbortSignal): Promise<SetupEntry[]> {
  const list = await apiRequest('/api/setups', { schema: setupListSchema, signal });
  return list.setups;
}
