// GET /api/keys, DELETE /api/keys/:applicationKeyId, POST /api/keys/:applicationKeyId/replace:
// thin; the keys and key-replace services do the work.
import { applicationKeyIdSchema, replaceKeyRequestSchema } from '@b2wiz/shared';
import { Router } from 'express';
import { z } from 'zod';
import { parseBody } from '../http/validate';
import type { KeyReplaceService } from '../services/key-replace-service';
import type { KeysService } from '../services/keys-service';
import type { SessionService } from '../services/session-service';
import { requireSession, sessionOf } from './require-session';

const params = z.object({ applicationKeyId: applicationKeyIdSchema });

export function keysRouter(deps: {
  sessions: SessionService;
  keys: KeysService;
  replace: KeyReplaceService;
}): Router {
  const router = Router();
  const connected = requireSession(deps.sessions);

  router.get('/', connected, async (req, res) => {
    res.json(await deps.keys.list(sessionOf(req, res)));
  });

  router.delete('/:applicationKeyId', connected, async (req, res) => {
    const { applicationKeyId } = parseBody(params, req.params);
    res.json(await deps.keys.delete(sessionOf(req, res), applicationKeyId));
  });

  router.post('/:applicationKeyId/replace', connected, async (req, res) => {
    const { applicationKeyId } = parseBody(params, req.params);
    const body = parseBody(replaceKeyRequestSchema, req.body);
    res.json(await deps.replace.replace(sessionOf(req, res), applicationKeyId, body));
  });

  return router;
}
