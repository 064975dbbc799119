/**
 * SigV4 for the S3-compatible API: reads the Authorization header (or a presigned URL's query),
 * checks the key, region, service and date, then recomputes the signature with @smithy/signature-v4
 * over exactly the headers the client signed and compares it in constant time. The same signer
 * checks aws-chunked chunk and trailer signatures.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest, type HeaderBag } from '@smithy/protocol-http';
import { ALGORITHM_IDENTIFIER, SignatureV4 } from '@smithy/signature-v4';
import type { KeyRecord, State } from '../state';
import { headerValue } from '../headers';
import {
  firstQueryValue,
  malformedHeader,
  malformedQuery,
  presentedByHeader,
  presentedByQuery,
  type SignedRequest,
} from './presented-auth';
import { S3Error, accessDenied, invalidArgument, invalidRequest } from './s3-errors';
import { decodeUriPart, s3Encode } from './uri-encoding';

export type { SignedRequest } from './presented-auth';

/** How far a request's date may be from the server's clock (S3's limit). */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
const PAYLOAD_MODES = [
  UNSIGNED_PAYLOAD,
  STREAMING_SIGNED,
  STREAMING_SIGNED_TRAILER,
  STREAMING_UNSIGNED_TRAILER,
];

export const MASTER_KEY_MESSAGE =
  'The master application key cannot be used with the S3-compatible API. Create an application key ' +
  '(b2_create_key, or App Keys in the Backblaze web console) and use its keyID and applicationKey.';

const sha256Constructor = Hash.bind(null, 'sha256');

/** A SignatureV4 whose canonical-request steps are reachable, so a received request can be re-signed as sent. */
class SigV4Verifier extends SignatureV4 {
  canonicalRequest(request: HttpRequest, canonicalHeaders: HeaderBag, payloadHash: string): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }

  stringToSign(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
  }
}

/** What a verified request carries forward: its key, and what aws-chunked bodies are signed with. */
export interface S3Credentials {
  key: KeyRecord;
  signer: SignatureV4;
  region: string;
  signingDate: Date;
  longDate: string;
  scope: string;
  /** The request's signature: the seed of aws-chunked chunk signatures. */
  signature: string;
  /** x-amz-content-sha256 (or UNSIGNED-PAYLOAD for a presigned URL without it). */
  payloadHash: string;
  presigned: boolean;
}

