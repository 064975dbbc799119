/** S3 bucket calls: ListBuckets, HeadBucket, GetBucketLocation/Versioning, Create/DeleteBucket, ListObjects V1/V2. */
import { B2Error } from '../errors';
import { header } from '../headers';
import { checkBucketName } from '../rules/bucket-name';
import { MAX_BUCKETS_PER_ACCOUNT, compareNames, type Bucket, type FileVersion } from '../state';
import { etagOf, isoDate } from './object-metadata';
import { bucketOf, requireCapability, requireNamePrefix } from './s3-access';
import { queryValue, type S3Context, type S3Reply } from './s3-context';
import { S3Error, accessDenied, invalidArgument } from './s3-errors';
import { s3Encode } from './uri-encoding';
import { text, xmlDocument, type XmlNode } from './xml';

const owner = (accountId: string): XmlNode => ({ ID: accountId, DisplayName: '' });

/**
 * ListBuckets: a bucket-restricted key needs listAllBucketNames (docs/b2-behaviour.md,
 * "Capabilities") and then sees every bucket name of the account; an unrestricted key needs
 * listBuckets (or listAllBucketNames).
 */
export function listBuckets(ctx: S3Context): S3Reply {
  const { key } = requireCapability(ctx, 'listBuckets', 'listAllBucketNames');
  if (key.bucketIds !== null && !key.capabilities.includes('listAllBucketNames')) {
    throw accessDenied(
      'Access Denied: a key restricted to a bucket needs the listAllBucketNames capability ("Allow List All Bucket Names") to list buckets over the S3 API.',
    );
  }
  const buckets = ctx.state
    .bucketsOf(key.accountId)
    .sort((a, b) => compareNames(a.bucketName, b.bucketName));
  return {
    xml: xmlDocument('ListAllMyBucketsResult', {
      Owner: owner(key.accountId),
      Buckets: {
        Bucket: buckets.map((b) => ({
          Name: b.bucketName,
          CreationDate: isoDate(b.creationTimestamp),
        })),
      },
    }),
  };
}

/** HeadBucket and GetBucketLocation: listBuckets or readBuckets (B2 calls readBuckets the S3 "location" capability). */
function readableBucket(ctx: S3Context): Bucket {
  requireCapability(ctx, 'listBuckets', 'readBuckets');
  return bucketOf(ctx);
}

export function headBucket(ctx: S3Context): S3Reply {
  readableBucket(ctx);
  return { headers: { 'x-amz-bucket-region': ctx.config.region } };
}

export function getBucketLocation(ctx: S3Context): S3Reply {
  readableBucket(ctx);
  return {
    xml: `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${ctx.config.region}</LocationConstraint>`,
  };
}

/** B2 keeps every version: versioning is always on. */
export function getBucketVersioning(ctx: S3Context): S3Reply {
  readableBucket(ctx);
  return { xml: xmlDocument('VersioningConfiguration', { Status: 'Enabled' }) };
}

/** CreateBucket needs writeBuckets, which a bucket-restricted key cannot hold. */
export function createBucket(ctx: S3Context): S3Reply {
  const { key } = requireCapability(ctx, 'writeBuckets');
  if (key.bucketIds !== null)
    throw accessDenied('Access Denied: a key restricted to a bucket cannot create buckets.');
  let name: string;
  try {
    name = checkBucketName(ctx.bucketName);
  } catch (error) {
    if (error instanceof B2Error)
      throw new S3Error(400, 'InvalidBucketName', error.message, { BucketName: ctx.bucketName });
    throw error;
  }
  const location =
    ctx.payload.data.length > 0
      ? text(ctx.payload.data.toString('utf8'), 'LocationConstraint')
      : undefined;
  if (location !== undefined && location !== '' && location !== ctx.config.region) {
    throw new S3Error(
      400,
      'InvalidLocationConstraint',
      `The specified location-constraint is not valid: this account's region is ${ctx.config.region}.`,
    );
  }
  const existing = ctx.state.bucketByName(name);
  if (existing?.accountId === key.accountId) {
    throw new S3Error(
      409,
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      { BucketName: name },
    );
  }
  if (existing) {
    throw new S3Error(
      409,
      'BucketAlreadyExists',
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      { BucketName: name },
    );
  }
  if (ctx.state.bucketsOf(key.accountId).length >= MAX_BUCKETS_PER_ACCOUNT) {
    throw new S3Error(
      400,
      'TooManyBuckets',
      `You have attempted to create more buckets than allowed (${MAX_BUCKETS_PER_ACCOUNT}).`,
    );
  }
  const acl = header(ctx, 'x-amz-acl') ?? 'private';
  if (acl !== 'private' && acl !== 'public-read') {
    throw invalidArgument('B2 supports only the canned ACLs private and public-read');
  }
  const bucket = ctx.state.addBucket(
    key.accountId,
    name,
    acl === 'public-read' ? 'allPublic' : 'allPrivate',
  );
  return { headers: { Location: `/${bucket.bucketName}` } };
}

export function deleteBucket(ctx: S3Context): S3Reply {
  requireCapability(ctx, 'deleteBuckets');
  const bucket = bucketOf(ctx);
  if ([...ctx.state.files.values()].some((f) => f.bucketId === bucket.bucketId)) {
    throw new S3Error(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty', {
      BucketName: bucket.bucketName,
    });
  }
  ctx.state.buckets.delete(bucket.bucketId);
  return { status: 204 };
}

interface Listing {
  contents: FileVersion[];
  prefixes: string[];
  truncated: boolean;
  /** The last key or common prefix returned. */
  last: string | undefined;
}

