/**
 * Which S3 call a request makes, path-style at the root: `GET /` lists buckets, `/<bucket>` and
 * `/<bucket>/<key>` do the rest, with the method and query choosing the operation.
 */
import { S3Error } from './s3-errors';

/** Native routes own these prefixes; none of them can be a B2 bucket name (too short, or "_"). */
export const NATIVE_PREFIXES = ['/b2api/', '/file/', '/__emulator/'];

export const isS3Path = (pathname: string): boolean =>
  !NATIVE_PREFIXES.some((p) => pathname.startsWith(p));

/** Bucket sub-resources the emulator does not serve (ACLs, CORS, lifecycle, policy, tagging, ...). */
const BUCKET_SUBRESOURCES = [
  'accelerate',
  'acl',
  'analytics',
  'cors',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'lifecycle',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'tagging',
  'versions',
  'website',
];
const OBJECT_SUBRESOURCES = [
  'acl',
  'attributes',
  'legal-hold',
  'restore',
  'retention',
  'select',
  'tagging',
  'torrent',
];

export interface S3Route {
  call: string;
  bucketName: string;
  key: string;
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
  }
}

/** Which S3 call a method, path and query make. */
export function s3Route(
  method: string,
  rawPath: string,
  query: [string, string][],
  copySource: boolean,
): S3Route {
  const has = (name: string) => query.some(([n]) => n === name);
  const path = rawPath.replace(/^\/+/, '');
  const slash = path.indexOf('/');
  const bucketName = decodeSegment(slash < 0 ? path : path.slice(0, slash));
  const key = slash < 0 ? '' : decodeSegment(path.slice(slash + 1));
  const at = (call: string): S3Route => ({ call, bucketName, key });
  const notAllowed = () =>
    new S3Error(
      405,
      'MethodNotAllowed',
      `The specified method (${method}) is not allowed against this resource.`,
    );
  if (bucketName === '') {
    if (method === 'GET') return at('s3_list_buckets');
    throw notAllowed();
  }
  if (key === '') {
    const subresource = BUCKET_SUBRESOURCES.some(has);
    switch (method) {
      case 'HEAD':
        return at('s3_head_bucket');
      case 'GET':
        if (has('location')) return at('s3_get_bucket_location');
        if (has('versioning')) return at('s3_get_bucket_versioning');
        if (has('uploads')) return at('s3_list_multipart_uploads');
        if (subresource) return at('s3_unsupported');
        return at(
          query.some(([n, v]) => n === 'list-type' && v === '2')
            ? 's3_list_objects_v2'
            : 's3_list_objects',
        );
      case 'PUT':
        return at(subresource || has('versioning') ? 's3_unsupported' : 's3_create_bucket');
      case 'DELETE':
        return at(subresource ? 's3_unsupported' : 's3_delete_bucket');
      case 'POST':
        if (has('delete')) return at('s3_delete_objects');
        throw notAllowed();
      default:
        throw notAllowed();
    }
  }
  const subresource = OBJECT_SUBRESOURCES.some(has);
  switch (method) {
    case 'GET':
      if (has('uploadId')) return at('s3_list_parts');
      return at(subresource ? 's3_unsupported' : 's3_get_object');
    case 'HEAD':
      return at('s3_head_object');
    case 'PUT':
      if (has('uploadId') || has('partNumber'))
        return at(copySource ? 's3_unsupported' : 's3_upload_part');
      if (subresource) return at('s3_unsupported');
      return at(copySource ? 's3_copy_object' : 's3_put_object');
    case 'POST':
      if (has('uploads')) return at('s3_create_multipart_upload');
      if (has('uploadId')) return at('s3_complete_multipart_upload');
      return at('s3_unsupported');
    case 'DELETE':
      return at(has('uploadId') ? 's3_abort_multipart_upload' : 's3_delete_object');
    default:
      throw notAllowed();
  }
}
