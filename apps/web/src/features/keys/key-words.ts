// One key of the account in plain words: where it reaches, what it may do, when it ends, who
// made it, and what stops working when it is deleted.
import type { AccountKey, KeyMark } from '@b2wiz/shared';
import { utcMinute } from '../../lib/utc-minute';
import { capabilityPhrase, type BucketReach } from '../setup-wizard/capability-words';

export const MARK_WORDS: Record<KeyMark, string> = {
  history: 'Made by this wizard — in this session’s history',
  name: 'Made by this wizard — recognised by its name',
};

function joined(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function reachOf(key: AccountKey): BucketReach {
  if (!key.buckets) return 'all';
  return key.buckets.length === 1 ? 'one' : 'several';
}

/** Each bucket by its name, or by its ID where the connected key cannot see the name. */
export function bucketLabels(key: AccountKey): string[] | null {
  return key.buckets?.map((b) => b.bucketName ?? `ID ${b.bucketId}`) ?? null;
}

/** "the bucket “acme-files”", "the buckets “a” and “b”", or "every bucket of the account". */
export function bucketWords(key: AccountKey): string {
  const labels = bucketLabels(key);
  if (!labels) return 'every bucket of the account';
  const quoted = joined(labels.map((l) => `“${l}”`));
  return labels.length === 1 ? `the bucket ${quoted}` : `the buckets ${quoted}`;
}

/** "Can see the bucket, list files and upload files. Only files whose names start with “db/”." */
export function accessWords(key: AccountKey): string {
  const can =
    key.capabilities.length > 0
      ? `Can ${capabilityPhrase(key.capabilities, reachOf(key))}.`
      : 'Can do nothing.';
  return key.namePrefix ? `${can} Only files whose names start with “${key.namePrefix}”.` : can;
}

/** "Never", or the time in UTC, saying when it has passed. */
export function expiryWords(expirationTimestamp: number | null, now = Date.now()): string {
  if (expirationTimestamp === null) return 'Never';
  const when = utcMinute(expirationTimestamp);
  return expirationTimestamp <= now ? `Expired ${when}` : when;
}

/** What the delete question says will stop working. */
export function stopsWorking(key: AccountKey): string {
  const phrase = capabilityPhrase(key.capabilities, reachOf(key)) || 'reach Backblaze';
  return `Anything that still uses it stops working at once: a tool, script or server with this key could ${phrase}, in ${bucketWords(key)}.`;
}
