// /api/handovers: make a link (connected), list and revoke this session's links, and read one
// (no session, rate-limited; a POST, so a link preview's GET never uses it up).
import { createHash } from 'node:crypto';
import { handoverCreateRequestSchema } from '@b2wiz/shared';
import { Router } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { AppConfig } from '../config';
import { AppError } from '../errors/app-error';
import { parseBody } from '../http/validate';
import type { HandoverService } from '../services/handover-service';
import type { SessionService } from '../services/session-service';
import { requireSession, sessionOf } from './require-session';

export function handoverRouter(deps: {
  config: AppConfig;
  sessions: SessionService;
  handovers: HandoverService;
  /** Shared by every instance when Redis is on; this process's memory otherwise. */
  rateLimitStore?: Store;
}): Router {
  const router = Router();
  const { handovers } = deps;
  // Every read counts, per address: guessing ids or burning links in bulk is slow.
  const readLimiter = rateLimit({
    windowMs: deps.config.handoverReadRateLimit.windowMs,
    limit: deps.config.handoverReadRateLimit.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) =>
      createHash('sha256')
        .update(`handover ${ipKeyGenerator(req.ip ?? '')}`)
        .digest('base64url'),
    ...(deps.rateLimitStore ? { store: deps.rateLimitStore } : {}),
    handler: (_req, _res, next) =>
      next(
        new AppError(
          429,
          'rate_limited',
          'Too many handover links were opened from this address. Wait a minute, then reload the page.',
          { retryable: true },
        ),
      ),
  });
  const connected = requireSession(deps.sessions);

  router.post('/', connected, async (req, res) => {
    const request = parseBody(handoverCreateRequestSchema, req.body);
    res.status(201).json(await handovers.create(sessionOf(req, res).id, request));
  });

  router.get('/', connected, async (req, res) => {
    res.json(await handovers.list(sessionOf(req, res).id));
  });

  router.post('/:id', readLimiter, async (req, res) => {
    res.json(await handovers.open(req.params.id as string));
  });

  router.delete('/:id', connected, async (req, res) => {
    res.json(await handovers.revoke(sessionOf(req, res).id, req.params.id as string));
  });

  return router;
}
