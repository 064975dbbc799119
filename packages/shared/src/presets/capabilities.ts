// Key access presets as explicit, least-privilege capability lists (docs/b2-behaviour.md
// "Capabilities", docs/targets.md "What every target shares").

export const KEY_ACCESS = ['readWrite', 'readOnly', 'writeOnly', 'noDelete'] as const;
export type KeyAccess = (typeof KEY_ACCESS)[number];

/** What each access choice may do; every capability here is one B2 allows on a bucket-restricted key. */
export const ACCESS_CAPABILITIES: Record<KeyAccess, readonly string[]> = {
  readWrite: ['listBuckets', 'readBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'],
  readOnly: ['listBuckets', 'readBuckets', 'listFiles', 'readFiles'],
  writeOnly: ['listBuckets', 'listFiles', 'writeFiles'],
  noDelete: ['listBuckets', 'readBuckets', 'listFiles', 'readFiles', 'writeFiles'],
};

export const ACCESS_LABELS: Record<KeyAccess, { label: string; description: string }> = {
  readWrite: {
    label: 'Read and write',
    description: 'List, download, upload and delete files. What backup and sync tools need.',
  },
  readOnly: { label: 'Read only', description: 'List and download files; nothing can be changed.' },
  writeOnly: {
    label: 'Write only',
    description: 'Upload files and list names; nothing can be downloaded.',
  },
  noDelete: {
    label: 'Read and write, no delete',
    description: 'Like read and write, but old versions can never be deleted with this key.',
  },
};

/** B2 allows only these on a key restricted to one bucket. */
export const BUCKET_RESTRICTED_ALLOWED_CAPABILITIES = [
  'listAllBucketNames',
  'listBuckets',
  'readBuckets',
  'readBucketEncryption',
  'writeBucketEncryption',
  'readBucketNotifications',
  'writeBucketNotifications',
  'readBucketRetentions',
  'writeBucketRetentions',
  'listFiles',
  'readFiles',
  'shareFiles',
  'writeFiles',
  'deleteFiles',
  'readFileLegalHolds',
  'writeFileLegalHolds',
  'readFileRetentions',
  'writeFileRetentions',
  'bypassGovernance',
] as const;

export function keyCapabilities(access: KeyAccess, listAllBucketNames: boolean): string[] {
  const capabilities = [...ACCESS_CAPABILITIES[access]];
  return listAllBucketNames ? ['listAllBucketNames', ...capabilities] : capabilities;
}

/** What the connecting key must hold for the wizard to work at all, and what each is for. */
export const WIZARD_CAPABILITIES = {
  listBuckets: 'see your buckets',
  writeBuckets: 'create buckets and set their rules',
  writeKeys: 'create application keys',
  listKeys: 'find a key whose creation was interrupted',
  deleteKeys: 'remove a key whose creation was interrupted',
  readBucketEncryption: 'read a bucket’s encryption setting',
  writeBucketRetentions: 'turn on Object Lock and set its retention',
} as const satisfies Record<string, string>;

export const REQUIRED_WIZARD_CAPABILITIES = ['listBuckets', 'writeBuckets', 'writeKeys'] as const;

export function missingWizardCapabilities(held: readonly string[]): string[] {
  return Object.keys(WIZARD_CAPABILITIES).filter((c) => !held.includes(c));
}
