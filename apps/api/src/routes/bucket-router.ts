// GET /api/buckets: the buckets this key can see, with today's lifecycle and CORS rules.
import { Router } from 'express';
import { listBuckets } from '../services/bucket-list';
import type { SessionService } from '../services/session-service';
import { requireSession, sessionOf } from './require-session';

export function bucketRouter(deps: { sessions: SessionService }): Router {
  const router = Router();
  router.get('/', requireSession(deps.sessions), async (req, res) => {
    res.json(await listBuckets(sessionOf(req, res)));
  });
  return router;
}
