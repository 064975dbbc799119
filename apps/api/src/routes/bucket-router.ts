// GET /api/buckets: the buckets this key can see, with today's lifecycle and CORS rules.
import type { BucketList } from '@b2wiz/shared';
import { Router } from 'express';
import { AppError } from '../errors/app-error';
import type { SessionStore } from '../services/session-service';
import { requireSession, sessionOf } from './require-session';

export function bucketRouter(deps: { sessions: SessionStore }): Router {
  const router = Router();
  router.get('/', requireSession(deps.sessions), async (req, res) => {
    const session = sessionOf(req, res);
    if (!session.summary.capabilities.includes('listBuckets')) {
      throw new AppError(
        403,
        'missing_capability',
        'The connected key lacks the capability “listBuckets” (needed to see your buckets). Connect with the master application key, or a key that has it.',
      );
    }
    // A key restricted to one bucket must name it (docs/b2-behaviour.md "Capabilities").
    const restricted = session.summary.restrictedBucket;
    const buckets = await session.connection.listBuckets(
      restricted ? { bucketId: restricted.bucketId } : {},
    );
    const answer: BucketList = {
      buckets: buckets.map((b) => ({
        bucketId: b.bucketId,
        bucketName: b.bucketName,
        bucketType: b.bucketType,
        lifecycleRules: b.lifecycleRules,
        corsRules: b.corsRules,
        defaultServerSideEncryption: b.defaultServerSideEncryption,
        fileLockEnabled: b.fileLockEnabled,
        revision: b.revision,
      })),
    };
    res.json(answer);
  });
  return router;
}
