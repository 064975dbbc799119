// The target speaks S3: reach the bucket at the S3 endpoint with the new key, and where it may
// write, put a marker and delete that version again (the check's only marker). Each step the key
// may not take is "not checked"; a marker a lost answer may have left is removed natively.
import { randomBytes } from 'node:crypto';
import type { B2Bucket, B2Connection, B2Gateway, B2NewKey } from '../../b2/b2-types';
import type { OpenSession } from '../session-service';
import type { ApplyRecord } from './apply-record';
import type { CheckList } from './check-list';
import { MARKER_CONTENT, removeLeftoverMarkers } from './marker-cleanup';
import { outcomeUnknown } from '../../b2/b2-call-error';

export async function s3KeyCheck(
  gateway: B2Gateway,
  session: OpenSession,
  bucket: B2Bucket,
  key: B2NewKey,
  /** What the new key holds, as B2 answered its sign-in. */
  caps: readonly string[],
  remover: B2Connection | null,
  record: ApplyRecord,
  list: CheckList,
): Promise<void> {
  const { s3Endpoint, s3Region } = session.summary;
  const s3 = gateway.s3({
    endpoint: s3Endpoint,
    region: s3Region,
    applicationKeyId: key.applicationKeyId,
    applicationKey: key.applicationKey,
  });
  const where = `the S3 endpoint ${s3Endpoint}`;

  if (!caps.includes('listBuckets') && !caps.includes('readBuckets')) {
    list.notChecked(
      'S3: bucket reachable',
      `The key may not list buckets, so it cannot ask ${where} about the bucket.`,
    );
  } else {
    try {
      await s3.headBucket(bucket.bucketName);
      list.passed(
        'S3: bucket reachable',
        `The key reaches the bucket “${bucket.bucketName}” at ${where}.`,
      );
    } catch (error) {
      list.failed(
        'S3: bucket reachable',
        `The key could not reach the bucket at ${where}: ${list.reason(error)}`,
      );
      // A marker an earlier try may have left goes all the same (no call when there is none).
      if (remover) await removeLeftoverMarkers(remover, bucket, record);
      return;
    }
  }

  if (!caps.includes('writeFiles') || !remover) {
    list.notChecked(
      'S3: upload',
      caps.includes('writeFiles')
        ? 'Neither this key nor your connected key may delete files, so no test file was written over S3 (it would stay in the bucket).'
        : 'This key cannot upload, so no file was written over S3.',
    );
    return;
  }
  const fileName = `${key.namePrefix ?? ''}b2-setup-wizard-s3-check-${randomBytes(6).toString('hex')}.txt`;
  let versionId: string | null;
  try {
    const put = await s3.putObject({
      bucket: bucket.bucketName,
      key: fileName,
      body: MARKER_CONTENT,
      contentType: 'text/plain',
    });
    versionId = put.versionId;
    if (put.strayCopiesPossible || versionId === null) {
      record.leftoverMarkers.push({ fileName, fileId: null });
    }
    list.passed('S3: upload', `The key uploaded the marker file “${fileName}” over S3.`);
  } catch (error) {
    if (outcomeUnknown(error)) {
      record.leftoverMarkers.push({ fileName, fileId: null });
    }
    list.failed('S3: upload', `The key could not upload a file over S3: ${list.reason(error)}`);
    await removeLeftoverMarkers(remover, bucket, record);
    return;
  }

  if (caps.includes('deleteFiles') && versionId !== null) {
    try {
      await s3.deleteObjectVersion({ bucket: bucket.bucketName, key: fileName, versionId });
      list.passed('S3: delete', 'The key deleted the marker file again over S3.');
    } catch (error) {
      record.leftoverMarkers.push({ fileName, fileId: versionId });
      list.failed(
        'S3: delete',
        `The key could not delete the marker file over S3: ${list.reason(error)}`,
      );
    }
  } else if (versionId !== null) {
    // S3's version id is B2's file id: the native remover can take it away.
    record.leftoverMarkers.push({ fileName, fileId: versionId });
    list.notChecked(
      'S3: delete',
      'The new key may not delete files, so the marker file was removed with your connected key.',
    );
  }
  const problem = await removeLeftoverMarkers(remover, bucket, record);
  if (problem !== null) {
    list.failed(
      'S3: clean up',
      `The marker file “${fileName}” could not be removed: ${list.reason(problem)}`,
    );
  }
}
