/**
 * S3 multipart uploads (B2's large files): Create, UploadPart, Complete, Abort, ListParts and
 * ListMultipartUploads. Parts need writeFiles, as b2_upload_part does; the finished file's ETag is
 * S3's md5-of-md5s-N.
 */
import { createHash } from 'node:crypto';
import { ABSOLUTE_MINIMUM_PART_SIZE } from '../handlers/authorize';
import { newFileId } from '../ids';
import { header } from '../headers';
import { MAX_UPLOAD_BYTES } from '../limits';
import { compareNames, type Bucket, type MultipartUpload } from '../state';
import { DEFAULT_CONTENT_TYPE, sseFor, sseHeaders, storeFile, writableKey } from './object-store';
import { checkContentMd5, fileInfoFrom, isoDate, md5Hex } from './object-metadata';
import { bucketOf, requireCapability } from './s3-access';
import { queryValue, type S3Context, type S3Reply } from './s3-context';
import { S3Error, invalidArgument, malformedXml } from './s3-errors';
import { elements, text, xmlDocument } from './xml';

const MAX_PARTS = 10_000;

const noSuchUpload = (uploadId: string): S3Error =>
  new S3Error(
    404,
    'NoSuchUpload',
    'The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId },
  );

/** The upload named by ?uploadId, which must be for this bucket and key. */
function uploadOf(ctx: S3Context, bucket: Bucket): MultipartUpload {
  const uploadId = queryValue(ctx, 'uploadId') ?? '';
  const upload = ctx.state.multipartUploads.get(uploadId);
  if (!upload || upload.bucketId !== bucket.bucketId || upload.fileName !== ctx.key)
    throw noSuchUpload(uploadId);
  return upload;
}

export function createMultipartUpload(ctx: S3Context): S3Reply {
  const bucket = writableKey(ctx);
  const { state } = ctx;
  const upload: MultipartUpload = {
    uploadId: newFileId(bucket.bucketId, state.cluster, state.now()),
    accountId: bucket.accountId,
    bucketId: bucket.bucketId,
    fileName: ctx.key,
    contentType: header(ctx, 'content-type') || DEFAULT_CONTENT_TYPE,
    fileInfo: fileInfoFrom(ctx),
    serverSideEncryption: sseFor(ctx, bucket),
    initiated: state.timestamp(),
    parts: new Map(),
  };
  state.multipartUploads.set(upload.uploadId, upload);
  return {
    headers: sseHeaders(upload.serverSideEncryption),
    xml: xmlDocument('InitiateMultipartUploadResult', {
      Bucket: bucket.bucketName,
      Key: ctx.key,
      UploadId: upload.uploadId,
    }),
  };
}

function partNumberOf(raw: string | undefined): number {
  const n = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || n < 1 || n > MAX_PARTS) {
    throw invalidArgument(`Part number must be an integer between 1 and ${MAX_PARTS}, inclusive`);
  }
  return n;
}

export function uploadPart(ctx: S3Context): S3Reply {
  const bucket = writableKey(ctx);
  const upload = uploadOf(ctx, bucket);
  const partNumber = partNumberOf(queryValue(ctx, 'partNumber'));
  const data = ctx.payload.data;
  if (data.length > MAX_UPLOAD_BYTES)
    throw new S3Error(
      400,
      'EntityTooLarge',
      'Your proposed upload exceeds the maximum allowed size',
    );
  checkContentMd5(ctx, data);
  const md5 = md5Hex(data);
  upload.parts.set(partNumber, { data: Buffer.from(data), md5, lastModified: ctx.state.now() });
  return { headers: { ETag: `"${md5}"`, ...sseHeaders(upload.serverSideEncryption) } };
}

