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
  readFileRetentions: 'read how long files are locked',
  writeFileRetentions: 'lock files for a time',
  readFileLegalHolds: 'read legal holds on files',
  writeFileLegalHolds: 'put legal holds on files',
  bypassGovernance: 'remove locks set in governance mode',
};

function joined(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "see the bucket, list files and upload files". */
export function capabilityPhrase(capabilities: readonly string[]): string {
  return joined(capabilities.map((c) => WORDS[c] ?? c));
}
