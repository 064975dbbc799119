/**
 * Capability names and which keys may hold them (docs/b2-behaviour.md, "Capabilities"). A bad list
 * is 400 bad_request.
 */
import { badRequest } from '../errors';

// Every capability name a Backblaze SDK knows. The lifecycle-rule capabilities seen only in
// third-party configs are deliberately unknown here, so a client relying on them fails loudly.
export const ALL_CAPABILITIES = [
  'listKeys',
  'writeKeys',
  'deleteKeys',
  'listBuckets',
  'listAllBucketNames',
  'readBuckets',
  'writeBuckets',
  'deleteBuckets',
  'readBucketEncryption',
  'writeBucketEncryption',
  'readBucketRetentions',
  'writeBucketRetentions',
  'readFileRetentions',
  'writeFileRetentions',
  'readFileLegalHolds',
  'writeFileLegalHolds',
  'bypassGovernance',
  'listFiles',
  'readFiles',
  'shareFiles',
  'writeFiles',
  'deleteFiles',
  'readBucketNotifications',
  'writeBucketNotifications',
  'readBucketReplications',
  'writeBucketReplications',
  'readBucketLogging',
  'writeBucketLogging',
] as const;

export type Capability = (typeof ALL_CAPABILITIES)[number];

/**
 * The master key's capabilities. b2sdk's live integration test does not expect a master key to hold
 * readBuckets or listAllBucketNames, and logging capabilities appear only in the Java
 * SDK, so the emulated master key lacks those four.
 */
export const MASTER_CAPABILITIES: readonly Capability[] = ALL_CAPABILITIES.filter(
  (c) =>
    !['readBuckets', 'listAllBucketNames', 'readBucketLogging', 'writeBucketLogging'].includes(c),
);

/**
 * What a bucket-restricted key may hold (docs/b2-behaviour.md, "Capabilities"). The replication
 * capabilities are tolerated too: console-made bucket keys carry them, though B2's docs do not list
 * them.
 */
export const BUCKET_KEY_CAPABILITIES: readonly Capability[] = [
  'listAllBucketNames',
  'listBuckets',
  'readBuckets',
  'readBucketEncryption',
  'writeBucketEncryption',
  'readBucketNotifications',
  'writeBucketNotifications',
  'readBucketRetentions',
  'writeBucketRetentions',
  'listFiles',
  'readFiles',
  'shareFiles',
  'writeFiles',
  'deleteFiles',
  'readFileLegalHolds',
  'writeFileLegalHolds',
  'readFileRetentions',
  'writeFileRetentions',
  'bypassGovernance',
  'readBucketReplications',
  'writeBucketReplications',
];

const isCapability = (value: string): value is Capability =>
  (ALL_CAPABILITIES as readonly string[]).includes(value);

export function checkCapabilities(value: unknown, bucketRestricted: boolean): Capability[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest('capabilities must be a non-empty list of capability names');
  }
  const result: Capability[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || !isCapability(item)) {
      throw badRequest(`unknown capability: ${String(item)}`);
    }
    if (bucketRestricted && !BUCKET_KEY_CAPABILITIES.includes(item)) {
      throw badRequest(
        `capability ${item} is not allowed for an application key restricted to a bucket`,
      );
    }
    if (!result.includes(item)) result.push(item);
  }
  return result;
}
