/**
 * The body of a verified S3 request, as the client declared it in x-amz-content-sha256: a hex
 * SHA-256 (checked), UNSIGNED-PAYLOAD, or aws-chunked with per-chunk signatures (each checked with
 * the request's signer) or without them (STREAMING-UNSIGNED-PAYLOAD-TRAILER).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { headerValue } from '../headers';
import { S3Error } from './s3-errors';
import {
  STREAMING_SIGNED,
  STREAMING_SIGNED_TRAILER,
  STREAMING_UNSIGNED_TRAILER,
  UNSIGNED_PAYLOAD,
  sameHex,
  sha256Hex,
  type S3Credentials,
} from './sigv4';

const CRLF = Buffer.from('\r\n');
const EMPTY = new Uint8Array(0);

const incompleteBody = (message: string): S3Error => new S3Error(400, 'IncompleteBody', message);

const chunkSignatureMismatch = (): S3Error =>
  new S3Error(
    403,
    'SignatureDoesNotMatch',
    'The chunk signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

export interface Payload {
  data: Buffer;
  /** Trailing headers of an aws-chunked body (e.g. x-amz-checksum-crc32), lower-case names. */
  trailers: Record<string, string>;
  /** Content-Encoding without "aws-chunked", or undefined when nothing is left. */
  contentEncoding: string | undefined;
}

export async function decodePayload(
  body: Buffer,
  headers: IncomingHttpHeaders,
  credentials: S3Credentials | null,
): Promise<Payload> {
  const encoding = headerValue(headers, 'content-encoding');
  const rest = encoding
    ?.split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e.toLowerCase() !== 'aws-chunked')
    .join(',');
  const contentEncoding = rest === '' ? undefined : rest;
  const mode = credentials?.payloadHash ?? UNSIGNED_PAYLOAD;
  if (mode === UNSIGNED_PAYLOAD) return { data: body, trailers: {}, contentEncoding };
  if (/^[0-9a-f]{64}$/.test(mode)) {
    if (!sameHex(sha256Hex(body), mode)) {
      throw new S3Error(
        400,
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        {
          ClientComputedContentSHA256: mode,
          S3ComputedContentSHA256: sha256Hex(body),
        },
      );
    }
    return { data: body, trailers: {}, contentEncoding };
  }
  const signed = mode === STREAMING_SIGNED || mode === STREAMING_SIGNED_TRAILER;
  const withTrailer = mode === STREAMING_SIGNED_TRAILER || mode === STREAMING_UNSIGNED_TRAILER;
  const decoded = await decodeAwsChunked(body, signed ? credentials : null, withTrailer);
  const declared = headerValue(headers, 'x-amz-decoded-content-length');
  if (declared !== undefined && Number(declared) !== decoded.data.length) {
    throw incompleteBody(
      `x-amz-decoded-content-length says ${declared} bytes but the chunks hold ${decoded.data.length}`,
    );
  }
  return { ...decoded, contentEncoding };
}

/** Reads `<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n` chunks up to the 0-size one, then any trailers. */
async function decodeAwsChunked(
  body: Buffer,
  credentials: S3Credentials | null,
  withTrailer: boolean,
): Promise<{ data: Buffer; trailers: Record<string, string> }> {
  const chunks: Buffer[] = [];
  let pos = 0;
  let prior = credentials?.signature ?? '';
  const line = (): string => {
    const end = body.indexOf(CRLF, pos);
    if (end < 0) throw incompleteBody('the aws-chunked body ended in the middle of a line');
    const text = body.subarray(pos, end).toString('latin1');
    pos = end + 2;
    return text;
  };
  for (;;) {
    const header = line();
    const m = /^([0-9a-fA-F]+)(;.*)?$/.exec(header);
    if (!m) throw incompleteBody(`'${header.slice(0, 80)}' is not an aws-chunked chunk header`);
    const size = parseInt(m[1]!, 16);
    if (pos + size > body.length)
      throw incompleteBody('the aws-chunked body is shorter than its chunk sizes say');
    const data = body.subarray(pos, pos + size);
    pos += size;
    if (credentials) {
      const signature = /;chunk-signature=([0-9a-fA-F]+)/.exec(m[2] ?? '')?.[1]?.toLowerCase();
      if (!signature) throw incompleteBody('a signed aws-chunked chunk has no chunk-signature');
      const expected = await credentials.signer.sign(
        { headers: EMPTY, payload: data },
        {
          signingDate: credentials.signingDate,
          priorSignature: prior,
          signingRegion: credentials.region,
          signingService: 's3',
        },
      );
      if (!sameHex(expected, signature)) throw chunkSignatureMismatch();
      prior = signature;
    }
    if (size === 0) break;
    chunks.push(data);
    if (!body.subarray(pos, pos + 2).equals(CRLF))
      throw incompleteBody('an aws-chunked chunk does not end with CRLF');
    pos += 2;
  }
  const trailers: Record<string, string> = {};
  if (!withTrailer) {
    if (pos < body.length && !body.subarray(pos, pos + 2).equals(CRLF))
      throw incompleteBody('data after the last aws-chunked chunk');
    return { data: Buffer.concat(chunks), trailers };
  }
  let canonicalTrailer = '';
  let trailerSignature: string | undefined;
  while (pos < body.length) {
    const text = line();
    if (text === '') break;
    const colon = text.indexOf(':');
    if (colon < 0) throw incompleteBody(`'${text.slice(0, 80)}' is not a trailing header`);
    const name = text.slice(0, colon).trim().toLowerCase();
    const value = text.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') trailerSignature = value.toLowerCase();
    else {
      trailers[name] = value;
      canonicalTrailer += `${name}:${value}\n`;
    }
  }
  if (credentials) {
    if (!trailerSignature)
      throw incompleteBody('a signed aws-chunked body has no x-amz-trailer-signature');
    const stringToSign = [
      'AWS4-HMAC-SHA256-TRAILER',
      credentials.longDate,
      credentials.scope,
      prior,
      sha256Hex(canonicalTrailer),
    ].join('\n');
    const expected = await credentials.signer.sign(stringToSign, {
      signingDate: credentials.signingDate,
      signingRegion: credentials.region,
      signingService: 's3',
    });
    if (!sameHex(expected, trailerSignature)) throw chunkSignatureMismatch();
  }
  return { data: Buffer.concat(chunks), trailers };
}
