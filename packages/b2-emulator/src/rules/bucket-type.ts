/** Bucket types: the two a bucket can be made with, and the b2_list_buckets filter. */
import { badRequest } from '../errors';

export const LISTABLE_BUCKET_TYPES = [
  'allPrivate',
  'allPublic',
  'restricted',
  'snapshot',
  'shared',
] as const;
export const DEFAULT_LISTED_BUCKET_TYPES = ['allPrivate', 'allPublic', 'snapshot'];

export function checkBucketType(value: unknown): 'allPrivate' | 'allPublic' {
  if (value === 'allPrivate' || value === 'allPublic') return value;
  throw badRequest(`bucketType must be allPrivate or allPublic, not ${JSON.stringify(value)}`);
}

/** b2_list_buckets bucketTypes filter: absent means the default types; "all" must stand alone. */
export function checkBucketTypesFilter(value: unknown): string[] | 'all' {
  if (value === undefined || value === null) return DEFAULT_LISTED_BUCKET_TYPES;
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest('bucketTypes must be a non-empty list');
  }
  if (value.includes('all')) {
    if (value.length > 1)
      throw badRequest('bucketTypes: "all" cannot be combined with other types');
    return 'all';
  }
  for (const type of value) {
    if (typeof type !== 'string' || !(LISTABLE_BUCKET_TYPES as readonly string[]).includes(type)) {
      throw badRequest(`bucketTypes: unknown bucket type ${JSON.stringify(type)}`);
    }
  }
  return value as string[];
}
