/**
 * b2_list_file_names and b2_list_file_versions: prefix, delimiter folders, paging and the key's
 * name prefix, in B2's order (names by UTF-8 bytes, then newest first).
 */
import { callerAndBucket } from '../auth';
import { fileJson, folderJson } from '../answers';
import type { CallContext, Reply } from '../context';
import { outOfRange, unauthorized } from '../errors';
import { compareNames, type FileVersion } from '../state';

interface ListEntry {
  name: string;
  file: FileVersion | null;
}

/** Names under `prefix`, with everything past the delimiter folded into one folder entry. */
function foldAtDelimiter(
  files: FileVersion[],
  prefix: string,
  delimiter: string | undefined,
): ListEntry[] {
  const entries: ListEntry[] = [];
  for (const f of files) {
    const rest = f.fileName.slice(prefix.length);
    const at = delimiter ? rest.indexOf(delimiter) : -1;
    if (delimiter && at >= 0) {
      const folder = prefix + rest.slice(0, at + delimiter.length);
      if (entries.at(-1)?.name !== folder) entries.push({ name: folder, file: null });
    } else {
      entries.push({ name: f.fileName, file: f });
    }
  }
  return entries;
}

/** Shared by both list calls; `versions` lists every version instead of the visible latest. */
function listEntries(ctx: CallContext, versions: boolean): Reply {
  const { params: p, state } = ctx;
  const { caller, bucket } = callerAndBucket(ctx, 'listFiles');
  const prefix = p.string('prefix') ?? '';
  if (caller.key.namePrefix !== null && !prefix.startsWith(caller.key.namePrefix)) {
    throw unauthorized(
      `application key is restricted to file names starting with ${caller.key.namePrefix}: pass it as prefix`,
    );
  }
  const delimiter = p.string('delimiter');
  const startFileName = p.string('startFileName') ?? '';
  const startFileId = versions ? p.string('startFileId') : undefined;
  let max = p.int('maxFileCount') ?? 100;
  if (max === 0) max = 100;
  if (max < 1 || max > 10000) throw outOfRange('maxFileCount must be from 1 to 10000');

  let files = state.versionsIn(bucket.bucketId).filter((f) => f.fileName.startsWith(prefix));
  if (!versions) {
    const latest = new Map<string, FileVersion>();
    for (const f of files) if (!latest.has(f.fileName)) latest.set(f.fileName, f);
    files = [...latest.values()].filter((f) => f.action === 'upload');
  }
  const entries = foldAtDelimiter(files, prefix, delimiter);
  let from = entries.findIndex((e) => compareNames(e.name, startFileName) >= 0);
  if (from < 0) from = entries.length;
  if (startFileId !== undefined) {
    const exact = entries.findIndex(
      (e) => e.file?.fileId === startFileId && e.name === startFileName,
    );
    if (exact >= 0) from = exact;
  }
  const page = entries.slice(from, from + max);
  const next = entries[from + max];
  const json: Record<string, unknown> = {
    files: page.map((e) =>
      e.file ? fileJson(e.file, caller) : folderJson(bucket.bucketId, bucket.accountId, e.name),
    ),
    nextFileName: next?.name ?? null,
  };
  if (versions) json.nextFileId = next?.file?.fileId ?? null;
  return { json };
}

export const listFileNames = (ctx: CallContext): Reply => listEntries(ctx, false);
export const listFileVersions = (ctx: CallContext): Reply => listEntries(ctx, true);