/** `YYYYMMDDTHHMMSSZ` as a Date, or undefined. */
function parseLongDate(longDate: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(longDate);
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The key for an access key id; the master key (or the account id standing in for it) is refused, as B2 does. */
function keyFor(state: State, accessKeyId: string): KeyRecord {
  const key = state.liveKey(accessKeyId) ?? state.masterKeyOf(accessKeyId);
  if (key?.isMaster)
    throw new S3Error(403, 'InvalidAccessKeyId', MASTER_KEY_MESSAGE, {
      AWSAccessKeyId: accessKeyId,
    });
  if (!key) {
    throw new S3Error(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      {
        AWSAccessKeyId: accessKeyId,
      },
    );
  }
  return key;
}

/** Canonical header values: the signed headers only, trimmed, inner whitespace folded, repeats joined by ",". */
function canonicalHeaders(req: SignedRequest, names: string[]): HeaderBag {
  const bag: HeaderBag = {};
  for (const name of names) {
    const values = req.headersDistinct[name] ?? [];
    bag[name] = values
      .map((v) =>
        v
          .replace(/[\r\n]/g, ' ')
          .replace(/[ \t]+/g, ' ')
          .trim(),
      )
      .join(',');
  }
  return bag;
}

/** The path as the client sent it, and as S3 canonicalizes it (decoded, then each segment encoded once). */
function canonicalPaths(rawPath: string): string[] {
  const normalized = rawPath
    .split('/')
    .map((segment) => s3Encode(decodeUriPart(segment)))
    .join('/');
  return normalized === rawPath ? [rawPath] : [rawPath, normalized];
}

export function sameHex(a: string, b: string): boolean {
  if (!/^[0-9a-f]+$/.test(a) || !/^[0-9a-f]+$/.test(b) || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

export const sha256Hex = (data: Uint8Array | string): string =>
  createHash('sha256').update(data).digest('hex');

/**
 * Checks a request's SigV4 signature. Returns null for an anonymous request (no Authorization header,
 * no presigned query); throws an S3Error for everything that is wrong.
 */
export async function verifyRequest(
  state: State,
  region: string,
  req: SignedRequest,
  now = Date.now(),
): Promise<S3Credentials | null> {
  const authorization = headerValue(req.headers, 'authorization');
  const hasQueryAuth = req.query.some(
    ([n]) => n === 'X-Amz-Algorithm' || n === 'X-Amz-Signature' || n === 'X-Amz-Credential',
  );
  if (authorization !== undefined && hasQueryAuth) {
    throw invalidArgument(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified',
    );
  }
  if (authorization === undefined && !hasQueryAuth) return null;
  const presented =
    authorization !== undefined ? presentedByHeader(req, authorization) : presentedByQuery(req);
  const malformed = presented.presigned ? malformedQuery : malformedHeader;

  const parts = presented.credential.split('/');
  if (parts.length < 5)
    throw malformed(
      `the Credential '${presented.credential}' must look like <key id>/<date>/<region>/s3/aws4_request`,
    );
  const [shortDate, scopeRegion, service, terminator] = parts.slice(-4) as [
    string,
    string,
    string,
    string,
  ];
  const accessKeyId = parts.slice(0, -4).join('/');
  const key = keyFor(state, accessKeyId);
  if (scopeRegion !== region) {
    throw malformed(`the region '${scopeRegion}' is wrong; expecting '${region}'`);
  }
  if (service !== 's3') throw malformed(`the service '${service}' is wrong; expecting 's3'`);
  if (terminator !== 'aws4_request')
    throw malformed(`the credential must end with 'aws4_request', not '${terminator}'`);

  const signingDate = parseLongDate(presented.longDate);
  if (!signingDate)
    throw accessDenied(`X-Amz-Date must look like 20250101T120000Z, not '${presented.longDate}'`);
  if (presented.longDate.slice(0, 8) !== shortDate) {
    throw malformed(
      `the date '${shortDate}' in the credential scope does not match the request date '${presented.longDate}'`,
    );
  }
  const skew = signingDate.getTime() - now;
  if (presented.presigned) {
    if (skew > MAX_CLOCK_SKEW_MS) throw accessDenied('Request is not valid yet');
    if (signingDate.getTime() + (presented.expiresSeconds ?? 0) * 1000 < now)
      throw accessDenied('Request has expired');
  } else if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
    throw new S3Error(
      403,
      'RequestTimeTooSkewed',
      "The difference between the request time and the server's time is too large.",
      {
        RequestTime: presented.longDate,
        ServerTime: new Date(now).toISOString(),
        MaxAllowedSkewMilliseconds: MAX_CLOCK_SKEW_MS,
      },
    );
  }

  const signedHeaders = presented.signedHeaders.map((h) => h.trim().toLowerCase());
  if (!signedHeaders.includes('host')) throw malformed("SignedHeaders must include 'host'");
  const contentSha256 = headerValue(req.headers, 'x-amz-content-sha256');
  if (!presented.presigned && contentSha256 === undefined) {
    throw invalidRequest('Missing required header for this request: x-amz-content-sha256');
  }
  // A presigned URL may carry the payload hash as a hoisted query parameter; without one it is unsigned.
  const payloadHash =
    contentSha256 ??
    (presented.presigned ? firstQueryValue(req.query, 'X-Amz-Content-Sha256') : undefined) ??
    UNSIGNED_PAYLOAD;
  if (!PAYLOAD_MODES.includes(payloadHash) && !/^[0-9a-f]{64}$/.test(payloadHash)) {
    throw invalidArgument(
      `x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER or a lower-case hex SHA-256, not '${payloadHash}'`,
    );
  }

  const signer = new SigV4Verifier({
    service: 's3',
    region,
    credentials: { accessKeyId, secretAccessKey: key.secret },
    sha256: sha256Constructor,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const headers = canonicalHeaders(req, signedHeaders);
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of req.query) {
    const had = query[name];
    query[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  const scope = `${shortDate}/${region}/s3/aws4_request`;
  const provided = presented.signature.toLowerCase();
  let canonical = '';
  let stringToSign = '';
  for (const path of canonicalPaths(req.rawPath)) {
    const request = new HttpRequest({ method: req.method, hostname: '', path, query, headers: {} });
    canonical = signer.canonicalRequest(request, headers, payloadHash);
    stringToSign = await signer.stringToSign(presented.longDate, scope, canonical);
    const expected = await signer.sign(stringToSign, {
      signingDate,
      signingRegion: region,
      signingService: 's3',
    });
    if (sameHex(expected, provided)) {
      return {
        key,
        signer,
        region,
        signingDate,
        longDate: presented.longDate,
        scope,
        signature: provided,
        payloadHash,
        presigned: presented.presigned,
      };
    }
  }
  throw new S3Error(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    {
      AWSAccessKeyId: accessKeyId,
      StringToSign: stringToSign,
      SignatureProvided: presented.signature,
      CanonicalRequest: canonical,
    },
  );
}
