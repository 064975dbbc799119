// POST/GET/DELETE /api/session: connect a key (or the sandbox), read the summary, forget it all.
import { connectRequestSchema } from '@b2wiz/shared';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../config';
import { AppError } from '../errors/app-error';
import { clearSessionCookie, readSessionId, setSessionCookie } from '../http/session-cookie';
import { parseBody } from '../http/validate';
import type { SessionService } from '../services/session-service';
import { requireSession, sessionOf } from './require-session';

const [sandboxRequestSchema, keyRequestSchema] = connectRequestSchema.options;

export function sessionRouter(deps: { config: AppConfig; sessions: SessionService }): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: deps.config.sessionRateLimit.windowMs,
    limit: deps.config.sessionRateLimit.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(
        new AppError(
          429,
          'rate_limited',
          'Too many connection attempts from this address. Wait a minute, then try again.',
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
    const session = await deps.sessions.start(asked, readSessionId(req));
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
