import { apiRequest } from './api-client';

/** DELETE /api/session: the server forgets the credentials at once. */
export function deleteSession(): Promise<void> {
  return apiRequest('/api/session', { method: 'DELETE' });
}
