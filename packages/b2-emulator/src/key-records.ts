/** Accounts, their application keys, and the tokens keys are authorized into. */
import type { PathVersion } from './api-version';
import type { Capability } from './rules/capabilities';

export interface Account {
  accountId: string;
  isDemo: boolean;
}

export interface KeyRecord {
  accountId: string;
  applicationKeyId: string;
  secret: string;
  keyName: string;
  capabilities: Capability[];
  bucketIds: string[] | null;
  namePrefix: string | null;
  expirationTimestamp: number | null;
  isMaster: boolean;
  /** The API version of the b2_create_key that made it; null for a master key. */
  createdWithApiVersion: PathVersion | null;
}

export interface TokenRecord {
  token: string;
  kind: 'account' | 'upload' | 'download';
  accountId: string;
  keyId: string;
  expiresAt: number;
  expired: boolean;
  /** Upload and download tokens are bound to one bucket. */
  bucketId?: string;
  fileNamePrefix?: string;
}
