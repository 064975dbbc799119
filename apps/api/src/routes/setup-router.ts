// POST /api/setup/plan and /api/setup/apply: thin; the setup service does the work.
import { applyRequestSchema, setupRequestSchema } from '@b2wiz/shared';
import { Router } from 'express';
import { parseBody } from '../http/validate';
import type { SessionService } from '../services/session-service';
import type { SetupService } from '../services/setup-service';
import { requireSession, sessionOf } from './require-session';

export function setupRouter(deps: { sessions: SessionService; setup: SetupService }): Router {
  const router = Router();
  const connected = requireSession(deps.sessions);

  router.post('/plan', connected, async (req, res) => {
    const request = parseBody(setupRequestSchema, req.body);
    res.json(await deps.setup.plan(sessionOf(req, res), request));
  });

  router.post('/apply', connected, async (req, res) => {
    const request = parseBody(applyRequestSchema, req.body);
    res.json(await deps.setup.apply(sessionOf(req, res), request));
  });

  return router;
}
