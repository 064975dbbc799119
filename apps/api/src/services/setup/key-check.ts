// The key check after apply: sign in with the new key, check its reach and rights, and prove
// over the API the tool uses that it can write (and delete, where the tool needs to).
import { TARGET_PRESETS, type SetupRequest, type SetupResult } from '@b2wiz/shared';
import type { B2Bucket, B2Connection, B2NewKey } from '../../b2/b2-types';
import type { AppConfig } from '../../config';
import type { OpenSession } from '../session-service';
import type { ApplyRecord } from './apply-record';
import { CheckList } from './check-list';
import { extraBucketIdsOf } from './extra-buckets';
import { nativeMarkerCheck } from './native-key-check';
import { s3KeyCheck } from './s3-key-check';

const sorted = (list: readonly string[]) => [...list].sort();
const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

export class KeyCheck {
  constructor(private readonly deps: { config: AppConfig }) {}

  async run(
    session: OpenSession,
    request: SetupRequest,
    bucket: B2Bucket,
    key: B2NewKey,
    record: ApplyRecord,
  ): Promise<SetupResult['verification']> {
    const others = extraBucketIdsOf(request);
    const list = new CheckList(bucket.bucketName, others.length);
    const done = () => {
      record.recheck = list.passingFailure;
      return list.verdict(request);
    };
    const { config } = this.deps;
    const { gateway } = session;
    const baseUrl = session.summary.sandbox
      ? (config.sandbox?.apiUrl ?? config.b2ApiUrl)
      : config.b2ApiUrl;

    let keyConn: B2Connection;
    try {
      keyConn = await gateway.connect({
        baseUrl,
        applicationKeyId: key.applicationKeyId,
        applicationKey: key.applicationKey,
      });
      list.passed('authorize', 'The new key signs in to Backblaze.');
    } catch (error) {
      list.failed('authorize', `The new key could not sign in: ${list.reason(error)}`);
      return done();
    }

    const auth = keyConn.authorization;
    if (request.key.restrictToBucket) {
      // A key for several buckets reads them all back from its v4 sign-in, in B2's order.
      const reached = auth.buckets ?? (auth.bucketId ? [{ bucketId: auth.bucketId }] : []);
      const asked = [bucket.bucketId, ...others];
      const ids = reached.map((b) => b.bucketId);
      if (!sameSet(ids, asked)) {
        list.failed(
          'restrictedToBucket',
          others.length === 0
            ? 'The key is not limited to this bucket as asked.'
            : 'The key is not limited to the buckets asked for.',
        );
      } else if (others.length === 0) {
        list.passed(
          'restrictedToBucket',
          `The key reaches only the bucket “${bucket.bucketName}”.`,
        );
      } else {
        list.passed(
          'restrictedToBucket',
          `The key reaches only the bucket “${bucket.bucketName}” and ${others.length === 1 ? 'the other bucket' : `the ${others.length} other buckets`} chosen.`,
        );
      }
    }
    if (sameSet(auth.capabilities, key.capabilities)) {
      list.passed('capabilities', `The key holds exactly: ${key.capabilities.join(', ')}.`);
    } else {
      list.failed(
        'capabilities',
        `The key holds ${auth.capabilities.join(', ')}, not what was asked.`,
      );
    }

    const caps = auth.capabilities;
    // Markers are removed with the new key, or, when it may not delete, with the session's key.
    // Without a remover no marker is written: it would stay in the bucket for good.
    const remover = caps.includes('deleteFiles')
      ? keyConn
      : session.summary.capabilities.includes('deleteFiles')
        ? session.connection
        : null;
    // The marker goes over the API the tool will use, once: the sign-in above already proved the
    // key and its restrictions natively, so an S3 tool's key needs no native marker as well.
    if (TARGET_PRESETS[request.target].usesS3) {
      await s3KeyCheck(gateway, session, bucket, key, caps, remover, record, list);
    } else if (!caps.includes('writeFiles')) {
      list.notChecked('upload', 'This key cannot upload, so no file was written.');
    } else if (!remover) {
      list.notChecked(
        'upload',
        'Neither this key nor your connected key may delete files, so no test file was written (it would stay in the bucket).',
      );
    } else {
      await nativeMarkerCheck(keyConn, remover, bucket, key, record, list);
    }
    return done();
  }
}
