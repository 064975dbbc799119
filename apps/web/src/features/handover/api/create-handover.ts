import { handoverCreatedSchema, type HandoverCreated } from '@b2wiz/shared';
import { apiRequest } from '../../setup-wizard/api/api-client';

/** POST /api/handovers: the server keeps the ciphertext until it is read once or expires. */
export function createHandover(ciphertext: string, ttlHours: number): Promise<HandoverCreated> {
  return apiRequest('/api/handovers', {
    method: 'POST',
    body: { ciphertext, ttlHours },
    schema: handoverCreatedSchema,
  });
}
