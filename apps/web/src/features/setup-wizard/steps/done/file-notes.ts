// What to do with each file the setup made: on its card, and in the README of "Download all".
import type { GeneratedFile } from '@b2wiz/shared';
import { savedFileName, type ZipEntry } from '../../../../lib/download-file';

export const FILE_NOTES: Record<string, string> = {
  'litestream.yml': 'Litestream’s settings: save it as /etc/litestream.yml on your server.',
  'jetbackup-destination.txt':
    'Every field of JetBackup’s “Create Destination” form, by the name JetBackup gives it.',
  'laravel.env': 'Add these lines to your Laravel app’s .env file.',
  'filesystems-disk.php': 'Add this disk to the “disks” list in config/filesystems.php.',
  'rclone.conf': 'Add this to your rclone.conf (rclone config file shows where it is).',
  'restic.env': 'Load it with “source restic.env” before running restic.',
  'aws-config': 'Add this profile to ~/.aws/config.',
  'aws-credentials': 'Add this profile to ~/.aws/credentials.',
  '.s3cfg':
    's3cmd’s settings: save it in your home folder as .s3cfg, with the dot in front, the name s3cmd looks for. The dot makes it a hidden file.',
  'b2-credentials.env': 'The key and bucket as environment variables, for your tool’s .env file.',
  'b2-setup.json': 'The same values as JSON, for scripts.',
  'SETUP-SUMMARY.md': 'What was created, for your records. It holds no secret.',
};

const README = 'README.txt';

/** How to see a file whose name starts with a dot, on each system. */
const HIDDEN_FILES_HELP =
  'Files whose names start with a dot are hidden. To see them: on a Mac, press Command+Shift+. (dot) in Finder; on Windows, choose View > Show > Hidden items in File Explorer; on Linux, press Ctrl+H in the file manager.';

/** A card's note: the file's own, and the name the browser saves it under if that differs. */
export function cardNote(filename: string): string | undefined {
  const note = FILE_NOTES[filename];
  const saved = savedFileName(filename);
  if (saved === filename) return note;
  return `${note ?? ''} Your browser saves it as ${saved}, without the dot: add the dot when you move it there.`.trim();
}

/** The files of "Download all", with a README that says what each one is for. */
export function zipEntries(files: readonly GeneratedFile[], bucketName: string): ZipEntry[] {
  const hidden = files.filter((f) => f.filename.startsWith('.'));
  const lines = [
    `Files from the B2 Setup Wizard for the bucket ${bucketName}.`,
    '',
    ...files.map((f) => `${f.filename}: ${FILE_NOTES[f.filename] ?? 'A file for your tool.'}`),
  ];
  if (hidden.length > 0) {
    lines.push(
      '',
      `${hidden.map((f) => f.filename).join(', ')} ${hidden.length === 1 ? 'is' : 'are'} in this folder, but your computer may hide ${hidden.length === 1 ? 'it' : 'them'}. ${HIDDEN_FILES_HELP}`,
    );
  }
  const taken = files.some((f) => f.filename === README);
  return taken ? [...files] : [...files, { filename: README, content: `${lines.join('\n')}\n` }];
}
