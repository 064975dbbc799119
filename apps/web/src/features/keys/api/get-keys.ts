import { accountKeyListSchema, type AccountKeyList } from '@b2wiz/shared';
import { apiRequest } from '../../setup-wizard/api/api-client';

/** GET /api/keys: the account's application keys as b2_list_keys lists them, without secrets. */
export function getKeys(signal?: AbortSignal): Promise<AccountKeyList> {
  return apiRequest('/api/keys', { schema: accountKeyListSchema, signal });
}
