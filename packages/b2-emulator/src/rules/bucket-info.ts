/** bucketInfo: the name-to-string map a bucket carries. */
import { badRequest } from '../errors';

export function checkBucketInfo(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('bucketInfo must be an object mapping names to string values');
  }
  const entries = Object.entries(value);
  // B2's docs do not say how many entries bucketInfo may hold; 10 is the limit they give for file info.
  if (entries.length > 10) throw badRequest('bucketInfo may hold at most 10 entries');
  for (const [name, v] of entries) {
    if (typeof v !== 'string') throw badRequest(`bucketInfo value for ${name} must be a string`);
  }
  return { ...(value as Record<string, string>) };
}
