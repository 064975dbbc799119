// A native tool's check: upload a tiny marker with the new key, then delete it (and any copy a
// lost answer left).
import { randomBytes } from 'node:crypto';
import type { B2Bucket, B2Connection, B2NewKey, UploadedFile } from '../../b2/b2-types';
import type { ApplyRecord } from './apply-record';
import type { CheckList } from './check-list';
import { MARKER_CONTENT, removeLeftoverMarkers } from './marker-cleanup';
import { outcomeUnknown } from '../../b2/b2-call-error';

export async function nativeMarkerCheck(
  keyConn: B2Connection,
  remover: B2Connection,
  bucket: B2Bucket,
  key: B2NewKey,
  record: ApplyRecord,
  list: CheckList,
): Promise<void> {
  const viaSession = remover !== keyConn;
  const fileName = `${key.namePrefix ?? ''}b2-setup-wizard-check-${randomBytes(6).toString('hex')}.txt`;
  let file: UploadedFile;
  try {
    file = await keyConn.uploadFile({
      bucketId: bucket.bucketId,
      fileName,
      data: MARKER_CONTENT,
      contentType: 'text/plain',
    });
    list.passed('upload', `The key uploaded the marker file “${fileName}”.`);
  } catch (error) {
    // The upload may have worked although its answer was lost: look for it next time.
    if (outcomeUnknown(error)) {
      record.leftoverMarkers.push({ fileName, fileId: null });
    }
    list.failed('upload', `The key could not upload a file: ${list.reason(error)}`);
    await removeLeftoverMarkers(remover, bucket, record);
    return;
  }

  record.leftoverMarkers.push({ fileName, fileId: file.fileId });
  // A retried upload may have stored a copy whose answer was lost: find it by name.
  if (file.strayCopiesPossible) record.leftoverMarkers.push({ fileName, fileId: null });
  const problem = await removeLeftoverMarkers(remover, bucket, record);
  if (problem !== null) {
    list.failed(
      'delete',
      `The marker file “${fileName}” could not be deleted: ${list.reason(problem)}`,
    );
  } else if (viaSession) {
    list.notChecked(
      'delete',
      'The new key may not delete files, so the marker file was deleted with your connected key.',
    );
  } else {
    list.passed('delete', 'The key deleted the marker file again.');
  }
}
