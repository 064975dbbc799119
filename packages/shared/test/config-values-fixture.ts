// A fixed ConfigValues for the generator tests: a key whose secret has '/' and '+'.
import type { ConfigValues } from '../src/config-files/types';
import type { Target } from '../src/schemas/setup-request';

export const KEY_ID = '004a1b2c3d4e5f60000000001';
export const SECRET = 'K004abc/def+ghi';

/** targetOptionsSchema input naming every target with no options given: each gets its defaults. */
export const EVERY_TARGET_UNSET = {
  litestream: {},
  jetbackup: {},
  laravel: {},
  rclone: {},
  restic: {},
  awsCli: {},
};

export function configValues(target: Target = 'litestream'): ConfigValues {
  return {
    target,
    bucket: {
      bucketId: '4a48fe8875c6214145260818',
      bucketName: 'acme-db-backups',
      bucketType: 'allPrivate',
      lifecycleRules: [
        { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
      ],
      corsRules: [],
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
      fileLockEnabled: false,
    },
    key: {
      applicationKeyId: KEY_ID,
      applicationKey: SECRET,
      keyName: 'litestream-acme-db-backups',
      capabilities: [
        'listAllBucketNames',
        'listBuckets',
        'readBuckets',
        'listFiles',
        'readFiles',
        'writeFiles',
        'deleteFiles',
      ],
      namePrefix: null,
      expirationTimestamp: null,
    },
    endpoint: { s3Endpoint: 'https://s3.us-west-004.backblazeb2.com', s3Region: 'us-west-004' },
    options: {},
  };
}
