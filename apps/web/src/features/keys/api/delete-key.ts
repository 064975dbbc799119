import { keyDeletedSchema, type KeyDeleted } from '@b2wiz/shared';
import { apiRequest } from '../../setup-wizard/api/api-client';

/** DELETE /api/keys/:applicationKeyId: b2_delete_key for one key of the list. */
export function deleteKey(applicationKeyId: string): Promise<KeyDeleted> {
  return apiRequest(`/api/keys/${encodeURIComponent(applicationKeyId)}`, {
    method: 'DELETE',
    schema: keyDeletedSchema,
  });
}
