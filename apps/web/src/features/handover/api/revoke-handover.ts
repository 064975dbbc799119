import { handoverSummarySchema, type HandoverSummary } from '@b2wiz/shared';
import { apiRequest } from '../../setup-wizard/api/api-client';

/** DELETE /api/handovers/:id: only the session that made the link may. */
export function revokeHandover(id: string): Promise<HandoverSummary> {
  return apiRequest(`/api/handovers/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    schema: handoverSummarySchema,
  });
}
