// A key's B2 capabilities as plain phrases; the B2 names themselves go in small print.
const WORDS: Record<string, string> = {
  listAllBucketNames: 'see the names of all your buckets',
  listBuckets: 'see the bucket',
  readBuckets: 'read the bucket’s settings',
  listFiles: 'list files',
  readFiles: 'download files',
  shareFiles: 'share files by link',
  writeFiles: 'upload files',
  deleteFiles: 'delete files',
  readBucketEncryption: 'read the bucket’s encryption setting',
  writeBucketEncryption: 'change the bucket’s encryption setting',
  readBucketRetentions: 'read the bucket’s Object Lock retention',
  writeBucketRetentions: 'set the bucket’s Object Lock retention',
  readBucketNotifications: 'read the bucket’s event notifications',
  writeBucketNotifications: 'change the bucket’s event notifications',
  readBucketReplications: 'read the bucket’s replication rules',
  writeBucketReplications: 'change the bucket’s replication rules',
  readBucketLogging: 'read the bucket’s access logging',
  writeBucketLogging: 'change the bucket’s access logging',
  readFileRetentions: 'read how long files are locked',
  writeFileRetentions: 'lock files for a time',
  readFileLegalHolds: 'read legal holds on files',
  writeFileLegalHolds: 'put legal holds on files',
  bypassGovernance: 'remove locks set in governance mode',
  // Only keys for the whole account hold these.
  writeBuckets: 'create buckets and change their settings',
  deleteBuckets: 'delete buckets',
  listKeys: 'list application keys',
  writeKeys: 'make application keys (so, in effect, do anything)',
  deleteKeys: 'delete application keys',
};

function joined(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How many buckets the key reaches: the words say "the bucket", "the buckets" or "every bucket". */
export type BucketReach = 'one' | 'several' | 'all';

function forReach(phrase: string, reach: BucketReach): string {
  if (reach === 'one') return phrase;
  const [owner, plain] =
    reach === 'all' ? ['each bucket’s', 'every bucket'] : ['the buckets’', 'the buckets'];
  return phrase.replace('the bucket’s', owner).replace('the bucket', plain);
}

/** "see the bucket, list files and upload files". */
export function capabilityPhrase(
  capabilities: readonly string[],
  reach: BucketReach = 'one',
): string {
  return joined(capabilities.map((c) => forReach(WORDS[c] ?? c, reach)));
}
