// POST/GET/DELETE /api/session: connect a key (or the sandbox), read the summary, forget it all.
import { connectRequestSchema } from '@b2wiz/shared';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { B2Gateway } from '../b2/b2-types';
import type { AppConfig } from '../config';
import { AppError } from '../errors/app-error';
import { clearSessionCookie, readSessionId, setSessionCookie } from '../http/session-cookie';
import { parseBody } from '../http/validate';
import { connect, type SessionStore } from '../services/session-service';
import { requireSession, sessionOf } from './require-session';

const [sandboxRequestSchema, keyRequestSchema] = connectRequestSchema.options;

export function sessionRouter(deps: {
  config: AppConfig;
  b2: B2Gateway;
  sessions: SessionStore;
}): Router {
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
    const { connection, summary } = await connect(deps.b2, deps.config, asked);
    const previous = readSessionId(req);
    if (previous) deps.sessions.delete(previous);
    const session = deps.sessions.create({ connection, summary });
    setSessionCookie(req, res, session.id);
    res.json(summary);
  });

  router.get('/', requireSession(deps.sessions), (req, res) => {
    res.json(sessionOf(req, res).summary);
  });

  router.delete('/', (req, res) => {
    const id = readSessionId(req);
    if (id) deps.sessions.delete(id);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
