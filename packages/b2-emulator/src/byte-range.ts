/**
 * Range requests, as the native download and S3 GetObject both answer them: the bytes a `Range`
 * header asks for, and the 200 or 206 reply that sends them.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { header } from './headers';

/**
 * The bytes a `Range: bytes=a-b` header asks for (suffix and open-ended forms too): null when
 * there is no usable range (the whole file is sent), 'unsatisfiable' when it lies past the end.
 */
export function byteRange(
  range: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = range === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || start > end ? 'unsatisfiable' : { start, end };
}

export interface RangedReply {
  status: 200 | 206;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The whole data (200), or the part the request's Range header asks for (206, with Content-Range).
 * A range past the end throws what `refuse` makes of it: each API has its own 416 error, and is
 * handed the range, the size and the Content-Range header that tells the size, to send with it.
 */
export function rangedReply(
  request: { headers: IncomingHttpHeaders },
  data: Buffer,
  headers: Record<string, string>,
  refuse: (range: string, size: number, contentRange: Record<string, string>) => Error,
): RangedReply {
  const range = header(request, 'range');
  const size = data.length;
  const wanted = byteRange(range, size);
  if (range === undefined || wanted === null) return { status: 200, headers, body: data };
  if (wanted === 'unsatisfiable') {
    throw refuse(range, size, { 'Content-Range': `bytes */${size}` });
  }
  const { start, end } = wanted;
  return {
    status: 206,
    headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}` },
    body: data.subarray(start, end + 1),
  };
}
