export { createEmulator, accountIdOf, type Emulator, type EmulatorOptions } from './emulator';
export type { FaultSpec } from './faults';
export type { SecretStyle } from './ids';
export type { RecordedRequest } from './request-log';
export type { SeedBucketSpec } from './seed';
export type { EmulatorBucketDump, EmulatorKeyDump, EmulatorStateDump } from './state-dump';
export type { PathVersion } from './api-version';
export { SSE_NONE_REFUSED } from './encryption';
export {
  DEMO_ACCOUNT_ID,
  DEMO_MASTER_KEY,
  OTHER_ACCOUNT_ID,
  OTHER_ACCOUNT_BUCKET_NAMES,
  MAX_BUCKETS_PER_ACCOUNT,
  TOKEN_LIFETIME_MS,
} from './state';
export {
  ALL_CAPABILITIES,
  MASTER_CAPABILITIES,
  BUCKET_KEY_CAPABILITIES,
  type Capability,
} from './rules/capabilities';
export { CORS_OPERATIONS } from './rules/cors-rules';