export function completeMultipartUpload(ctx: S3Context): S3Reply {
  const bucket = writableKey(ctx);
  const upload = uploadOf(ctx, bucket);
  const xml = ctx.payload.data.toString('utf8');
  const listed = elements(xml, 'Part').map((part) => ({
    partNumber: partNumberOf(text(part, 'PartNumber')),
    etag: (text(part, 'ETag') ?? '').replace(/^"|"$/g, '').toLowerCase(),
  }));
  if (elements(xml, 'CompleteMultipartUpload').length !== 1 || listed.length === 0)
    throw malformedXml();
  const chosen = listed.map(({ partNumber, etag }, i) => {
    if (i > 0 && partNumber <= listed[i - 1]!.partNumber) {
      throw new S3Error(
        400,
        'InvalidPartOrder',
        'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
      );
    }
    const part = upload.parts.get(partNumber);
    if (!part || part.md5 !== etag) {
      throw new S3Error(
        400,
        'InvalidPart',
        "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        {
          UploadId: upload.uploadId,
          PartNumber: partNumber,
          ETag: etag,
        },
      );
    }
    return part;
  });
  chosen.slice(0, -1).forEach((part, i) => {
    if (part.data.length < ABSOLUTE_MINIMUM_PART_SIZE) {
      throw new S3Error(
        400,
        'EntityTooSmall',
        `Your proposed upload is smaller than the minimum allowed object size: every part but the last must be at least ${ABSOLUTE_MINIMUM_PART_SIZE} bytes.`,
        {
          PartNumber: listed[i]!.partNumber,
          ProposedSize: part.data.length,
          MinSizeAllowed: ABSOLUTE_MINIMUM_PART_SIZE,
        },
      );
    }
  });
  const md5s = Buffer.concat(chosen.map((p) => Buffer.from(p.md5, 'hex')));
  const s3ETag = `${createHash('md5').update(md5s).digest('hex')}-${chosen.length}`;
  const file = storeFile(
    ctx.state,
    bucket,
    upload.fileName,
    Buffer.concat(chosen.map((p) => p.data)),
    {
      contentType: upload.contentType,
      fileInfo: upload.fileInfo,
      sse: upload.serverSideEncryption,
      s3ETag,
    },
  );
  ctx.state.multipartUploads.delete(upload.uploadId);
  return {
    headers: { 'x-amz-version-id': file.fileId },
    xml: xmlDocument('CompleteMultipartUploadResult', {
      Location: `${ctx.config.s3ApiUrl}/${bucket.bucketName}/${upload.fileName}`,
      Bucket: bucket.bucketName,
      Key: upload.fileName,
      ETag: `"${s3ETag}"`,
    }),
  };
}

export function abortMultipartUpload(ctx: S3Context): S3Reply {
  const bucket = writableKey(ctx);
  const upload = uploadOf(ctx, bucket);
  ctx.state.multipartUploads.delete(upload.uploadId);
  return { status: 204 };
}

export function listParts(ctx: S3Context): S3Reply {
  const bucket = writableKey(ctx);
  const upload = uploadOf(ctx, bucket);
  const marker = Number(queryValue(ctx, 'part-number-marker') ?? 0) || 0;
  const maxParts = Math.min(Number(queryValue(ctx, 'max-parts') ?? 1000) || 1000, 1000);
  const all = [...upload.parts.entries()].filter(([n]) => n > marker).sort(([a], [b]) => a - b);
  const page = all.slice(0, maxParts);
  const truncated = all.length > page.length;
  return {
    xml: xmlDocument('ListPartsResult', {
      Bucket: bucket.bucketName,
      Key: upload.fileName,
      UploadId: upload.uploadId,
      Initiator: { ID: upload.accountId, DisplayName: '' },
      Owner: { ID: upload.accountId, DisplayName: '' },
      StorageClass: 'STANDARD',
      PartNumberMarker: marker,
      NextPartNumberMarker: truncated ? page.at(-1)?.[0] : undefined,
      MaxParts: maxParts,
      IsTruncated: truncated,
      Part: page.map(([n, p]) => ({
        PartNumber: n,
        LastModified: isoDate(p.lastModified),
        ETag: `"${p.md5}"`,
        Size: p.data.length,
      })),
    }),
  };
}

/** ListMultipartUploads needs listFiles, like b2_list_unfinished_large_files. One page of up to 1000. */
export function listMultipartUploads(ctx: S3Context): S3Reply {
  requireCapability(ctx, 'listFiles');
  const bucket = bucketOf(ctx);
  const prefix = queryValue(ctx, 'prefix') ?? '';
  const uploads = [...ctx.state.multipartUploads.values()]
    .filter((u) => u.bucketId === bucket.bucketId && u.fileName.startsWith(prefix))
    .sort((a, b) => compareNames(a.fileName, b.fileName) || a.initiated - b.initiated)
    .slice(0, 1000);
  return {
    xml: xmlDocument('ListMultipartUploadsResult', {
      Bucket: bucket.bucketName,
      KeyMarker: '',
      UploadIdMarker: '',
      Prefix: prefix,
      MaxUploads: 1000,
      IsTruncated: false,
      Upload: uploads.map((u) => ({
        Key: u.fileName,
        UploadId: u.uploadId,
        Initiator: { ID: u.accountId, DisplayName: '' },
        Owner: { ID: u.accountId, DisplayName: '' },
        StorageClass: 'STANDARD',
        Initiated: isoDate(u.initiated),
      })),
    }),
  };
}
