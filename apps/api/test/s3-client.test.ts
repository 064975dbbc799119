// The key check's S3 client against a scripted fetch: the address each request goes to, what is
// signed and sent, and the plain words for each refusal S3 documents for a new key (its XML
// error's Code: InvalidAccessKeyId, SignatureDoesNotMatch, AuthorizationHeaderMalformed,
// RequestTimeTooSkewed, NoSuchBucket, AccessDenied; docs/b2-behaviour.md "S3's refusals").
import { describe, expect, it } from 'vitest';
import { B2CallError } from '../src/b2/b2-call-error';
import { DEFAULT_RETRY_POLICY } from '../src/b2/retry-policy';
import { S3Client } from '../src/b2/s3-client';
import type { S3Fetch } from '../src/b2/s3-transport';
import { failureOf } from './helpers';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

type Script = (sent: Sent) => Response | Promise<Response>;

function client(script: Script[] | Script, endpoint = 'https://s3.us-west-004.backblazeb2.com') {
  const sent: Sent[] = [];
  const fetch = (async (input: URL, init: RequestInit) => {
    const entry: Sent = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: Object.fromEntries(Object.entries(init.headers as Record<string, string>)),
      body: init.body ? Buffer.from(init.body as Uint8Array).toString() : null,
    };
    sent.push(entry);
    const step = typeof script === 'function' ? script : script[sent.length - 1];
    if (!step) throw new Error('more requests than the script has');
    return step(entry);
  }) as unknown as S3Fetch;
  const s3 = new S3Client({
    endpoint,
    region: 'us-west-004',
    accessKeyId: '004a1b2c3d4e5f60000000001',
    secretAccessKey: 'K004secretsecretsecretsecretsecr',
    timeoutMs: 1000,
    userAgent: 'b2-setup-wizard/test',
    fetch,
    policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, sleep: async () => undefined },
  });
  return { s3, sent };
}

