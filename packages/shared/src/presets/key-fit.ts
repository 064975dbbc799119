// Whether a key's access is enough for its tool, and what fails when it is not.
import type { Target } from '../schemas/setup-request';
import { ACCESS_CAPABILITIES, type KeyAccess } from './capabilities';
import { TARGET_PRESETS } from './targets';

const ADJECTIVE: Record<KeyAccess, string> = {
  readWrite: 'read-and-write',
  readOnly: 'read-only',
  writeOnly: 'write-only',
  noDelete: 'no-delete',
};

/** What a tool can no longer do without each capability, in words. */
const LOST: Record<string, string> = {
  listFiles: 'list its files',
  readFiles: 'download files',
  readBuckets: 'read the bucket’s settings',
  writeFiles: 'upload files',
  deleteFiles: 'delete old files',
};

function joined(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** One sentence when `access` is less than the tool needs, else null. */
export function accessTooNarrow(target: Target, access: KeyAccess): string | null {
  const preset = TARGET_PRESETS[target];
  const held = ACCESS_CAPABILITIES[access];
  const missing = ACCESS_CAPABILITIES[preset.key.leastAccess].filter((c) => !held.includes(c));
  if (missing.length === 0) return null;
  const lost = joined(missing.map((c) => LOST[c] ?? c));
  return `${preset.label} cannot ${preset.key.job} with a ${ADJECTIVE[access]} key: it needs to ${lost}.`;
}
