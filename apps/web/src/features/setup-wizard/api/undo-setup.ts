import { undoResultSchema, type UndoResult } from '@b2wiz/shared';
import { apiRequest } from './api-client';

/** DELETE /api/setups/:idempotencyKey: removes the key and the empty bucket that setup made. */
export function undoSetup(idempotencyKey: string): Promise<UndoResult> {
  return apiRequest(`/api/setups/${encodeURIComponent(idempotencyKey)}`, {
    method: 'DELETE',
    schema: undoResultSchema,
  });
}
