// Reading a SetupRequest: the rules and key it asks for, its fingerprint, and its words.
import {
  CORS_LABELS,
  LIFECYCLE_LABELS,
  TARGET_PRESETS,
  corsRulesFor,
  keyCapabilities,
  lifecycleRulesFor,
  type ApplyRequest,
  type SetupRequest,
} from '@b2wiz/shared';
import type { B2Bucket, CreateKeyInput } from '../../b2/b2-types';
import type { Desired } from './rule-match';

const sorted = (list: readonly string[]) => [...list].sort();
export const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

// --- Reading the request ----------------------------------------------------------------------
/** The rules the request asks for; keepCurrent takes an existing bucket's rules as they are. */
export function desiredRules(request: SetupRequest, current?: B2Bucket): Desired {
  return {
    lifecycleRules: lifecycleRulesFor(request.lifecycle, current?.lifecycleRules),
    corsRules: corsRulesFor(request.cors, current?.corsRules),
  };
}

export function listAllBucketNames(request: SetupRequest): boolean {
  return request.key.listAllBucketNames ?? TARGET_PRESETS[request.target].key.listAllBucketNames;
}

/**
 * The key to make: limited to the setup's bucket and `otherBucketIds` (key.extraBucketIds, read
 * by extra-buckets.ts); a key for several buckets goes through v4 (docs/b2-behaviour.md "Keys for
 * several buckets").
 */
export function keyInput(
  request: SetupRequest,
  bucketId: string,
  otherBucketIds: readonly string[] = [],
): CreateKeyInput {
  const input: CreateKeyInput = {
    keyName: request.key.name,
    capabilities: keyCapabilities(request.key.access, listAllBucketNames(request)),
  };
  if (request.key.restrictToBucket && otherBucketIds.length > 0) {
    input.bucketIds = [bucketId, ...otherBucketIds];
  } else if (request.key.restrictToBucket) input.bucketId = bucketId;
  if (request.key.namePrefix) input.namePrefix = request.key.namePrefix;
  if (request.key.validDays) input.validDurationInSeconds = request.key.validDays * 86_400;
  return input;
}

export function describeLifecycle(request: SetupRequest): string {
  const l = LIFECYCLE_LABELS[request.lifecycle.preset];
  const days = request.lifecycle.preset === 'keepPriorDays' ? ` (${request.lifecycle.days})` : '';
  return `Lifecycle: ${l.label}${days}. ${l.description}`;
}

export function describeCors(request: SetupRequest): string {
  const c = CORS_LABELS[request.cors.preset];
  const origin = request.cors.preset === 'oneOrigin' ? ` (${request.cors.origin})` : '';
  return `CORS: ${c.label}${origin}.`;
}

/** What makes two applies the same setup: not the key itself, nor what the user confirmed. */
export function fingerprintOf(request: ApplyRequest): string {
  const { idempotencyKey: _key, confirm: _confirm, ...rest } = request;
  return JSON.stringify(rest);
}
