// The few S3-compatible calls the key check makes (HEAD bucket, PUT and DELETE of one object
// version), path-style and signed with SigV4, through the same callWithRetry as the native calls
// (no re-authorization: every request is signed with the secret itself, there is no token).
// B2 only ever sees the signature: the secret never leaves this process.
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { B2CallError } from './b2-call-error';
import { isTransient, toAppError, type B2Failure } from './b2-errors';
import type { S3Connection } from './b2-types';
import { callWithRetry, FailedAttempt, type CallContext, type CallResult } from './call-with-retry';
import type { S3Answer, S3Fetch } from './s3-transport';

export interface S3ClientOptions extends CallContext {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  timeoutMs: number;
  userAgent: string;
  fetch: S3Fetch;
}

interface S3Request {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer;
}

/** What a request that got no answer means (sign, send or the body read threw). */
function networkFailure(error: unknown): B2Failure {
  const e = error as { name?: string; cause?: { code?: string } };
  const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
  return {
    kind: 'network',
    timedOut,
    detail: timedOut ? 'timeout' : (e.cause?.code ?? 'no answer'),
  };
}

/** S3 answers in XML; its Code is all we read (its Message is never shown: our words are). */
function s3CodeOf(text: string): string | undefined {
  return /<Code>([^<]{0,300})<\/Code>/.exec(text)?.[1]?.trim() || undefined;
}

/** Plain words for the S3 refusals a new key can meet; the S3 code is kept for the log. */
function s3Refusal(status: number, code: string | undefined, region: string): string {
  switch (code) {
    case 'InvalidAccessKeyId':
      return 'The S3-compatible API does not know this key ID. A new key can take a moment to reach it; check again in a minute.';
    case 'SignatureDoesNotMatch':
      return 'The S3-compatible API did not accept the key’s secret.';
    case 'AuthorizationHeaderMalformed':
    case 'AuthorizationQueryParametersError':
      return `The S3-compatible API did not accept the request as signed for the region “${region}”. Check the S3 endpoint and region.`;
    case 'RequestTimeTooSkewed':
      return 'This server’s clock is more than 15 minutes off, so the S3-compatible API refused the request.';
    case 'NoSuchBucket':
      return 'The S3-compatible API does not see the bucket.';
    case 'AccessDenied':
      return 'The S3-compatible API refused this key access to the bucket.';
  }
  // A HEAD answer has no body, so no code: read the status.
  switch (status) {
    case 400:
      return `The S3-compatible API did not accept the request as signed for the region “${region}”. Check the S3 endpoint and region.`;
    case 403:
      return 'The S3-compatible API refused this key access to the bucket (or did not accept its secret).';
    case 404:
      return 'The S3-compatible API does not see the bucket.';
  }
  return 'The S3-compatible API refused the request.';
}

export class S3Client implements S3Connection {
  private readonly signer: SignatureV4;
  private readonly base: URL;
  /** The endpoint's origin and path, without a trailing slash: a request's URL is this + path. */
  private readonly origin: string;
  private readonly prefix: string;

  constructor(private readonly options: S3ClientOptions) {
    this.base = new URL(options.endpoint);
    this.origin = this.base.origin;
    this.prefix = this.base.pathname.replace(/\/+$/, '');
    this.signer = new SignatureV4({
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      region: options.region,
      service: 's3',
      sha256: Hash.bind(null, 'sha256'),
      // S3 takes the path as sent: encode each segment once, and sign exactly that.
      uriEscapePath: false,
    });
  }

  private path(bucket: string, key?: string): string {
    const object = key === undefined ? '' : `/${key.split('/').map(encodeURIComponent).join('/')}`;
    return `${this.prefix}/${encodeURIComponent(bucket)}${object}`;
  }

  /** One S3 call through the retry pipeline; every S3 call here is safe to repeat. */
  private send(
    call: string,
    request: S3Request,
    doneAlready?: (failure: B2Failure) => boolean,
  ): Promise<CallResult<S3Answer>> {
    return callWithRetry(
      {
        name: call,
        send: () => this.attempt(request),
        idempotent: true,
        doneAlready,
        describe: networkFailure,
        mapError: (failure, earlierMayHaveWorked) =>
          this.error(failure, call, earlierMayHaveWorked),
      },
      this.options,
    );
  }

  /** One signed request; an answer other than 2xx is a FailedAttempt with S3's Code. */
  private async attempt(request: S3Request): Promise<S3Answer> {
    const signed = await this.signer.sign(
      // SigV4 signs the Host header (port included), not the request's own host fields.
      new HttpRequest({
        method: request.method,
        protocol: this.base.protocol,
        hostname: this.base.hostname,
        path: request.path,
        query: request.query ?? {},
        headers: { host: this.base.host, ...request.headers },
        body: request.body,
      }),
    );
    // SigV4 signs the query in its own canonical form; only a version id travels here, which
    // needs no escaping either way.
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    const url = `${this.origin}${request.path}${query}`;
    // The Host header goes out from the same URL that was signed.
    const { host: _host, ...headers } = signed.headers;
    const response = await this.options.fetch(url, {
      method: request.method,
      headers: { ...headers, 'User-Agent': this.options.userAgent },
      ...(request.body && { body: request.body }),
      redirect: 'manual',
      timeoutMs: this.options.timeoutMs,
    });
    // A HEAD answer's body is empty: S3 names no code there.
    const text = await response.text();
    if (response.ok) return response;
    throw new FailedAttempt({
      kind: 'http',
      status: response.status,
      code: s3CodeOf(text),
      b2Message: undefined,
      retryAfter: response.headers.get('retry-after') ?? undefined,
    });
  }

  private error(failure: B2Failure, call: string, earlierMayHaveWorked: boolean): B2CallError {
    if (failure.kind === 'http' && !isTransient(failure)) {
      return new B2CallError(
        502,
        's3_refused',
        s3Refusal(failure.status, failure.code, this.options.region),
        {
          retryable: false,
          outcomeUnknown: earlierMayHaveWorked,
          logDetail: `${call}: HTTP ${failure.status} ${failure.code ?? '-'}`,
        },
      );
    }
    // S3 says "SlowDown" where the native API says 429 or 503: the same plain words.
    return toAppError(failure, call, { earlierAttemptMayHaveWorked: earlierMayHaveWorked });
  }

  async headBucket(bucket: string): Promise<void> {
    await this.send('s3_head_bucket', { method: 'HEAD', path: this.path(bucket) });
  }

  async putObject(input: {
    bucket: string;
    key: string;
    body: Buffer;
    contentType: string;
  }): Promise<{ versionId: string | null; strayCopiesPossible: boolean }> {
    // Putting the same name again makes another version, never another file's: safe to repeat.
    // A copy a lost answer left is found by name and removed by the check.
    const { value, earlierMayHaveWorked } = await this.send('s3_put_object', {
      method: 'PUT',
      path: this.path(input.bucket, input.key),
      headers: { 'content-type': input.contentType },
      body: input.body,
    });
    return {
      versionId: value?.headers.get('x-amz-version-id') ?? null,
      strayCopiesPossible: earlierMayHaveWorked,
    };
  }

  async deleteObjectVersion(input: {
    bucket: string;
    key: string;
    versionId: string;
  }): Promise<void> {
    await this.send(
      's3_delete_object',
      {
        method: 'DELETE',
        path: this.path(input.bucket, input.key),
        query: { versionId: input.versionId },
      },
      (f) => f.kind === 'http' && f.status === 404,
    );
  }
}
