// The practice sandbox's accounts: a shared sandbox emulator makes one per sandbox session
// (POST /__emulator/accounts, behind its admin token), so practice users never see each other's
// buckets. Not a B2 call: only the emulator has this route.
import { AppError } from '../errors/app-error';

export interface PracticeKey {
  applicationKeyId: string;
  applicationKey: string;
}

function unavailable(detail: string): AppError {
  return new AppError(
    502,
    'sandbox_unavailable',
    'The practice sandbox did not answer. Wait a moment and try again, or connect with your own application key.',
    { retryable: true, logDetail: `practice account: ${detail}` },
  );
}

export async function newPracticeAccount(
  emulatorUrl: string,
  token: string,
  timeoutMs = 10_000,
): Promise<PracticeKey> {
  let res: Response;
  try {
    res = await fetch(`${emulatorUrl.replace(/\/+$/, '')}/__emulator/accounts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw unavailable(error instanceof Error ? error.name : 'no answer');
  }
  const body: unknown = await res.json().catch(() => null);
  const key = body as Partial<PracticeKey> | null;
  if (
    res.status !== 201 ||
    typeof key?.applicationKeyId !== 'string' ||
    typeof key.applicationKey !== 'string'
  ) {
    throw unavailable(`HTTP ${res.status}`);
  }
  return { applicationKeyId: key.applicationKeyId, applicationKey: key.applicationKey };
}
