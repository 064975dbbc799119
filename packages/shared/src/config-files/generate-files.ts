// Every file a setup yields: the target's files (TARGET_PRESETS[target].files) and the summary.
import { TARGET_PRESETS } from '../presets/targets';
import type { GeneratedFile } from '../schemas/api';
import { awsCliConfig, awsCliCredentialsConfig } from './aws-cli-config';
import { b2CredentialsConfig } from './b2-credentials-config';
import { b2SetupJsonConfig } from './b2-setup-json-config';
import { jetbackupConfig } from './jetbackup-config';
import { laravelDiskConfig, laravelEnvConfig } from './laravel-config';
import { litestreamConfig } from './litestream-config';
import { rcloneConfig } from './rclone-config';
import { resticConfig } from './restic-config';
import { s3cmdConfig } from './s3cmd-config';
import { setupSummary } from './setup-summary';
import type { ConfigGenerator, ConfigValues } from './types';

/** The generator of each file name that TARGET_PRESETS lists. */
export const CONFIG_GENERATORS: Readonly<Record<string, ConfigGenerator>> = {
  'litestream.yml': litestreamConfig,
  'jetbackup-destination.txt': jetbackupConfig,
  'laravel.env': laravelEnvConfig,
  'filesystems-disk.php': laravelDiskConfig,
  'rclone.conf': rcloneConfig,
  'restic.env': resticConfig,
  'aws-config': awsCliConfig,
  'aws-credentials': awsCliCredentialsConfig,
  '.s3cfg': s3cmdConfig,
  'b2-credentials.env': b2CredentialsConfig,
  'b2-setup.json': b2SetupJsonConfig,
};

/** Throws ConfigValueError when a value cannot be written safely into one of the files. */
export function generateFiles(values: ConfigValues): GeneratedFile[] {
  const files = TARGET_PRESETS[values.target].files.map((filename) => {
    const generate = CONFIG_GENERATORS[filename];
    if (!generate) throw new Error(`No generator for ${filename}.`);
    return generate(values);
  });
  return [...files, setupSummary(values)];
}
