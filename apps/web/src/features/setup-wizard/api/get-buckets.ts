import { bucketListSchema, type BucketSummary } from '@b2wiz/shared';
import { apiRequest } from './api-client';

/** GET /api/buckets: the buckets the connected key can see, with their rules. */
export async function getBuckets(signal?: AbortSignal): Promise<BucketSummary[]> {
  const list = await apiRequest('/api/buckets', { schema: bucketListSchema, signal });
  return list.buckets;
}
