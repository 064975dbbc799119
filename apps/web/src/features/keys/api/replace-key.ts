import { setupResultSchema, type SetupResult, type Target } from '@b2wiz/shared';
import { apiRequest } from '../../setup-wizard/api/api-client';

/**
 * POST /api/keys/:applicationKeyId/replace: a new key with the same access, checked for `target`,
 * with its files. The same idempotencyKey again answers the same key, never a second one.
 */
export function replaceKey(
  applicationKeyId: string,
  target: Target,
  idempotencyKey: string,
): Promise<SetupResult> {
  return apiRequest(`/api/keys/${encodeURIComponent(applicationKeyId)}/replace`, {
    method: 'POST',
    body: { target, idempotencyKey },
    schema: setupResultSchema,
  });
}
