/**
 * B2 as it answered newer AWS SDKs in early 2025 (docs/b2-behaviour.md "Checksum headers"): an
 * S3 request carrying an x-amz-checksum-* or x-amz-sdk-checksum-algorithm header is refused with
 * 400 InvalidArgument. Off by default; the tool tests turn it on to prove a file switches them off.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { invalidArgument, type S3Error } from './s3-errors';

export function refusedChecksumHeader(headers: IncomingHttpHeaders): S3Error | null {
  const name = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .sort()
    .find((h) => h.startsWith('x-amz-checksum-') || h === 'x-amz-sdk-checksum-algorithm');
  return name === undefined
    ? null
    : invalidArgument(`Unsupported header '${name}' received for this API call.`);
}
