// The request the wizard sends for a target when the user keeps every default (docs/targets.md),
// and the same request parsed, for the direct-B2 arm.
import { randomBytes } from 'node:crypto';
import {
  setupRequestSchema,
  targetDefaults,
  type SetupRequest,
  type SetupRequestInput,
  type Target,
} from '@b2wiz/shared';

/** Laravel's CORS preset needs the app's origin; every other target is complete as it stands. */
const LARAVEL_ORIGIN = 'https://app.example.com';

let counter = 0;
/** Bucket names are global on B2 (and in the emulator): a fresh one per apply. */
export function benchBucketName(target: Target): string {
  counter += 1;
  return `bench-${target}-${counter}-${randomBytes(3).toString('hex')}`;
}

export function defaultRequest(
  target: Target,
  bucketName = benchBucketName(target),
): SetupRequestInput {
  const base = targetDefaults(target);
  const request: SetupRequestInput = {
    ...base,
    // targetDefaults always starts with a new bucket; only its name is left for the user.
    bucket: { ...base.bucket, name: bucketName } as SetupRequestInput['bucket'],
    key: { ...base.key, name: `${target}-key` },
  };
  if (target === 'laravel') {
    request.cors = { preset: 'oneOrigin', origin: LARAVEL_ORIGIN, apis: 'both', uploads: true };
    request.options = { laravel: { appUrl: LARAVEL_ORIGIN, diskName: 'b2' } };
  }
  return request;
}

export function parsed(request: SetupRequestInput): SetupRequest {
  return setupRequestSchema.parse(request);
}
