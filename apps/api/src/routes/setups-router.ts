// GET /api/setups and DELETE /api/setups/:idempotencyKey: thin; the setups service does the work.
import { idempotencyKeySchema, type SetupList } from '@b2wiz/shared';
import { Router } from 'express';
import { z } from 'zod';
import { parseBody } from '../http/validate';
import type { SessionService } from '../services/session-service';
import type { SetupsService } from '../services/setups-service';
import { requireSession, sessionOf } from './require-session';

const params = z.object({ idempotencyKey: idempotencyKeySchema });

export function setupsRouter(deps: { sessions: SessionService; setups: SetupsService }): Router {
  const router = Router();
  const connected = requireSession(deps.sessions);

  router.get('/', connected, async (req, res) => {
    const answer: SetupList = { setups: await deps.setups.list(sessionOf(req, res)) };
    res.json(answer);
  });

  router.delete('/:idempotencyKey', connected, async (req, res) => {
    const { idempotencyKey } = parseBody(params, req.params);
    res.json(await deps.setups.undo(sessionOf(req, res), idempotencyKey));
  });

  return router;
}
