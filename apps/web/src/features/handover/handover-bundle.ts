// What goes to the customer: the new key, where it works, and the setup's files.
import type { HandoverBundle, SetupResult } from '@b2wiz/shared';

export function bundleOf(result: SetupResult, endpoint: string): HandoverBundle {
  return {
    version: 1,
    applicationKeyId: result.key.applicationKeyId,
    applicationKey: result.key.applicationKey,
    bucketName: result.bucket.bucketName,
    endpoint,
    region: result.endpoint.s3Region,
    files: result.files.map(({ filename, mediaType, content }) => ({
      filename,
      mediaType,
      content,
    })),
  };
}
