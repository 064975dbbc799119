// POST/GET/DELETE /api/session: connect a key (or the sandbox), read the summary, forget it all.
import { connectRequestSchema } from '@b2wiz/shared';
import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { AppConfig } from '../config';
import { AppError } from '../errors/app-error';
import { requestContextOf } from '../http/request-log';
import { clearSessionCookie, readSessionId, setSessionCookie } from '../http/session-cookie';
import { parseBody } from '../http/validate';
import type { SessionService } from '../services/session-service';
import { requireSession, sessionOf } from './require-session';

const [sandboxRequestSchema, keyRequestSchema] = connectRequestSchema.options;

/** Whose attempts count together: one address with one key id (or the sandbox). */
function attemptKey(req: Request): string {
  const body: unknown = req.body;
  const keyId =
    typeof body === 'object' && body !== null && 'applicationKeyId' in body
      ? String(body.applicationKeyId).slice(0, 64)
      : typeof body === 'object' && body !== null && 'sandbox' in body
        ? 'sandbox'
        : '-';
  // Hashed: the counts may sit in a shared store, and need not name anyone.
  return createHash('sha256')
    .update(`${ipKeyGenerator(req.ip ?? '')} ${keyId}`)
    .digest('base64url');
}

export function sessionRouter(deps: {
  config: AppConfig;
  sessions: SessionService;
  /** Shared by every instance when Redis is on; this process's memory otherwise. */
  rateLimitStore?: Store;
}): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: deps.config.sessionRateLimit.windowMs,
    limit: deps.config.sessionRateLimit.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Only failed connects count, per address and key id: a typo burst or a neighbour behind the
    // same proxy cannot lock out a good key.
    skipSuccessfulRequests: true,
    keyGenerator: attemptKey,
    ...(deps.rateLimitStore ? { store: deps.rateLimitStore } : {}),
    handler: (_req, _res, next) =>
      next(
        new AppError(
          429,
          'rate_limited',
          'Too many failed connection attempts with this key from this address. Check the key ID and key, wait a minute, then try again.',
          { retryable: true },
        ),
      ),
  });

  router.post('/', limiter, async (req, res) => {
    // The branch the body aims at, so its errors name fields rather than "no branch matched".
    const body: unknown = req.body;
    const asked =
      typeof body === 'object' && body !== null && 'sandbox' in body
        ? parseBody(sandboxRequestSchema, body)
        : parseBody(keyRequestSchema, body);
    const session = await deps.sessions.start(asked, readSessionId(req), requestContextOf(res));
    setSessionCookie(req, res, session.id);
    res.json(session.summary);
  });

  router.get('/', requireSession(deps.sessions), (req, res) => {
    res.json(sessionOf(req, res).summary);
  });

  router.delete('/', async (req, res) => {
    const id = readSessionId(req);
    if (id) await deps.sessions.end(id);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
