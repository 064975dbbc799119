// The key check's marker files: what they hold, and removing what a check left behind.
import type { B2Bucket, B2Connection } from '../../b2/b2-types';
import type { ApplyRecord } from './apply-record';

export const MARKER_CONTENT = Buffer.from('B2 Setup Wizard key check. Safe to delete.\n');

/**
 * Deletes the marker files a check left: by id where known, else every version of the name
 * (needs listFiles). Answers the first error, or null when nothing is left.
 */
export async function removeLeftoverMarkers(
  remover: B2Connection,
  bucket: B2Bucket,
  record: ApplyRecord,
): Promise<unknown> {
  const canList = remover.authorization.capabilities.includes('listFiles');
  const left: ApplyRecord['leftoverMarkers'] = [];
  let problem: unknown = null;
  // Known ids first, so the version the check uploaded is the one deleted by id.
  const ordered = [...record.leftoverMarkers].sort(
    (a, b) => Number(a.fileId === null) - Number(b.fileId === null),
  );
  const byName = async (fileName: string) => {
    const versions = await remover.listFileVersions({
      bucketId: bucket.bucketId,
      prefix: fileName,
    });
    for (const v of versions.filter((f) => f.fileName === fileName)) {
      await remover.deleteFileVersion(v);
    }
  };
  for (const marker of ordered) {
    try {
      if (marker.fileId === null) {
        if (canList) await byName(marker.fileName);
        continue;
      }
      try {
        await remover.deleteFileVersion({ fileId: marker.fileId, fileName: marker.fileName });
      } catch (error) {
        // Perhaps already gone (an earlier try's answer was lost): look by name.
        if (!canList) throw error;
        await byName(marker.fileName);
      }
    } catch (error) {
      problem ??= error;
      left.push(marker);
    }
  }
  record.leftoverMarkers = left;
  return problem;
}
