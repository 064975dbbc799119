/** Bucket names (docs/b2-behaviour.md, "Buckets, lifecycle and CORS"): 400 bad_request when wrong. */
import { badRequest } from '../errors';

export function checkBucketName(name: unknown): string {
  if (typeof name !== 'string') throw badRequest('bucketName is required and must be a string');
  if (name.length < 6 || name.length > 63) {
    throw badRequest(`bucket name must be 6 to 63 characters long: ${name}`);
  }
  if (!/^[A-Za-z0-9-]+$/.test(name)) {
    throw badRequest(`bucket name may only contain letters, digits and "-": ${name}`);
  }
  if (/^b2-/i.test(name)) {
    throw badRequest(`bucket names starting with "b2-" are reserved by Backblaze: ${name}`);
  }
  return name;
}
