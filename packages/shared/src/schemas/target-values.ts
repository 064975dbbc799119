// The tools the wizard sets up, and what their settings start as: plain values, apart from the
// schemas that check them (request-steps.ts, target-options.ts), so a page can show the first
// step without loading zod.

export const TARGETS = [
  'litestream',
  'jetbackup',
  'laravel',
  'rclone',
  'restic',
  'aws-cli',
  'other',
  'duplicity',
  'python',
  'node',
  'cyberduck',
  'cpanel',
  'synology',
] as const;

/** Each tool's settings as the schema fills them in (target-options.ts uses these). */
export const TARGET_OPTION_DEFAULTS = {
  litestream: { dbPath: '/var/lib/app/app.db', replicaPath: 'app.db' },
  jetbackup: { destinationName: 'Backblaze B2', backupDirectory: 'jetbackup' },
  laravel: { diskName: 'b2' },
  rclone: { remoteName: 'b2' },
  restic: { repositoryPath: 'restic' },
  awsCli: { profile: 'b2' },
};
