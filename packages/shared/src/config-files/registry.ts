// The one list of config files: for each target, every file it gets, the generator that writes
// it, and what to do with it (shown on the Done step and in the zip's README).
import type { Target } from '../schemas/setup-request';
import { awsCliConfig, awsCliCredentialsConfig } from './aws-cli-config';
import { b2CredentialsConfig } from './b2-credentials-config';
import { b2SetupJsonConfig } from './b2-setup-json-config';
import { cpanelConfig } from './cpanel-config';
import { cyberduckBookmarkConfig, cyberduckSheetConfig } from './cyberduck-config';
import { duplicityConfig } from './duplicity-config';
import { jetbackupConfig } from './jetbackup-config';
import { laravelDiskConfig, laravelEnvConfig } from './laravel-config';
import { litestreamConfig } from './litestream-config';
import { nodeConfig } from './node-config';
import { pythonConfig } from './python-config';
import { rcloneConfig } from './rclone-config';
import { resticConfig } from './restic-config';
import { s3cmdConfig } from './s3cmd-config';
import { synologyConfig } from './synology-config';
import type { ConfigGenerator } from './types';

export interface ConfigFileEntry {
  filename: string;
  generate: ConfigGenerator;
  /** One or two plain sentences: where the file goes. */
  note: string;
}

const file = (filename: string, generate: ConfigGenerator, note: string): ConfigFileEntry => ({
  filename,
  generate,
  note,
});

export const CONFIG_FILES: Readonly<Record<Target, readonly ConfigFileEntry[]>> = {
  litestream: [
    file(
      'litestream.yml',
      litestreamConfig,
      'Litestream’s settings: save it as /etc/litestream.yml on your server.',
    ),
  ],
  jetbackup: [
    file(
      'jetbackup-destination.txt',
      jetbackupConfig,
      'Every field of JetBackup’s “Create Destination” form, by the name JetBackup gives it.',
    ),
  ],
  laravel: [
    file('laravel.env', laravelEnvConfig, 'Add these lines to your Laravel app’s .env file.'),
    file(
      'filesystems-disk.php',
      laravelDiskConfig,
      'Add this disk to the “disks” list in config/filesystems.php.',
    ),
  ],
  rclone: [
    file(
      'rclone.conf',
      rcloneConfig,
      'Add this to your rclone.conf (rclone config file shows where it is).',
    ),
  ],
  restic: [
    file('restic.env', resticConfig, 'Load it with “source restic.env” before running restic.'),
  ],
  'aws-cli': [
    file('aws-config', awsCliConfig, 'Add this profile to ~/.aws/config.'),
    file('aws-credentials', awsCliCredentialsConfig, 'Add this profile to ~/.aws/credentials.'),
    file(
      '.s3cfg',
      s3cmdConfig,
      's3cmd’s settings: save it in your home folder as .s3cfg, with the dot in front, the name s3cmd looks for. The dot makes it a hidden file.',
    ),
  ],
  other: [
    file(
      'b2-credentials.env',
      b2CredentialsConfig,
      'The key and bucket as environment variables, for your tool’s .env file.',
    ),
    file('b2-setup.json', b2SetupJsonConfig, 'The same values as JSON, for scripts.'),
  ],
  duplicity: [
    file(
      'duplicity.env',
      duplicityConfig,
      'Load it with “source duplicity.env”, then run the backup and restore commands written in it.',
    ),
  ],
  python: [
    file(
      'b2_example.py',
      pythonConfig,
      'A short boto3 script that uploads, lists and deletes a test file: run it with python3 b2_example.py, then copy the client settings into your app.',
    ),
  ],
  node: [
    file(
      'b2-example.mjs',
      nodeConfig,
      'A short script with @aws-sdk/client-s3 that uploads, lists and deletes a test file: run it with node b2-example.mjs, then copy the client settings into your app.',
    ),
  ],
  cyberduck: [
    file(
      'backblaze-b2.duck',
      cyberduckBookmarkConfig,
      'A Cyberduck bookmark for the bucket, without the secret: double-click it to add it to Cyberduck.',
    ),
    file(
      'cyberduck-key.txt',
      cyberduckSheetConfig,
      'Where Cyberduck asks for the secret, and what to paste there.',
    ),
  ],
  cpanel: [
    file(
      'cpanel-backup-destination.txt',
      cpanelConfig,
      'Every field of WHM’s Backblaze B2 backup destination form, by the name WHM gives it.',
    ),
  ],
  synology: [
    file(
      'synology-destination.txt',
      synologyConfig,
      'Every field of Hyper Backup’s and Cloud Sync’s S3 forms, by the name Synology gives it.',
    ),
  ],
};

export const SETUP_SUMMARY_FILENAME = 'SETUP-SUMMARY.md';
export const SETUP_SUMMARY_NOTE = 'What was created, for your records. It holds no secret.';

/** The file names a target gets, without the summary every setup gets too. */
export function configFileNames(target: Target): string[] {
  return CONFIG_FILES[target].map((f) => f.filename);
}

/** What to do with a file, by its name; undefined for a name no target has. */
export function configFileNote(filename: string): string | undefined {
  if (filename === SETUP_SUMMARY_FILENAME) return SETUP_SUMMARY_NOTE;
  for (const entries of Object.values(CONFIG_FILES)) {
    const entry = entries.find((f) => f.filename === filename);
    if (entry) return entry.note;
  }
  return undefined;
}
