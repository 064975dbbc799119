/**
 * S3 DeleteObject and DeleteObjects. As on B2, buckets are always versioned: a delete without a
 * versionId hides the file (writeFiles), one with a versionId removes that version (deleteFiles).
 */
import type { Bucket } from '../state';
import { checkContentMd5 } from './object-metadata';
import { bucketOf, requireCapability, requireNamePrefix } from './s3-access';
import { queryValue, type S3Context, type S3Reply } from './s3-context';
import { lockedAgainstDelete } from '../rules/retention';
import { S3Error, accessDenied, malformedXml } from './s3-errors';
import { elements, text, xmlDocument, type XmlNode } from './xml';

const MAX_DELETE_OBJECTS = 1000;

interface DeleteOutcome {
  versionId?: string;
  deleteMarker?: boolean;
  deleteMarkerVersionId?: string;
}

/** One delete, as DeleteObject and each entry of DeleteObjects do it. */
function deleteOne(
  ctx: S3Context,
  bucket: Bucket,
  key: string,
  versionId: string | undefined,
): DeleteOutcome {
  const { state } = ctx;
  if (versionId !== undefined && versionId !== 'null') {
    requireCapability(ctx, 'deleteFiles');
    requireNamePrefix(ctx, key);
    const file = state.files.get(versionId);
    if (file && file.bucketId === bucket.bucketId && file.fileName === key) {
      const locked = lockedAgainstDelete(file.fileRetention, state.now(), {
        asked: ctx.headers['x-amz-bypass-governance-retention'] === 'true',
        allowed: ctx.caller?.key.capabilities.includes('bypassGovernance') ?? false,
      });
      if (locked) throw accessDenied(`Access Denied: ${locked.message}`);
      state.files.delete(versionId);
      return file.action === 'hide' ? { versionId, deleteMarker: true } : { versionId };
    }
    return { versionId };
  }
  requireCapability(ctx, 'writeFiles');
  requireNamePrefix(ctx, key);
  const latest = state.latestVersion(bucket.bucketId, key);
  if (!latest || latest.action !== 'upload') return {};
  const marker = state.addHideMarker(bucket, key);
  return { deleteMarker: true, deleteMarkerVersionId: marker.fileId };
}

export function deleteObject(ctx: S3Context): S3Reply {
  const bucket = bucketOf(ctx);
  const outcome = deleteOne(ctx, bucket, ctx.key, queryValue(ctx, 'versionId'));
  const headers: Record<string, string> = {};
  if (outcome.deleteMarker) headers['x-amz-delete-marker'] = 'true';
  const version = outcome.versionId ?? outcome.deleteMarkerVersionId;
  if (version !== undefined) headers['x-amz-version-id'] = version;
  return { status: 204, headers };
}

export function deleteObjects(ctx: S3Context): S3Reply {
  const bucket = bucketOf(ctx);
  const body = ctx.payload.data;
  checkContentMd5(ctx, body);
  const xml = body.toString('utf8');
  if (elements(xml, 'Delete').length !== 1) throw malformedXml();
  const quiet = text(xml, 'Quiet') === 'true';
  const objects = elements(xml, 'Object');
  if (objects.length === 0 || objects.length > MAX_DELETE_OBJECTS) throw malformedXml();
  const deleted: XmlNode[] = [];
  const errors: XmlNode[] = [];
  for (const object of objects) {
    const key = text(object, 'Key');
    if (key === undefined || key === '') throw malformedXml();
    const versionId = text(object, 'VersionId');
    try {
      const outcome = deleteOne(ctx, bucket, key, versionId);
      if (!quiet) {
        deleted.push({
          Key: key,
          VersionId: versionId,
          DeleteMarker: outcome.deleteMarker,
          DeleteMarkerVersionId: outcome.deleteMarkerVersionId,
        });
      }
    } catch (error) {
      if (!(error instanceof S3Error)) throw error;
      errors.push({ Key: key, VersionId: versionId, Code: error.code, Message: error.message });
    }
  }
  return { xml: xmlDocument('DeleteResult', { Deleted: deleted, Error: errors }) };
}
