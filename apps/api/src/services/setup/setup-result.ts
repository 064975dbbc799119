// A finished setup's answer: the values the config files are made from, the files, and the
// result with the new key's secret. Apply and a key's replacement both end here.
import {
  keyCheckLabel,
  type ConfigValues,
  type SetupResult,
  type Target,
  type TargetOptions,
} from '@b2wiz/shared';
import type { B2Bucket, B2NewKey } from '../../b2/b2-types';
import type { RenderFiles } from '../render-files';
import type { OpenSession } from '../session-service';
import { endpointOf } from './plan-builder';

export interface SetupResultInput {
  renderFiles: RenderFiles;
  session: OpenSession;
  target: Target;
  options: TargetOptions | undefined;
  customer: string | null;
  bucketMade: boolean;
  /** The setup's date in the summary, ms since 1970. */
  createdAt: number;
  bucket: B2Bucket;
  key: B2NewKey;
  /** The key check's outcome; a file that cannot be made adds a failed check to it. */
  verification: SetupResult['verification'];
}

export function setupResult(input: SetupResultInput): SetupResult {
  const { bucket, key, session, verification } = input;
  const endpoint = endpointOf(session);
  const values: ConfigValues = {
    target: input.target,
    bucket: {
      bucketId: bucket.bucketId,
      bucketName: bucket.bucketName,
      bucketType: bucket.bucketType,
      lifecycleRules: bucket.lifecycleRules,
      corsRules: bucket.corsRules,
      defaultServerSideEncryption: bucket.defaultServerSideEncryption,
      fileLockEnabled: bucket.fileLockEnabled,
      ...(bucket.defaultRetention !== undefined && { defaultRetention: bucket.defaultRetention }),
    },
    key: {
      applicationKeyId: key.applicationKeyId,
      applicationKey: key.applicationKey,
      keyName: key.keyName,
      capabilities: key.capabilities,
      namePrefix: key.namePrefix,
      expirationTimestamp: key.expirationTimestamp,
      bucketIds: key.bucketIds ?? [],
    },
    endpoint,
    options: input.options ?? {},
    record: {
      createdAt: input.createdAt,
      accountId: session.summary.accountId,
      customer: input.customer,
      sandbox: session.summary.sandbox,
      bucketMade: input.bucketMade,
    },
  };
  let files: SetupResult['files'] = [];
  try {
    files = input.renderFiles(values);
  } catch (error) {
    // The bucket and key exist and the secret is in this answer: never lose it over a file.
    const message = error instanceof Error ? error.message : 'unknown problem';
    verification.checks.push({
      name: 'files',
      label: keyCheckLabel('files', bucket.bucketName),
      ok: false,
      status: 'failed',
      detail: `Config files could not be made: ${message}`,
    });
    verification.ok = false;
  }
  return {
    bucket: values.bucket,
    key: { ...values.key, bucketId: key.bucketId, bucketIds: key.bucketIds ?? [] },
    endpoint,
    verification,
    files,
  };
}
