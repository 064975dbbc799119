// Buckets as GET /api/buckets answers them, for the step tests.
import type { BucketSummary, CorsRule, LifecycleRule } from '@b2wiz/shared';

export const KEEP_PRIOR_30: LifecycleRule[] = [
  { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 30 },
];

export const SHOP_UPLOADS: CorsRule[] = [
  {
    corsRuleName: 'shopUploads',
    allowedOrigins: ['https://shop.example.com'],
    allowedOperations: ['b2_upload_file'],
    allowedHeaders: null,
    exposeHeaders: null,
    maxAgeSeconds: 3600,
  },
];

export function bucketWith(
  bucketName: string,
  rules: { lifecycleRules?: LifecycleRule[]; corsRules?: CorsRule[] } = {},
): BucketSummary {
  return {
    bucketId: `id-${bucketName}`,
    bucketName,
    bucketType: 'allPrivate',
    lifecycleRules: rules.lifecycleRules ?? [],
    corsRules: rules.corsRules ?? [],
    defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
    fileLockEnabled: false,
    revision: 1,
  };
}
