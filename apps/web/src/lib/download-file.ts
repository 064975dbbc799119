// Saves text or bytes as a file through a temporary blob: URL (never a data: URL that would carry
// a secret in an address).
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * The name a file is downloaded under: without leading dots, as browsers do not save a download
 * as a hidden file (".s3cfg" becomes "s3cfg"). Asked for by this name, the file arrives under
 * exactly the name the page shows.
 */
export function savedFileName(filename: string): string {
  return filename.replace(/^\.+/, '') || filename;
}

export function downloadText(filename: string, content: string, mediaType = 'text/plain'): void {
  // A name with no extension and a known type gets one added by Chromium ("aws-config.txt");
  // as plain bytes it keeps its name.
  const type = /\.[A-Za-z0-9]+$/.test(filename) ? mediaType : 'application/octet-stream';
  downloadBlob(filename, new Blob([content], { type: `${type};charset=utf-8` }));
}

export interface ZipEntry {
  filename: string;
  content: string;
}

/** One zip of text files. fflate loads only when a zip is made, to keep the first page small. */
export async function zipFiles(entries: readonly ZipEntry[]): Promise<Uint8Array<ArrayBuffer>> {
  const { zipSync, strToU8 } = await import('fflate');
  const tree: Record<string, Uint8Array> = {};
  for (const entry of entries) tree[entry.filename] = strToU8(entry.content);
  return zipSync(tree, { level: 6 }) as Uint8Array<ArrayBuffer>;
}

export async function downloadZip(filename: string, entries: readonly ZipEntry[]): Promise<void> {
  const bytes = await zipFiles(entries);
  downloadBlob(filename, new Blob([bytes], { type: 'application/zip' }));
}
