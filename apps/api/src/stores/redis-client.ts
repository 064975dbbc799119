// The Redis connection of the shared stores: commands fail at once while Redis is away (no
// offline queue, so a request never hangs), and every failure becomes one plain-words 503.
import { createHash } from 'node:crypto';
import type { createClient as createClientType } from 'redis';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';

type CreateClient = typeof createClientType;

function newClient(createClient: CreateClient, url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      // Keep trying in the background, at most every 2 s; requests meanwhile get a 503.
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
    },
  });
}

export type Redis = ReturnType<typeof newClient>;

export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  // Loaded only when REDIS_URL is set: the embedded default starts faster and smaller without it.
  const { createClient } = await import('redis');
  const client = newClient(createClient, url);
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) logger.warn('session store unreachable', { error: error.message });
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info('session store reachable again');
    down = false;
  });
  // Start without Redis if need be: requests get 503 and /api/ready says so until it answers.
  const connecting = client.connect().then(
    () => true,
    () => false,
  );
  const waited = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000).unref());
  if (!(await Promise.race([connecting, waited]))) {
    logger.warn('session store not reachable yet; /api/ready answers 503 until it is');
  }
  return client;
}

export function storeUnavailable(): AppError {
  return new AppError(
    503,
    'store_unavailable',
    'The wizard cannot reach its session store right now, so nothing was changed. Wait a moment, then try again.',
    { retryable: true },
  );
}

/** Runs a store operation; a Redis failure becomes store_unavailable. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw storeUnavailable();
  }
}

/**
 * How a session id appears in a Redis key name: hashed. The id is the browser's cookie, so a
 * reader of Redis must not be able to take it and act as that browser.
 */
export function keyPart(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}
