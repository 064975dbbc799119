// SigV4 checks against the worked examples in AWS's S3 documentation ("Signature Calculations for the
// Authorization Header" and "Transferring Payload in Multiple Chunks"), so the verifier is proven
// against numbers it did not compute itself.
import { describe, expect, it } from 'vitest';
import { decodePayload } from '../src/s3/payload';
import { verifyRequest, type SignedRequest } from '../src/s3/sigv4';
import { State } from '../src/state';

const AWS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const EXAMPLE_NOW = Date.UTC(2013, 4, 24, 0, 5, 0);

function exampleState(): State {
  const state = new State({
    accountId: 'e2b1d3f4a5c6',
    masterKeyId: 'e2b1d3f4a5c6',
    masterKey: 'K000master',
    cluster: '000',
    secretStyle: 'base64',
  });
  state.keys.set(AWS_KEY_ID, {
    accountId: 'e2b1d3f4a5c6',
    applicationKeyId: AWS_KEY_ID,
    secret: AWS_SECRET,
    keyName: 'aws-example',
    capabilities: ['listFiles', 'readFiles', 'writeFiles'],
    bucketIds: null,
    namePrefix: null,
    expirationTimestamp: null,
    isMaster: false,
    createdWithApiVersion: 2,
  });
  return state;
}

function request(
  method: string,
  rawPath: string,
  headers: Record<string, string>,
  query: [string, string][] = [],
): SignedRequest {
  return {
    method,
    rawPath,
    query,
    headers,
    headersDistinct: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
  };
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The documentation's GET Object example, as signed there, asking for `range`. */
const exampleGetObject = (range: string) =>
  request('GET', '/test.txt', {
    host: 'examplebucket.s3.amazonaws.com',
    range,
    'x-amz-content-sha256': EMPTY_SHA256,
    'x-amz-date': '20130524T000000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  });

describe('SigV4 verification against the AWS documentation examples', () => {
  it('when the documented GET Object example is checked, then its signature is accepted', async () => {
    const req = exampleGetObject('bytes=0-9');
    const creds = await verifyRequest(exampleState(), 'us-east-1', req, EXAMPLE_NOW);
    expect(creds?.key.applicationKeyId).toBe(AWS_KEY_ID);
  });

  it('when one signed header differs from the example, then SignatureDoesNotMatch', async () => {
    // The documented signature, on a request for one more byte.
    const req = exampleGetObject('bytes=0-10');
    await expect(
      verifyRequest(exampleState(), 'us-east-1', req, EXAMPLE_NOW),
    ).rejects.toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
  });

  it('when the documented GET Bucket (list objects) example is checked, then its query is canonicalized the same way', async () => {
    const req = request(
      'GET',
      '/',
      {
        host: 'examplebucket.s3.amazonaws.com',
        'x-amz-content-sha256': EMPTY_SHA256,
        'x-amz-date': '20130524T000000Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
      },
      [
        ['max-keys', '2'],
        ['prefix', 'J'],
      ],
    );
    await expect(
      verifyRequest(exampleState(), 'us-east-1', req, EXAMPLE_NOW),
    ).resolves.not.toBeNull();
  });

  it('when the documented streaming (aws-chunked) PUT example is checked, then the seed and every chunk signature are accepted', async () => {
    const headers = {
      host: 's3.amazonaws.com',
      'x-amz-date': '20130524T000000Z',
      'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': '66560',
      'content-length': '66824',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
    };
    const creds = await verifyRequest(
      exampleState(),
      'us-east-1',
      request('PUT', '/examplebucket/chunkObject.txt', headers),
      EXAMPLE_NOW,
    );
    expect(creds).not.toBeNull();
    const chunk = (data: Buffer, sig: string) =>
      Buffer.concat([
        Buffer.from(`${data.length.toString(16)};chunk-signature=${sig}\r\n`),
        data,
        Buffer.from('\r\n'),
      ]);
    const body = Buffer.concat([
      chunk(
        Buffer.alloc(65536, 'a'),
        'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
      ),
      chunk(
        Buffer.alloc(1024, 'a'),
        '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
      ),
      chunk(Buffer.alloc(0), 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9'),
    ]);
    expect(body.length).toBe(66824);
    const payload = await decodePayload(body, headers, creds);
    expect(payload.data.equals(Buffer.alloc(66560, 'a'))).toBe(true);
    expect(payload.contentEncoding).toBeUndefined();

    const tampered = Buffer.from(body);
    tampered[200] = 'b'.charCodeAt(0);
    await expect(decodePayload(tampered, headers, creds)).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
      status: 403,
    });
  });
});
