/**
 * What a SigV4 request presents: the credential, signed headers, signature and date, read from the
 * Authorization header or from a presigned URL's query, with S3's errors for a malformed one.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ALGORITHM_IDENTIFIER } from '@smithy/signature-v4';
import { headerValue } from '../headers';
import { S3Error, accessDenied, invalidRequest } from './s3-errors';

/** A presigned URL lives at most a week. */
export const MAX_PRESIGNED_SECONDS = 7 * 24 * 60 * 60;

/** A received request, as the signature check reads it. */
export interface SignedRequest {
  method: string;
  /** The path as received, still percent-encoded. */
  rawPath: string;
  /** Decoded query parameters, in order. */
  query: [string, string][];
  headers: IncomingHttpHeaders;
  headersDistinct: Record<string, string[]>;
}

export const firstQueryValue = (query: [string, string][], name: string): string | undefined =>
  query.find(([n]) => n === name)?.[1];

export const malformedHeader = (message: string): S3Error =>
  new S3Error(
    400,
    'AuthorizationHeaderMalformed',
    `The authorization header is malformed; ${message}`,
  );
export const malformedQuery = (message: string): S3Error =>
  new S3Error(400, 'AuthorizationQueryParametersError', message);

/** The signature fields a request presents, from the header or a presigned URL alike. */
export interface Presented {
  credential: string;
  signedHeaders: string[];
  signature: string;
  longDate: string;
  presigned: boolean;
  expiresSeconds?: number;
}

export function presentedByHeader(req: SignedRequest, authorization: string): Presented {
  if (/^AWS\s/.test(authorization)) {
    throw invalidRequest(
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    );
  }
  const prefix = `${ALGORITHM_IDENTIFIER} `;
  if (!authorization.startsWith(prefix)) {
    throw malformedHeader(`the algorithm must be ${ALGORITHM_IDENTIFIER}`);
  }
  const fields = new Map<string, string>();
  for (const part of authorization.slice(prefix.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw malformedHeader('it needs Credential, SignedHeaders and Signature');
  }
  const amzDate = headerValue(req.headers, 'x-amz-date');
  const dateHeader = headerValue(req.headers, 'date');
  let longDate: string;
  if (amzDate !== undefined) longDate = amzDate;
  else if (dateHeader !== undefined && !Number.isNaN(Date.parse(dateHeader))) {
    longDate = new Date(Date.parse(dateHeader)).toISOString().replace(/[-:]|\.\d{3}/g, '');
  } else {
    throw accessDenied('AWS authentication requires a valid Date or x-amz-date header');
  }
  return {
    credential,
    signedHeaders: signedHeaders.split(';'),
    signature,
    longDate,
    presigned: false,
  };
}

export function presentedByQuery(req: SignedRequest): Presented {
  const algorithm = firstQueryValue(req.query, 'X-Amz-Algorithm');
  if (algorithm !== ALGORITHM_IDENTIFIER) {
    throw malformedQuery(`X-Amz-Algorithm only supports "${ALGORITHM_IDENTIFIER}"`);
  }
  const credential = firstQueryValue(req.query, 'X-Amz-Credential');
  const longDate = firstQueryValue(req.query, 'X-Amz-Date');
  const expires = firstQueryValue(req.query, 'X-Amz-Expires');
  const signedHeaders = firstQueryValue(req.query, 'X-Amz-SignedHeaders');
  const signature = firstQueryValue(req.query, 'X-Amz-Signature');
  if (!credential || !longDate || !expires || !signedHeaders || !signature) {
    throw malformedQuery(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  const expiresSeconds = Number(expires);
  if (!/^\d+$/.test(expires) || expiresSeconds > MAX_PRESIGNED_SECONDS) {
    throw malformedQuery(
      `X-Amz-Expires must be a whole number of seconds from 0 to ${MAX_PRESIGNED_SECONDS} (one week)`,
    );
  }
  return {
    credential,
    signedHeaders: signedHeaders.split(';'),
    signature,
    longDate,
    presigned: true,
    expiresSeconds,
  };
}
