// b2-setup.json: what was set up, as data, for scripts. It holds the application key.
import type { GeneratedFile } from '../schemas/api';
import { MEDIA_TYPES, parseEndpoint } from './config-values';
import type { ConfigValues } from './types';

export function b2SetupJsonConfig(values: ConfigValues): GeneratedFile {
  const { bucket, key } = values;
  const endpoint = parseEndpoint(values);
  const data = {
    bucket: {
      bucketId: bucket.bucketId,
      bucketName: bucket.bucketName,
      bucketType: bucket.bucketType,
      defaultServerSideEncryption: bucket.defaultServerSideEncryption,
      fileLockEnabled: bucket.fileLockEnabled,
      lifecycleRules: bucket.lifecycleRules,
      corsRules: bucket.corsRules,
    },
    key: {
      applicationKeyId: key.applicationKeyId,
      applicationKey: key.applicationKey,
      keyName: key.keyName,
      capabilities: key.capabilities,
      namePrefix: key.namePrefix,
      expirationTimestamp: key.expirationTimestamp,
    },
    endpoint: { s3Endpoint: endpoint.url, s3Region: endpoint.region },
  };
  return {
    target: 'other',
    filename: 'b2-setup.json',
    mediaType: MEDIA_TYPES.json,
    content: `${JSON.stringify(data, null, 2)}\n`,
  };
}
