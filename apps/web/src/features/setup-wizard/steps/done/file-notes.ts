// What to do with each file the setup made: on its card, and in the README of "Download all".
import { configFileNote, type GeneratedFile } from '@b2wiz/shared';
import { savedFileName, type ZipEntry } from '../../../../lib/download-file';

const README = 'README.txt';

/** How to see a file whose name starts with a dot, on each system. */
const HIDDEN_FILES_HELP =
  'Files whose names start with a dot are hidden. To see them: on a Mac, press Command+Shift+. (dot) in Finder; on Windows, choose View > Show > Hidden items in File Explorer; on Linux, press Ctrl+H in the file manager.';

/** A card's note: the file's own, and the name the browser saves it under if that differs. */
export function cardNote(filename: string): string | undefined {
  const note = configFileNote(filename);
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
    ...files.map((f) => `${f.filename}: ${configFileNote(f.filename) ?? 'A file for your tool.'}`),
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
