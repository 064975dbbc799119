// Which tools can use a key for several buckets (docs/b2-behaviour.md "Keys for several buckets"):
// B2 makes such a key through API version 4 only, and versions 1 to 3 refuse it at sign-in. The
// S3-compatible API has no B2 API version, so S3 tools can use it; a tool whose API version cannot
// be found out counts as old-API only. The one table the web, the API and the tests read.
import type { Target } from '../schemas/setup-request';
import { TARGET_PRESETS } from './targets';

export type MultiBucketKeySupport = 'works' | 'old-api-only';

export interface MultiBucketKeyFit {
  multiBucketKeys: MultiBucketKeySupport;
  /** Why, in one plain sentence (for an old-API tool it follows "<tool> cannot use …:"). */
  reason: string;
  /**
   * What the warning names as still on the old API: for an old-API-only tool its name (the
   * label when left out); for a tool that works, the way of using it that does not.
   */
  oldApi?: string;
}

export const MULTI_BUCKET_KEYS: Record<Target, MultiBucketKeyFit> = {
  litestream: {
    multiBucketKeys: 'works',
    reason: 'Litestream uses only the S3-compatible API, which has no B2 API version.',
  },
  jetbackup: {
    multiBucketKeys: 'old-api-only',
    reason:
      'its Backblaze destination signs in to B2’s own API, and JetBackup does not say on which version, so the wizard assumes an old one.',
  },
  laravel: {
    multiBucketKeys: 'works',
    reason: 'Flysystem’s S3 driver uses only the S3-compatible API.',
  },
  rclone: {
    multiBucketKeys: 'old-api-only',
    reason:
      'the main remote in rclone.conf uses rclone’s b2 backend, which signs in on API version 1 before rclone 1.72 (Debian’s rclone 1.60 among them).',
    oldApi: 'rclone’s b2 remotes before rclone 1.72 (Debian’s rclone 1.60 among them)',
  },
  restic: {
    multiBucketKeys: 'works',
    reason: 'restic.env uses the S3-compatible API.',
    oldApi: 'restic’s b2: backend (still on API version 3)',
  },
  'aws-cli': {
    multiBucketKeys: 'works',
    reason: 'The AWS CLI and s3cmd use only the S3-compatible API.',
  },
  other: {
    multiBucketKeys: 'works',
    reason:
      'You choose the tool: one on the S3-compatible API or on B2’s API version 4 can use it.',
  },
  duplicity: {
    multiBucketKeys: 'works',
    reason: 'duplicity.env uses the S3-compatible API (boto3+s3://).',
    oldApi: 'duplicity’s b2:// backend (Debian’s b2sdk 1.17 signs in on API version 2)',
  },
  python: {
    multiBucketKeys: 'works',
    reason: 'boto3 uses only the S3-compatible API.',
  },
  node: {
    multiBucketKeys: 'works',
    reason: 'The AWS SDK uses only the S3-compatible API.',
  },
  cyberduck: {
    multiBucketKeys: 'works',
    reason:
      'The bookmark uses the S3-compatible API; Cyberduck 9.3 and later also take such keys over B2’s own API.',
  },
  cpanel: {
    multiBucketKeys: 'old-api-only',
    reason:
      'WHM’s Backblaze B2 destination signs in to B2’s own API, and cPanel does not say on which version, so the wizard assumes an old one.',
  },
  synology: {
    multiBucketKeys: 'old-api-only',
    reason:
      'Synology does not say how Hyper Backup and Cloud Sync sign in to Backblaze, and they could not be tried with such a key, so the wizard assumes they cannot.',
  },
};

export function multiBucketKeysWork(target: Target): boolean {
  return MULTI_BUCKET_KEYS[target].multiBucketKeys === 'works';
}

/** Why the key step offers no other buckets for this tool: one sentence. */
export function multiBucketKeyRefusal(target: Target): string {
  return `${TARGET_PRESETS[target].label} cannot use a key for several buckets: ${MULTI_BUCKET_KEYS[target].reason}`;
}

/** What is still on the old API, in the table's order. */
export function oldApiTools(): string[] {
  return (Object.keys(MULTI_BUCKET_KEYS) as Target[]).flatMap((target) => {
    const fit = MULTI_BUCKET_KEYS[target];
    if (fit.multiBucketKeys === 'old-api-only') return [fit.oldApi ?? TARGET_PRESETS[target].label];
    return fit.oldApi ? [fit.oldApi] : [];
  });
}

const andList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The warning beside a key for several buckets: who cannot use it at all. */
export function multiBucketKeyWarning(): string {
  return `Tools still on B2’s old API cannot use a key for several buckets at all, not even for one of its buckets. Of the tools this wizard knows: ${andList(oldApiTools())}. Give such a tool a key of its own.`;
}
