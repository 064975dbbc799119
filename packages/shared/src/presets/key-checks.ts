// The checks apply runs with the new key: stable ids that scripts read, and plain labels.
import type { Target } from '../schemas/setup-request';
import { TARGET_PRESETS } from './targets';

export const KEY_CHECK_STATUSES = ['passed', 'failed', 'notChecked'] as const;
export type KeyCheckStatus = (typeof KEY_CHECK_STATUSES)[number];

export const KEY_CHECK_NAMES = [
  'authorize',
  'restrictedToBucket',
  'capabilities',
  'upload',
  'delete',
  'S3: bucket reachable',
  'S3: upload',
  'S3: delete',
  'S3: clean up',
  'files',
  'retention',
] as const;
export type KeyCheckName = (typeof KEY_CHECK_NAMES)[number];

/** What the page shows: never the id. `otherBuckets`: how many more the key was given. */
export function keyCheckLabel(name: KeyCheckName, bucketName: string, otherBuckets = 0): string {
  switch (name) {
    case 'authorize':
      return 'Signs in';
    case 'restrictedToBucket':
      if (otherBuckets === 0) return `Reaches only the bucket ${bucketName}`;
      return `Reaches only the bucket ${bucketName} and the ${otherBuckets === 1 ? 'other bucket' : `${otherBuckets} other buckets`} chosen`;
    case 'capabilities':
      return 'Has exactly the access chosen';
    case 'upload':
      return 'Can upload a file';
    case 'delete':
      return 'Can delete a file';
    case 'S3: bucket reachable':
      return 'Reaches the bucket over S3';
    case 'S3: upload':
      return 'Can upload a file over S3';
    case 'S3: delete':
      return 'Can delete a file over S3';
    case 'S3: clean up':
      return 'Removes its test file';
    case 'files':
      return 'Config files made';
    case 'retention':
      return 'Object Lock retention set on the bucket';
  }
}

/**
 * The checks a target's tool depends on: each must pass for `verification.ok`. A tool that
 * deletes old data (least access readWrite) needs the delete check too.
 */
export function requiredKeyChecks(target: Target, restrictToBucket: boolean): KeyCheckName[] {
  const preset = TARGET_PRESETS[target];
  const deletes = preset.key.leastAccess === 'readWrite';
  const checks: KeyCheckName[] = ['authorize', 'capabilities'];
  if (restrictToBucket) checks.push('restrictedToBucket');
  if (preset.usesS3) {
    checks.push('S3: bucket reachable', 'S3: upload');
    if (deletes) checks.push('S3: delete');
  } else {
    checks.push('upload');
    if (deletes) checks.push('delete');
  }
  return checks;
}