/** The visible (latest, not hidden) files under a prefix, folded at the delimiter, after a marker. */
export function listVisible(
  ctx: S3Context,
  bucket: Bucket,
  prefix: string,
  delimiter: string,
  after: string,
  maxKeys: number,
): Listing {
  const latest = new Map<string, FileVersion>();
  for (const f of ctx.state.versionsIn(bucket.bucketId)) {
    if (f.fileName.startsWith(prefix) && !latest.has(f.fileName)) latest.set(f.fileName, f);
  }
  const entries: { name: string; file: FileVersion | null }[] = [];
  for (const f of latest.values()) {
    if (f.action !== 'upload') continue;
    const at = delimiter === '' ? -1 : f.fileName.indexOf(delimiter, prefix.length);
    if (at >= 0) {
      const folder = f.fileName.slice(0, at + delimiter.length);
      if (entries.at(-1)?.name !== folder) entries.push({ name: folder, file: null });
    } else entries.push({ name: f.fileName, file: f });
  }
  const remaining = after === '' ? entries : entries.filter((e) => compareNames(e.name, after) > 0);
  const page = remaining.slice(0, maxKeys);
  return {
    contents: page.flatMap((e) => (e.file ? [e.file] : [])),
    prefixes: page.flatMap((e) => (e.file ? [] : [e.name])),
    truncated: remaining.length > page.length,
    last: page.at(-1)?.name,
  };
}

function maxKeysOf(ctx: S3Context, name: string): number {
  const raw = queryValue(ctx, name);
  if (raw === undefined || raw === '') return 1000;
  if (!/^\d+$/.test(raw)) throw invalidArgument(`${name} must be a whole number`);
  return Math.min(Number(raw), 1000);
}

/** Checks listFiles, the bucket, and that a name-prefixed key lists inside its prefix. */
function listable(ctx: S3Context): {
  bucket: Bucket;
  prefix: string;
  delimiter: string;
  encode: (s: string) => string;
} {
  requireCapability(ctx, 'listFiles');
  const bucket = bucketOf(ctx);
  const prefix = queryValue(ctx, 'prefix') ?? '';
  const keyPrefix = ctx.caller?.key.namePrefix ?? null;
  if (keyPrefix !== null && !prefix.startsWith(keyPrefix)) requireNamePrefix(ctx, prefix);
  const encodingType = queryValue(ctx, 'encoding-type');
  if (encodingType !== undefined && encodingType !== 'url')
    throw invalidArgument('Invalid Encoding Method specified in Request');
  const encode =
    encodingType === 'url' ? (s: string) => s3Encode(s).replaceAll('%2F', '/') : (s: string) => s;
  return { bucket, prefix, delimiter: queryValue(ctx, 'delimiter') ?? '', encode };
}

function contentsXml(
  files: FileVersion[],
  encode: (s: string) => string,
  withOwner: boolean,
): XmlNode[] {
  return files.map((f) => ({
    Key: encode(f.fileName),
    LastModified: isoDate(f.uploadTimestamp),
    ETag: etagOf(f),
    Size: f.contentLength,
    Owner: withOwner ? owner(f.accountId) : undefined,
    StorageClass: 'STANDARD',
  }));
}

export function listObjects(ctx: S3Context): S3Reply {
  const { bucket, prefix, delimiter, encode } = listable(ctx);
  const marker = queryValue(ctx, 'marker') ?? '';
  const maxKeys = maxKeysOf(ctx, 'max-keys');
  const list = listVisible(ctx, bucket, prefix, delimiter, marker, maxKeys);
  return {
    xml: xmlDocument('ListBucketResult', {
      Name: bucket.bucketName,
      Prefix: encode(prefix),
      Marker: encode(marker),
      MaxKeys: maxKeys,
      Delimiter: delimiter === '' ? undefined : encode(delimiter),
      EncodingType: queryValue(ctx, 'encoding-type'),
      IsTruncated: list.truncated,
      NextMarker: list.truncated && list.last !== undefined ? encode(list.last) : undefined,
      Contents: contentsXml(list.contents, encode, true),
      CommonPrefixes: list.prefixes.map((p) => ({ Prefix: encode(p) })),
    }),
  };
}

const toToken = (name: string): string => Buffer.from(name, 'utf8').toString('base64url');

function fromToken(token: string): string {
  const name = Buffer.from(token, 'base64url').toString('utf8');
  if (toToken(name) !== token)
    throw invalidArgument('The continuation token provided is incorrect');
  return name;
}

export function listObjectsV2(ctx: S3Context): S3Reply {
  const { bucket, prefix, delimiter, encode } = listable(ctx);
  const token = queryValue(ctx, 'continuation-token');
  const startAfter = queryValue(ctx, 'start-after');
  const maxKeys = maxKeysOf(ctx, 'max-keys');
  const after = token !== undefined ? fromToken(token) : (startAfter ?? '');
  const list = listVisible(ctx, bucket, prefix, delimiter, after, maxKeys);
  return {
    xml: xmlDocument('ListBucketResult', {
      Name: bucket.bucketName,
      Prefix: encode(prefix),
      MaxKeys: maxKeys,
      KeyCount: list.contents.length + list.prefixes.length,
      Delimiter: delimiter === '' ? undefined : encode(delimiter),
      EncodingType: queryValue(ctx, 'encoding-type'),
      IsTruncated: list.truncated,
      ContinuationToken: token,
      NextContinuationToken:
        list.truncated && list.last !== undefined ? toToken(list.last) : undefined,
      StartAfter: startAfter === undefined ? undefined : encode(startAfter),
      Contents: contentsXml(list.contents, encode, queryValue(ctx, 'fetch-owner') === 'true'),
      CommonPrefixes: list.prefixes.map((p) => ({ Prefix: encode(p) })),
    }),
  };
}
