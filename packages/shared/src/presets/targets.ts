// What each target fills into the wizard (docs/targets.md). Every default can be changed.
import type { KeyAccess } from './capabilities';
import type {
  BucketStep,
  CorsStep,
  LifecycleStep,
  SetupRequestInput,
  Target,
} from '../schemas/setup-request';

export interface TargetPreset {
  label: string;
  /** One sentence for the first step. */
  description: string;
  /** S3 tools need the S3 endpoint; the master key never works there. */
  usesS3: boolean;
  bucket: { type: 'allPrivate' | 'allPublic' };
  lifecycle: LifecycleStep;
  cors: CorsStep | { preset: 'oneOrigin'; origin: ''; apis: 'both'; uploads: boolean };
  /**
   * access: the default. leastAccess: the least that still works (readWrite for tools that
   * delete old data to apply their retention). job: what fails with less, as in "cannot back up".
   */
  key: { access: KeyAccess; leastAccess: KeyAccess; job: string; listAllBucketNames: boolean };
  /** The start of the bucket name the wizard proposes. */
  bucketNameStem: string;
}

export const TARGET_PRESETS: Record<Target, TargetPreset> = {
  litestream: {
    label: 'Litestream',
    description: 'Continuous backups of a SQLite database.',
    usesS3: true,
    bucket: { type: 'allPrivate' },
    lifecycle: { preset: 'keepLatest' },
    cors: { preset: 'none' },
    key: {
      access: 'readWrite',
      leastAccess: 'readWrite',
      job: 'back up',
      listAllBucketNames: true,
    },
    bucketNameStem: 'litestream-backups',
  },
  jetbackup: {
    label: 'JetBackup',
    description: 'cPanel and WHM server backups.',
    usesS3: false,
    bucket: { type: 'allPrivate' },
    lifecycle: { preset: 'keepLatest' },
    cors: { preset: 'none' },
    key: {
      access: 'readWrite',
      leastAccess: 'readWrite',
      job: 'back up',
      listAllBucketNames: false,
    },
    bucketNameStem: 'jetbackup-backups',
  },
  laravel: {
    label: 'Laravel / Flysystem',
    description: 'File storage for a Laravel or PHP web app.',
    usesS3: true,
    bucket: { type: 'allPrivate' },
    lifecycle: { preset: 'keepAll' },
    cors: { preset: 'oneOrigin', origin: '', apis: 'both', uploads: true },
    key: {
      access: 'readWrite',
      leastAccess: 'noDelete',
      job: 'store files',
      listAllBucketNames: true,
    },
    bucketNameStem: 'laravel-files',
  },
  rclone: {
    label: 'rclone',
    description: 'Copy and sync files from the command line.',
    usesS3: true,
    bucket: { type: 'allPrivate' },
    lifecycle: { preset: 'keepLatest' },
    cors: { preset: 'none' },
    key: {
      access: 'readWrite',
      leastAccess: 'readWrite',
      job: 'sync files',
      listAllBucketNames: true,
    },
    bucketNameStem: 'rclone-files',
  },
  restic: {
    label: 'restic',
    description: 'Encrypted, deduplicated backups.',
    usesS3: true,
    bucket: { type: 'allPrivate' },
    lifecycle: { preset: 'keepLatest' },
    cors: { preset: 'none' },
    key: {
      access: 'readWrite',
      leastAccess: 'readWrite',
      job: 'back up',
      listAllBucketNames: true,
    },
    bucketNameStem: 'restic-backups',
  },
  'aws-cli': {
    label: 'AWS CLI / other S3 tool',
    description: 'The aws command, s3cmd or any tool that speaks S3.',
    usesS3: true,
    bucket: { type: 'allPrivate' },
    lifecycle: { preset: 'keepAll' },
    cors: { preset: 'none' },
    key: {
      access: 'readWrite',
      leastAccess: 'noDelete',
      job: 'work with files',
      listAllBucketNames: true,
    },
    bucketNameStem: 's3-files',
  },
  other: {
    label: 'Something else',
    description: 'Choose every setting yourself; you get the values as .env and JSON.',
    usesS3: false,
    bucket: { type: 'allPrivate' },
    lifecycle: { preset: 'keepAll' },
    cors: { preset: 'none' },
    key: {
      access: 'readWrite',
      leastAccess: 'noDelete',
      job: 'work with files',
      listAllBucketNames: false,
    },
    bucketNameStem: 'my-files',
  },
};

/**
 * A bucket name to propose: bucket names are shared by every B2 customer, so a random suffix
 * (lower-case letters and digits) makes a free one likely. The user can change it.
 */
export function proposedBucketName(target: Target, suffix: string): string {
  const clean = suffix
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 12);
  return clean
    ? `${TARGET_PRESETS[target].bucketNameStem}-${clean}`
    : TARGET_PRESETS[target].bucketNameStem;
}

/** The request a target starts from; the bucket and key names are left for the user. */
export function targetDefaults(target: Target): SetupRequestInput {
  const preset = TARGET_PRESETS[target];
  const bucket: BucketStep = {
    mode: 'create',
    name: '',
    type: preset.bucket.type,
    objectLock: false,
  };
  // Copies, so a form that edits its draft cannot change TARGET_PRESETS.
  return {
    target,
    bucket,
    lifecycle: structuredClone(preset.lifecycle),
    cors: structuredClone(preset.cors) as CorsStep,
    key: {
      name: '',
      access: preset.key.access,
      restrictToBucket: true,
      listAllBucketNames: preset.key.listAllBucketNames,
    },
  };
}
