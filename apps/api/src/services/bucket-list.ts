// The buckets the connected key can see, with today's rules, for the bucket step's list.
import type { BucketList } from '@b2wiz/shared';
import type { OpenSession } from './session-service';
import { requireCapabilities } from './setup/capability-check';

export async function listBuckets(session: OpenSession): Promise<BucketList> {
  requireCapabilities(session, ['listBuckets']);
  // A key restricted to one bucket must name it (docs/b2-behaviour.md "Capabilities").
  const restricted = session.summary.restrictedBucket;
  const buckets = await session.connection.listBuckets(
    restricted ? { bucketId: restricted.bucketId } : {},
  );
  return {
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
}
