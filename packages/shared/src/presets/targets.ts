// What each target fills into the wizard (docs/targets.md). Every default can be changed.
import type { KeyAccess } from './capabilities';
import { TARGETS } from '../schemas/target-values';
import { TARGET_GROUPS, TARGET_GROUP_LABELS, type TargetGroup } from './target-groups';
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
  /** Where the first step lists it. */
  group: TargetGroup;
}

/** The settings most targets share: a private bucket, no CORS, a read and write key. */
function preset(
  fields: Pick<TargetPreset, 'label' | 'description' | 'usesS3' | 'bucketNameStem' | 'group'> & {
    lifecycle: 'keepLatest' | 'keepAll';
    leastAccess: KeyAccess;
    job: string;
  },
): TargetPreset {
  const { lifecycle, leastAccess, job, ...rest } = fields;
  return {
    ...rest,
    bucket: { type: 'allPrivate' },
    lifecycle: { preset: lifecycle },
    cors: { preset: 'none' },
    key: { access: 'readWrite', leastAccess, job, listAllBucketNames: fields.usesS3 },
  };
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
    group: 'backups',
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
    group: 'panels',
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
    group: 'apps',
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
    group: 'files',
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
    group: 'backups',
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
    group: 'files',
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
    group: 'other',
  },
  duplicity: preset({
    label: 'duplicity',
    description: 'Encrypted backups of folders, from the Debian package.',
    usesS3: true,
    lifecycle: 'keepLatest',
    leastAccess: 'readWrite',
    job: 'back up',
    bucketNameStem: 'duplicity-backups',
    group: 'backups',
  }),
  python: preset({
    label: 'Python (boto3)',
    description: 'A Python app that stores files with boto3.',
    usesS3: true,
    lifecycle: 'keepAll',
    leastAccess: 'noDelete',
    job: 'store files',
    bucketNameStem: 'python-files',
    group: 'apps',
  }),
  node: preset({
    label: 'Node.js (AWS SDK)',
    description: 'A Node.js app that stores files with the AWS SDK v3.',
    usesS3: true,
    lifecycle: 'keepAll',
    leastAccess: 'noDelete',
    job: 'store files',
    bucketNameStem: 'node-files',
    group: 'apps',
  }),
  cyberduck: preset({
    label: 'Cyberduck',
    description: 'Look into the bucket and move files with a desktop app.',
    usesS3: true,
    lifecycle: 'keepAll',
    leastAccess: 'noDelete',
    job: 'work with files',
    bucketNameStem: 'cyberduck-files',
    group: 'files',
  }),
  cpanel: preset({
    label: 'cPanel / WHM backups',
    description: 'WHM’s own backups, to its Backblaze B2 destination.',
    usesS3: false,
    lifecycle: 'keepLatest',
    leastAccess: 'readWrite',
    job: 'back up',
    bucketNameStem: 'cpanel-backups',
    group: 'panels',
  }),
  synology: preset({
    label: 'Synology Hyper Backup / Cloud Sync',
    description: 'Back up or sync a Synology NAS over S3.',
    usesS3: true,
    lifecycle: 'keepLatest',
    leastAccess: 'readWrite',
    job: 'back up',
    bucketNameStem: 'synology-backups',
    group: 'panels',
  }),
};

/** Each group with its targets, in the order TARGETS lists them. */
export function targetsByGroup(): { group: TargetGroup; label: string; targets: Target[] }[] {
  return TARGET_GROUPS.map((group) => ({
    group,
    label: TARGET_GROUP_LABELS[group],
    targets: TARGETS.filter((t) => TARGET_PRESETS[t].group === group),
  }));
}

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
