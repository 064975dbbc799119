/** An S3-shaped error: `<Error><Code>…</Code><Message>…</Message>…</Error>` with its HTTP status. */
import { randomBytes } from 'node:crypto';
import { defaultCode, retryAfterHeaders, type FaultSpec } from '../faults';
import { xmlDocument, type XmlNode } from './xml';

export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra elements of the error body, e.g. `{Key: 'a.txt'}`. */
    readonly extra: XmlNode = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'S3Error';
  }

  toXml(resource: string, requestId: string): string {
    return xmlDocument(
      'Error',
      {
        Code: this.code,
        Message: this.message,
        ...this.extra,
        Resource: resource,
        RequestId: requestId,
      },
      false,
    );
  }
}

export const newRequestId = (): string => randomBytes(8).toString('hex').toUpperCase();

export const accessDenied = (message = 'Access Denied'): S3Error =>
  new S3Error(403, 'AccessDenied', message);

export const noSuchBucket = (bucketName: string): S3Error =>
  new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', {
    BucketName: bucketName,
  });

export const noSuchKey = (key: string): S3Error =>
  new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });

export const invalidArgument = (message: string): S3Error =>
  new S3Error(400, 'InvalidArgument', message);

export const invalidRequest = (message: string): S3Error =>
  new S3Error(400, 'InvalidRequest', message);

export const malformedXml = (): S3Error =>
  new S3Error(
    400,
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema.',
  );

export const notImplemented = (what: string): S3Error =>
  new S3Error(
    501,
    'NotImplemented',
    `${what} is not implemented by the B2 emulator's S3-compatible API`,
  );

/** S3 codes for the statuses a fault may inject, when the fault did not name a code of its own. */
const S3_FAULT_CODES: Record<number, string> = {
  400: 'InvalidRequest',
  401: 'AccessDenied',
  403: 'AccessDenied',
  404: 'NoSuchKey',
  408: 'RequestTimeout',
  409: 'OperationAborted',
  429: 'SlowDown',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

/** The S3 error for a fault with a status: its own code, else the S3 code for the status. */
export function s3FaultError(fault: FaultSpec, status: number, call: string): S3Error {
  const code =
    fault.code === undefined || fault.code === defaultCode(status)
      ? (S3_FAULT_CODES[status] ?? 'InternalError')
      : fault.code;
  return new S3Error(
    status,
    code,
    fault.message ?? `emulated ${status} for ${call}`,
    {},
    retryAfterHeaders(fault),
  );
}
