import { handoverCiphertextSchema, type HandoverCiphertext } from '@b2wiz/shared';
import { apiRequest } from '../../setup-wizard/api/api-client';

/** POST /api/handovers/:id: the ciphertext, to the first reader only (a POST, never a GET). */
export function readHandover(id: string): Promise<HandoverCiphertext> {
  return apiRequest(`/api/handovers/${encodeURIComponent(id)}`, {
    method: 'POST',
    body: {},
    schema: handoverCiphertextSchema,
  });
}