const s3Error = (status: number, code: string, message = 'refused') =>
  new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message}</Message>\n</Error>`,
    { status, headers: { 'content-type': 'application/xml' } },
  );
const ok = (headers: Record<string, string> = {}) => new Response('', { status: 200, headers });
const put = () => ({
  bucket: 'acme-backups',
  key: 'dir/check me.txt',
  body: Buffer.from('marker\n'),
  contentType: 'text/plain',
});

describe('the S3 requests', () => {
  it('sends path-style requests to the endpoint, signed, with our User-Agent and no Host of its own', async () => {
    const { s3, sent } = client([() => ok(), () => ok({ 'x-amz-version-id': 'v-1' }), () => ok()]);
    await s3.headBucket('acme-backups');
    const made = await s3.putObject(put());
    await s3.deleteObjectVersion({
      bucket: 'acme-backups',
      key: 'dir/check me.txt',
      versionId: 'v-1',
    });

    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'HEAD https://s3.us-west-004.backblazeb2.com/acme-backups',
      'PUT https://s3.us-west-004.backblazeb2.com/acme-backups/dir/check%20me.txt',
      'DELETE https://s3.us-west-004.backblazeb2.com/acme-backups/dir/check%20me.txt?versionId=v-1',
    ]);
    expect(made).toEqual({ versionId: 'v-1', strayCopiesPossible: false });
    for (const s of sent) {
      expect(s.headers['User-Agent']).toBe('b2-setup-wizard/test');
      expect(s.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=004a1b2c3d4e5f60000000001\/\d{8}\/us-west-004\/s3\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/,
      );
      expect(s.headers).not.toHaveProperty('host');
      expect(JSON.stringify(s.headers)).not.toContain('K004secret');
    }
    expect(sent[1]!.headers['content-type']).toBe('text/plain');
    expect(sent[1]!.body).toBe('marker\n');
  });

  it('keeps a path and a port in the endpoint, with or without a trailing slash', async () => {
    for (const endpoint of ['http://127.0.0.1:9000/s3', 'http://127.0.0.1:9000/s3///']) {
      const { s3, sent } = client([() => ok()], endpoint);
      await s3.headBucket('acme-backups');
      expect(sent[0]!.url).toBe('http://127.0.0.1:9000/s3/acme-backups');
    }
    const { s3, sent } = client([() => ok()], 'https://s3.us-west-004.backblazeb2.com/');
    await s3.headBucket('acme-backups');
    expect(sent[0]!.url).toBe('https://s3.us-west-004.backblazeb2.com/acme-backups');
  });

  it('when the PUT answers no version id, then none is made up', async () => {
    const { s3 } = client([() => ok()]);
    expect(await s3.putObject(put())).toEqual({ versionId: null, strayCopiesPossible: false });
  });

  it('when a DELETE answer is lost and the repeat finds the version gone (404), then it is done; a first 404 is a refusal', async () => {
    const lostThenGone = client([
      () => {
        throw new TypeError('fetch failed');
      },
      () => s3Error(404, 'NoSuchVersion'),
    ]);
    const version = { bucket: 'acme-backups', key: 'm.txt', versionId: 'v-1' };
    await lostThenGone.s3.deleteObjectVersion(version);
    expect(lostThenGone.sent).toHaveLength(2);
    const lostThenRefused = client([
      () => {
        throw new TypeError('fetch failed');
      },
      () => s3Error(403, 'AccessDenied'),
    ]);
    expect(await failureOf(lostThenRefused.s3.deleteObjectVersion(version))).toMatchObject({
      code: 's3_refused',
      logDetail: 's3_delete_object: HTTP 403 AccessDenied',
    });
    const gone = client([() => s3Error(404, 'NoSuchVersion')]);
    expect(await failureOf(gone.s3.deleteObjectVersion(version))).toMatchObject({
      code: 's3_refused',
      logDetail: 's3_delete_object: HTTP 404 NoSuchVersion',
    });
  });

  it('when a PUT answer is lost and the repeat works, then a stray copy is possible', async () => {
    const { s3, sent } = client([
      () => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      },
      () => ok({ 'x-amz-version-id': 'v-2' }),
    ]);
    expect(await s3.putObject(put())).toEqual({ versionId: 'v-2', strayCopiesPossible: true });
    expect(sent).toHaveLength(2);
  });
});

describe('an S3 refusal in plain words', () => {
  const region = 'us-west-004';
  const cases: [number, string, string][] = [
    [
      403,
      'InvalidAccessKeyId',
      'The S3-compatible API does not know this key ID. A new key can take a moment to reach it; check again in a minute.',
    ],
    [403, 'SignatureDoesNotMatch', 'The S3-compatible API did not accept the key’s secret.'],
    [
      400,
      'AuthorizationHeaderMalformed',
      `The S3-compatible API did not accept the request as signed for the region “${region}”. Check the S3 endpoint and region.`,
    ],
    [
      400,
      'AuthorizationQueryParametersError',
      `The S3-compatible API did not accept the request as signed for the region “${region}”. Check the S3 endpoint and region.`,
    ],
    [
      403,
      'RequestTimeTooSkewed',
      'This server’s clock is more than 15 minutes off, so the S3-compatible API refused the request.',
    ],
    [404, 'NoSuchBucket', 'The S3-compatible API does not see the bucket.'],
    [403, 'AccessDenied', 'The S3-compatible API refused this key access to the bucket.'],
    [409, 'BucketNotEmpty', 'The S3-compatible API refused the request.'],
  ];

  it.each(cases)('%i %s', async (status, code, words) => {
    const { s3, sent } = client(() => s3Error(status, code));
    const error = await failureOf(s3.putObject(put()));
    expect(error).toBeInstanceOf(B2CallError);
    expect(error).toMatchObject({
      status: 502,
      code: 's3_refused',
      message: words,
      retryable: false,
      outcomeUnknown: false,
      logDetail: `s3_put_object: HTTP ${status} ${code}`,
    });
    expect(sent).toHaveLength(1); // a refusal is not repeated
  });

  it.each([
    [
      400,
      `The S3-compatible API did not accept the request as signed for the region “${region}”. Check the S3 endpoint and region.`,
    ],
    [
      403,
      'The S3-compatible API refused this key access to the bucket (or did not accept its secret).',
    ],
    [404, 'The S3-compatible API does not see the bucket.'],
    [405, 'The S3-compatible API refused the request.'],
  ])(
    'HEAD %i, which has no body to name the code, is read from its status',
    async (status, words) => {
      const { s3 } = client(() => new Response(null, { status }));
      const error = await failureOf(s3.headBucket('acme-backups'));
      expect(error).toMatchObject({
        code: 's3_refused',
        message: words,
        logDetail: `s3_head_bucket: HTTP ${status} -`,
      });
    },
  );

  it('reads the Code from the XML, trimmed, and none longer than 300 characters', async () => {
    const long = 'y'.repeat(301);
    const { s3 } = client(
      () =>
        new Response(`<Error><Code> AccessDenied </Code><Message>${long}</Message></Error>`, {
          status: 403,
        }),
    );
    expect(await failureOf(s3.headBucket('b'))).toMatchObject({ code: 's3_refused' });
    // HEAD reads no body: the same answer to a PUT names the code.
    const { s3: putter } = client(
      () =>
        new Response(`<Error><Code> AccessDenied </Code><Message>${long}</Message></Error>`, {
          status: 403,
        }),
    );
    expect(await failureOf(putter.putObject(put()))).toMatchObject({
      message: 'The S3-compatible API refused this key access to the bucket.',
      logDetail: 's3_put_object: HTTP 403 AccessDenied',
    });
    const { s3: longCode } = client(
      () => new Response(`<Error><Code>${'Z'.repeat(301)}</Code></Error>`, { status: 403 }),
    );
    expect(await failureOf(longCode.putObject(put()))).toMatchObject({
      logDetail: 's3_put_object: HTTP 403 -',
    });
    const { s3: empty } = client(
      () => new Response('<Error><Code>  </Code></Error>', { status: 403 }),
    );
    expect(await failureOf(empty.putObject(put()))).toMatchObject({
      logDetail: 's3_put_object: HTTP 403 -',
    });
  });

  it('when S3 is busy (503 SlowDown), then it is tried again, and in the end told as B2 being busy', async () => {
    const { s3, sent } = client(() => s3Error(503, 'SlowDown', 'Please reduce your request rate.'));
    const error = await failureOf(s3.headBucket('acme-backups'));
    expect(sent).toHaveLength(2);
    expect(error).toMatchObject({ status: 502, code: 'service_unavailable', retryable: true });
  });

  it('when no answer comes in time, then it is a timeout; when the connection fails, a network error', async () => {
    const timeout = () => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    };
    const { s3: slow } = client(timeout);
    expect(await failureOf(slow.headBucket('b'))).toMatchObject({
      status: 504,
      code: 'timeout',
      logDetail: 's3_head_bucket: timeout',
    });
    const aborted = () => {
      throw new DOMException('This operation was aborted', 'AbortError');
    };
    const { s3: cut } = client(aborted);
    expect(await failureOf(cut.headBucket('b'))).toMatchObject({ code: 'timeout' });
    const refusedConnection = () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    const { s3: down } = client(refusedConnection);
    expect(await failureOf(down.headBucket('b'))).toMatchObject({
      status: 502,
      code: 'network_error',
      logDetail: 's3_head_bucket: ECONNREFUSED',
    });
    const bare = () => {
      throw new TypeError('fetch failed');
    };
    const { s3: silent } = client(bare);
    expect(await failureOf(silent.headBucket('b'))).toMatchObject({
      logDetail: 's3_head_bucket: no answer',
    });
  });

  it('when a refusal follows a lost answer, then the change may have happened', async () => {
    const { s3 } = client([
      () => {
        throw new TypeError('fetch failed');
      },
      () => s3Error(403, 'AccessDenied'),
    ]);
    expect(await failureOf(s3.putObject(put()))).toMatchObject({
      code: 's3_refused',
      outcomeUnknown: true,
    });
  });
});
