// Per-tool settings that end up in the config files (paths, names, the app's URL).
import { z } from 'zod';
import { configNameProblem } from '../rules/config-name';
import { hasControlCharacter } from '../rules/control-characters';
import { corsOriginSchema, refineWith } from './request-steps';
import { TARGET_OPTION_DEFAULTS as DEFAULTS } from './target-values';

export { TARGET_OPTION_DEFAULTS } from './target-values';

// --- Target options -----------------------------------------------------------------------------
const relativePath = (label: string) =>
  z
    .string()
    .max(1000, `${label} can have at most 1000 characters.`)
    .refine(
      (p) => !p.startsWith('/'),
      `${label} is inside the bucket, so it must not start with '/'.`,
    )
    .refine((p) => !hasControlCharacter(p), `${label} can't contain control characters.`);

const absolutePath = (label: string) =>
  z
    .string()
    .min(1, `Enter ${label.toLowerCase()}.`)
    .max(1000, `${label} can have at most 1000 characters.`)
    .refine(
      (p) => p.startsWith('/'),
      `${label} must be a full path starting with '/', like /var/lib/app/app.db.`,
    )
    .refine((p) => !hasControlCharacter(p), `${label} can't contain control characters.`);

const profileName = (label: string) =>
  z.string().superRefine(refineWith((name) => configNameProblem(label, name)));

// Litestream expands $VAR and ${VAR} anywhere in its config file and has no escape for '$'.
const LITESTREAM_NO_DOLLAR = {
  message: "Litestream reads '$' as the start of an environment variable. Remove the '$'.",
};

export const targetOptionsSchema = z.object({
  litestream: z
    .object({
      dbPath: absolutePath('The database path')
        .refine((p) => !p.includes('$'), LITESTREAM_NO_DOLLAR)
        .default(DEFAULTS.litestream.dbPath),
      replicaPath: relativePath('The replica path')
        .refine((p) => !p.includes('$'), LITESTREAM_NO_DOLLAR)
        .default(DEFAULTS.litestream.replicaPath),
    })
    .optional(),
  jetbackup: z
    .object({
      destinationName: z
        .string()
        .min(1, 'Enter a destination name.')
        .max(40, 'JetBackup destination names can have at most 40 characters.')
        .refine(
          (name) => !hasControlCharacter(name),
          "The destination name can't contain control characters.",
        )
        .default(DEFAULTS.jetbackup.destinationName),
      backupDirectory: relativePath('The backup directory').default(
        DEFAULTS.jetbackup.backupDirectory,
      ),
    })
    .optional(),
  laravel: z
    .object({
      appUrl: corsOriginSchema.optional(),
      diskName: profileName('Disk name').default(DEFAULTS.laravel.diskName),
    })
    .optional(),
  rclone: z
    .object({ remoteName: profileName('Remote name').default(DEFAULTS.rclone.remoteName) })
    .optional(),
  restic: z
    .object({
      repositoryPath: relativePath('The repository path')
        .min(1, 'Enter a repository path.')
        .default(DEFAULTS.restic.repositoryPath),
    })
    .optional(),
  awsCli: z
    .object({ profile: profileName('Profile name').default(DEFAULTS.awsCli.profile) })
    .optional(),
});
export type TargetOptions = z.infer<typeof targetOptionsSchema>;
