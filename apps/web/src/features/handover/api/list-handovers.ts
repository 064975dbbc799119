import { handoverListSchema, type HandoverList } from '@b2wiz/shared';
import { apiRequest } from '../../setup-wizard/api/api-client';

/** GET /api/handovers: this session's links, newest first. */
export function listHandovers(): Promise<HandoverList> {
  return apiRequest('/api/handovers', { schema: handoverListSchema });
}
