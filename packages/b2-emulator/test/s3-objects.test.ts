import { createHash } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { describe, expect, it } from 'vitest';
import { authorize, makeBucket, makeKey, upload, useEmulator, type Session } from './helpers';
import {
  md5,
  READ_WRITE,
  s3,
  s3Path,
  send,
  signerFor,
  xmlAll,
  xmlText,
  type Creds,
} from './s3-helpers';

const BUCKET = 's3-objects-bucket';

const CRLF = Buffer.from('\r\n');

/**
 * aws-chunked chunks (the last one empty), each signed on the signature before it, starting from
 * the seed in the signed request's Authorization header. Answers each chunk with its
 * `<size>;chunk-signature=<sig>\r\n` header, and the last signature.
 */
async function signChunks(
  signer: ReturnType<typeof signerFor>,
  signingDate: Date,
  signed: { headers: Record<string, string> },
  chunks: Buffer[],
): Promise<{ frames: { header: Buffer; chunk: Buffer }[]; last: string }> {
  let prior = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))![1]!;
  const frames: { header: Buffer; chunk: Buffer }[] = [];
  for (const chunk of chunks) {
    const signature = await signer.sign(
      { headers: new Uint8Array(0), payload: chunk },
      { signingDate, priorSignature: prior },
    );
    frames.push({
      header: Buffer.from(`${chunk.length.toString(16)};chunk-signature=${signature}\r\n`),
      chunk,
    });
    prior = signature;
  }
  return { frames, last: prior };
}

interface Setup {
  s: Session;
  bucketId: string;
  creds: Creds;
}

async function keyFor(
  s: Session,
  capabilities: string[],
  extra: Record<string, unknown> = {},
): Promise<Creds> {
  const key = await makeKey(s, { capabilities, ...extra });
  return { accessKeyId: key.applicationKeyId, secretAccessKey: key.applicationKey };
}

describe('S3 objects', () => {
  const emu = useEmulator();

  async function setup(
    capabilities = READ_WRITE,
    extra: Record<string, unknown> = {},
  ): Promise<Setup> {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, BUCKET);
    return { s, bucketId, creds: await keyFor(s, capabilities, { bucketId, ...extra }) };
  }

  it('when an object is put, then it can be read, headed and listed, with an MD5 ETag', async () => {
    const { creds } = await setup();
    const put = await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'docs/a b+c.txt'), {
      body: 'hello world',
      headers: {
        'content-type': 'text/plain',
        'x-amz-meta-color': 'blue',
        'cache-control': 'max-age=60',
      },
    });
    expect(put.status).toBe(200);
    expect(put.headers.etag).toBe(`"${md5('hello world')}"`);
    const get = await s3(emu(), creds, 'GET', s3Path(BUCKET, 'docs/a b+c.txt'));
    expect(get.status).toBe(200);
    expect(get.text).toBe('hello world');
    expect(get.headers).toMatchObject({
      'content-type': 'text/plain',
      'x-amz-meta-color': 'blue',
      'cache-control': 'max-age=60',
      etag: put.headers.etag,
    });
    const head = await s3(emu(), creds, 'HEAD', s3Path(BUCKET, 'docs/a b+c.txt'));
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('11');
    expect(head.body.length).toBe(0);
    const range = await s3(emu(), creds, 'GET', s3Path(BUCKET, 'docs/a b+c.txt'), {
      headers: { range: 'bytes=6-' },
    });
    expect(range.status).toBe(206);
    expect(range.text).toBe('world');
    expect(range.headers['content-range']).toBe('bytes 6-10/11');
  });

  it('when S3 writes, then the native API sees the file; when the native API writes, then S3 reads it', async () => {
    const { s, bucketId, creds } = await setup();
    await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'from-s3.txt'), { body: 's3 data' });
    const names = await s.call<{ files: { fileName: string; contentSha1: string }[] }>(
      'b2_list_file_names',
      { bucketId },
    );
    expect(names.body.files.map((f) => f.fileName)).toEqual(['from-s3.txt']);
    expect(
      emu()
        .state()
        .files.map((f) => f.fileName),
    ).toEqual(['from-s3.txt']);
    await upload(s, bucketId, 'from-native.txt', 'native data', { 'X-Bz-Info-color': 'red' });
    const get = await s3(emu(), creds, 'GET', s3Path(BUCKET, 'from-native.txt'));
    expect(get.text).toBe('native data');
    expect(get.headers['x-amz-meta-color']).toBe('red');
    expect(get.headers.etag).toBe(`"${md5('native data')}"`);
  });

  it('when an object is deleted without a version, then it is hidden as B2 does; with a version it is removed', async () => {
    const { s, bucketId, creds } = await setup();
    const put = await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'gone.txt'), { body: 'bye' });
    const del = await s3(emu(), creds, 'DELETE', s3Path(BUCKET, 'gone.txt'));
    expect(del.status).toBe(204);
    expect(del.headers['x-amz-delete-marker']).toBe('true');
    const versions = await s.call<{ files: { action: string }[] }>('b2_list_file_versions', {
      bucketId,
    });
    expect(versions.body.files.map((f) => f.action)).toEqual(['hide', 'upload']);
    const get = await s3(emu(), creds, 'GET', s3Path(BUCKET, 'gone.txt'));
    expect(get.status).toBe(404);
    expect(xmlText(get.text, 'Code')).toBe('NoSuchKey');
    const versionId = String(put.headers['x-amz-version-id']);
    const byVersion = await s3(emu(), creds, 'GET', s3Path(BUCKET, 'gone.txt'), {
      query: { versionId },
    });
    expect(byVersion.text).toBe('bye');
    expect(
      (await s3(emu(), creds, 'DELETE', s3Path(BUCKET, 'gone.txt'), { query: { versionId } }))
        .status,
    ).toBe(204);
    expect(
      emu()
        .state()
        .files.map((f) => f.action),
    ).toEqual(['hide']);
    // Deleting what is not there is not an error in S3.
    expect((await s3(emu(), creds, 'DELETE', s3Path(BUCKET, 'never.txt'))).status).toBe(204);
  });

  it('when a key lacks a capability, then the call is 403 AccessDenied naming it', async () => {
    const { s, bucketId } = await setup();
    const cases: [string[], string, string, Record<string, string>][] = [
      [['readFiles', 'writeFiles'], 'GET', s3Path(BUCKET), {}],
      [['listFiles', 'writeFiles'], 'GET', s3Path(BUCKET, 'a.txt'), {}],
      [['listFiles', 'readFiles'], 'PUT', s3Path(BUCKET, 'a.txt'), {}],
      [['listFiles', 'readFiles'], 'DELETE', s3Path(BUCKET, 'a.txt'), {}],
      [['listFiles', 'writeFiles'], 'DELETE', s3Path(BUCKET, 'a.txt'), { versionId: 'x' }],
      [['listFiles'], 'HEAD', s3Path(BUCKET), {}],
    ];
    const needs = [
      'listFiles',
      'readFiles',
      'writeFiles',
      'writeFiles',
      'deleteFiles',
      'listBuckets',
    ];
    for (const [i, [caps, method, path, query]] of cases.entries()) {
      const creds = await keyFor(s, caps, { bucketId });
      const res = await s3(emu(), creds, method, path, {
        query,
        body: method === 'PUT' ? 'x' : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(403);
      if (method !== 'HEAD') {
        expect(xmlText(res.text, 'Code')).toBe('AccessDenied');
        expect(xmlText(res.text, 'Message')).toContain(needs[i]);
      }
    }
  });

  it('when a bucket-restricted key lists buckets, then it needs listAllBucketNames and then sees every bucket name', async () => {
    const { s, bucketId, creds } = await setup();
    await makeBucket(s, 'another-bucket-here');
    const list = await s3(emu(), creds, 'GET', '/');
    expect(list.status).toBe(200);
    expect(xmlAll(list.text, 'Name')).toEqual(['another-bucket-here', BUCKET]);
    const narrow = await keyFor(
      s,
      READ_WRITE.filter((c) => c !== 'listAllBucketNames'),
      { bucketId },
    );
    const refused = await s3(emu(), narrow, 'GET', '/');
    expect(refused.status).toBe(403);
    expect(xmlText(refused.text, 'Message')).toContain('listAllBucketNames');
    const unrestricted = await keyFor(s, ['listBuckets']);
    expect(xmlAll((await s3(emu(), unrestricted, 'GET', '/')).text, 'Name')).toHaveLength(2);
  });

  it('when a bucket-restricted key names another bucket, then AccessDenied; an unknown bucket for an unrestricted key is NoSuchBucket', async () => {
    const { s, creds } = await setup();
    await makeBucket(s, 'another-bucket-here');
    const other = await s3(emu(), creds, 'GET', s3Path('another-bucket-here'));
    expect(other.status).toBe(403);
    const unrestricted = await keyFor(
      s,
      READ_WRITE.filter((c) => c !== 'listAllBucketNames'),
    );
    const missing = await s3(emu(), unrestricted, 'GET', s3Path('no-such-bucket-1'));
    expect(missing.status).toBe(404);
    expect(xmlText(missing.text, 'Code')).toBe('NoSuchBucket');
    // Another customer's bucket.
    expect((await s3(emu(), unrestricted, 'GET', s3Path('taken-bucket-name'))).status).toBe(403);
  });

  it('when a key has a name prefix, then writes and listings outside it are refused', async () => {
    const { creds } = await setup(READ_WRITE, { namePrefix: 'app/' });
    expect(
      (await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'app/x.txt'), { body: 'ok' })).status,
    ).toBe(200);
    expect(
      (await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'other/x.txt'), { body: 'no' })).status,
    ).toBe(403);
    expect(
      (await s3(emu(), creds, 'GET', s3Path(BUCKET), { query: { 'list-type': '2' } })).status,
    ).toBe(403);
    const inside = await s3(emu(), creds, 'GET', s3Path(BUCKET), {
      query: { 'list-type': '2', prefix: 'app/' },
    });
    expect(xmlAll(inside.text, 'Key')).toEqual(['app/x.txt']);
  });

  it('when objects are listed with V1 and V2, then prefixes, delimiters, paging and URL encoding work', async () => {
    const { creds } = await setup();
    for (const name of ['a.txt', 'dir/one.txt', 'dir/two.txt', 'dir/sub/three.txt', 'z z.txt']) {
      await s3(emu(), creds, 'PUT', s3Path(BUCKET, name), { body: name });
    }
    const top = await s3(emu(), creds, 'GET', s3Path(BUCKET), { query: { delimiter: '/' } });
    expect(xmlAll(top.text, 'Key')).toEqual(['a.txt', 'z z.txt']);
    expect(xmlAll(top.text, 'Prefix').slice(1)).toEqual(['dir/']);
    const page1 = await s3(emu(), creds, 'GET', s3Path(BUCKET), {
      query: { 'list-type': '2', prefix: 'dir/', 'max-keys': '2' },
    });
    expect(xmlAll(page1.text, 'Key')).toEqual(['dir/one.txt', 'dir/sub/three.txt']);
    expect(xmlText(page1.text, 'IsTruncated')).toBe('true');
    expect(xmlText(page1.text, 'KeyCount')).toBe('2');
    const token = xmlText(page1.text, 'NextContinuationToken')!;
    const page2 = await s3(emu(), creds, 'GET', s3Path(BUCKET), {
      query: { 'list-type': '2', prefix: 'dir/', 'max-keys': '2', 'continuation-token': token },
    });
    expect(xmlAll(page2.text, 'Key')).toEqual(['dir/two.txt']);
    expect(xmlText(page2.text, 'IsTruncated')).toBe('false');
    const v1 = await s3(emu(), creds, 'GET', s3Path(BUCKET), {
      query: { marker: 'dir/two.txt', 'encoding-type': 'url' },
    });
    expect(xmlAll(v1.text, 'Key')).toEqual(['z%20z.txt']);
  });

  it('when a multipart upload is completed, then the object is the parts joined, with an md5-of-md5s ETag', async () => {
    const { creds } = await setup();
    const path = s3Path(BUCKET, 'big.bin');
    const create = await s3(emu(), creds, 'POST', path, {
      query: { uploads: '' },
      headers: { 'content-type': 'application/x-test' },
    });
    expect(create.status).toBe(200);
    const uploadId = xmlText(create.text, 'UploadId')!;
    const part1 = Buffer.alloc(5_000_000, 1);
    const part2 = Buffer.from('tail');
    const p1 = await s3(emu(), creds, 'PUT', path, {
      query: { partNumber: '1', uploadId },
      body: part1,
    });
    const p2 = await s3(emu(), creds, 'PUT', path, {
      query: { partNumber: '2', uploadId },
      body: part2,
    });
    expect(p1.headers.etag).toBe(`"${md5(part1)}"`);
    const parts = await s3(emu(), creds, 'GET', path, { query: { uploadId } });
    expect(xmlAll(parts.text, 'PartNumber')).toEqual(['1', '2']);
    const bad = await s3(emu(), creds, 'POST', path, {
      query: { uploadId },
      body: `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"${'0'.repeat(32)}"</ETag></Part></CompleteMultipartUpload>`,
    });
    expect(xmlText(bad.text, 'Code')).toBe('InvalidPart');
    const complete = await s3(emu(), creds, 'POST', path, {
      query: { uploadId },
      body: `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Part><PartNumber>1</PartNumber><ETag>${p1.headers.etag}</ETag></Part><Part><PartNumber>2</PartNumber><ETag>${p2.headers.etag}</ETag></Part></CompleteMultipartUpload>`,
    });
    expect(complete.status).toBe(200);
    const expected = `"${md5(Buffer.concat([Buffer.from(md5(part1), 'hex'), Buffer.from(md5(part2), 'hex')]))}-2"`;
    expect(xmlText(complete.text, 'ETag')).toBe(expected);
    const get = await s3(emu(), creds, 'GET', path);
    expect(get.body.equals(Buffer.concat([part1, part2]))).toBe(true);
    expect(get.headers).toMatchObject({ etag: expected, 'content-type': 'application/x-test' });
    expect((await s3(emu(), creds, 'GET', path, { query: { uploadId } })).status).toBe(404);
  });

  it('when a part but the last is too small, then EntityTooSmall; an aborted upload is gone', async () => {
    const { creds } = await setup();
    const path = s3Path(BUCKET, 'small.bin');
    const uploadId = xmlText(
      (await s3(emu(), creds, 'POST', path, { query: { uploads: '' } })).text,
      'UploadId',
    )!;
    const p1 = await s3(emu(), creds, 'PUT', path, {
      query: { partNumber: '1', uploadId },
      body: 'tiny',
    });
    const p2 = await s3(emu(), creds, 'PUT', path, {
      query: { partNumber: '2', uploadId },
      body: 'tail',
    });
    const body = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${p1.headers.etag}</ETag></Part><Part><PartNumber>2</PartNumber><ETag>${p2.headers.etag}</ETag></Part></CompleteMultipartUpload>`;
    const tooSmall = await s3(emu(), creds, 'POST', path, { query: { uploadId }, body });
    expect(xmlText(tooSmall.text, 'Code')).toBe('EntityTooSmall');
    const uploads = await s3(emu(), creds, 'GET', s3Path(BUCKET), { query: { uploads: '' } });
    expect(xmlAll(uploads.text, 'UploadId')).toEqual([uploadId]);
    expect((await s3(emu(), creds, 'DELETE', path, { query: { uploadId } })).status).toBe(204);
    expect(
      xmlText((await s3(emu(), creds, 'POST', path, { query: { uploadId }, body })).text, 'Code'),
    ).toBe('NoSuchUpload');
  });

  it('when DeleteObjects is sent, then each entry is hidden or refused on its own', async () => {
    const { s, bucketId, creds } = await setup();
    const noDelete = await keyFor(s, ['listFiles', 'readFiles', 'writeFiles'], { bucketId });
    await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'one.txt'), { body: '1' });
    const two = await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'two & more.txt'), { body: '2' });
    const body = `<?xml version="1.0" encoding="UTF-8"?><Delete><Object><Key>one.txt</Key></Object><Object><Key>two &amp; more.txt</Key><VersionId>${String(two.headers['x-amz-version-id'])}</VersionId></Object></Delete>`;
    const res = await s3(emu(), noDelete, 'POST', s3Path(BUCKET), {
      query: { delete: '' },
      body,
      headers: { 'content-md5': Buffer.from(md5(body), 'hex').toString('base64') },
    });
    expect(res.status).toBe(200);
    expect(xmlAll(res.text, 'Deleted').map((d) => xmlText(d, 'Key'))).toEqual(['one.txt']);
    const errors = xmlAll(res.text, 'Error');
    expect(errors.map((e) => [xmlText(e, 'Key'), xmlText(e, 'Code')])).toEqual([
      ['two &amp; more.txt', 'AccessDenied'],
    ]);
  });

  it('when an object is copied, then the copy has the same data and metadata', async () => {
    const { creds } = await setup();
    await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'src.txt'), {
      body: 'copy me',
      headers: { 'x-amz-meta-tag': 't1' },
    });
    const copy = await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'dst.txt'), {
      headers: { 'x-amz-copy-source': `/${BUCKET}/src.txt` },
    });
    expect(copy.status).toBe(200);
    expect(xmlText(copy.text, 'ETag')).toBe(`"${md5('copy me')}"`);
    const get = await s3(emu(), creds, 'GET', s3Path(BUCKET, 'dst.txt'));
    expect(get.text).toBe('copy me');
    expect(get.headers['x-amz-meta-tag']).toBe('t1');
  });

  it('when a bucket is headed or located, then the answer carries the region', async () => {
    const { creds } = await setup();
    const head = await s3(emu(), creds, 'HEAD', s3Path(BUCKET));
    expect(head.status).toBe(200);
    expect(head.headers['x-amz-bucket-region']).toBe('us-west-004');
    const location = await s3(emu(), creds, 'GET', s3Path(BUCKET), { query: { location: '' } });
    expect(location.text).toContain('>us-west-004</LocationConstraint>');
    expect((await s3(emu(), creds, 'HEAD', s3Path('no-such-bucket-1'))).status).toBe(403);
  });

  it('when CreateBucket is called, then a restricted key is refused and an unrestricted writeBuckets key creates it', async () => {
    const { s, creds } = await setup();
    expect(xmlText((await s3(emu(), creds, 'PUT', s3Path('made-over-s3'))).text, 'Code')).toBe(
      'AccessDenied',
    );
    const admin = await keyFor(s, ['listBuckets', 'writeBuckets', 'deleteBuckets']);
    expect((await s3(emu(), admin, 'PUT', s3Path('made-over-s3'))).status).toBe(200);
    expect(
      emu()
        .state()
        .buckets.some((b) => b.bucketName === 'made-over-s3' && b.bucketType === 'allPrivate'),
    ).toBe(true);
    expect(xmlText((await s3(emu(), admin, 'PUT', s3Path('made-over-s3'))).text, 'Code')).toBe(
      'BucketAlreadyOwnedByYou',
    );
    expect(xmlText((await s3(emu(), admin, 'PUT', s3Path('taken-bucket-name'))).text, 'Code')).toBe(
      'BucketAlreadyExists',
    );
    expect(xmlText((await s3(emu(), admin, 'PUT', s3Path('b2-reserved'))).text, 'Code')).toBe(
      'InvalidBucketName',
    );
    expect((await s3(emu(), admin, 'DELETE', s3Path('made-over-s3'))).status).toBe(204);
  });

  it('when a public bucket is read without a signature, then GetObject works but listing does not', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'public-s3-bucket', { bucketType: 'allPublic' });
    await upload(s, bucketId, 'open.txt', 'for everyone');
    expect((await send(emu(), 'GET', '/public-s3-bucket/open.txt', {})).text).toBe('for everyone');
    expect((await send(emu(), 'GET', '/public-s3-bucket', {})).status).toBe(403);
  });

  it('when a fault or latency is set for an S3 call, then the S3 call gets it, counted under its s3_ name', async () => {
    const { creds } = await setup();
    emu().addFault({ call: 's3_put_object', status: 503, times: 1, retryAfter: 1 });
    const faulted = await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'f.txt'), { body: 'x' });
    expect(faulted.status).toBe(503);
    expect(xmlText(faulted.text, 'Code')).toBe('ServiceUnavailable');
    expect(faulted.headers['retry-after']).toBe('1');
    expect((await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'f.txt'), { body: 'x' })).status).toBe(
      200,
    );
    emu().addFault({ call: 's3_get_object', status: 429, code: 'SlowDown', times: 1 });
    expect(xmlText((await s3(emu(), creds, 'GET', s3Path(BUCKET, 'f.txt'))).text, 'Code')).toBe(
      'SlowDown',
    );
    expect(emu().callCounts()).toMatchObject({ s3_put_object: 2, s3_get_object: 1 });
    emu().setLatency(120);
    const started = Date.now();
    await s3(emu(), creds, 'HEAD', s3Path(BUCKET, 'f.txt'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('when a signed aws-chunked upload is sent, then every chunk is checked and the decoded data stored', async () => {
    const { creds } = await setup();
    const data = [Buffer.alloc(70_000, 'q'), Buffer.from('end')];
    const signingDate = new Date();
    const sigLine = (size: number) => `${size.toString(16)};chunk-signature=${'0'.repeat(64)}\r\n`;
    const encodedLength =
      data.reduce((n, d) => n + sigLine(d.length).length + d.length + 2, 0) + sigLine(0).length + 2;
    const signer = signerFor(emu(), creds);
    const path = s3Path(BUCKET, 'chunked.bin');
    const headers = {
      host: `127.0.0.1:${emu().port}`,
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(70_003),
      'content-length': String(encodedLength),
    };
    const signed = await signer.sign(
      new HttpRequest({ method: 'PUT', hostname: '127.0.0.1', path, headers }),
      { signingDate },
    );
    const { frames } = await signChunks(signer, signingDate, signed, [...data, Buffer.alloc(0)]);
    const body = Buffer.concat(frames.flatMap((f) => [f.header, f.chunk, CRLF]));
    expect(body.length).toBe(encodedLength);
    const ok = await send(emu(), 'PUT', path, signed.headers, body);
    expect(ok.status).toBe(200);
    expect((await s3(emu(), creds, 'GET', path)).body.equals(Buffer.concat(data))).toBe(true);
    const tampered = Buffer.from(body);
    tampered[1000] = 'x'.charCodeAt(0);
    const refused = await send(emu(), 'PUT', path, signed.headers, tampered);
    expect(refused.status).toBe(403);
    expect(xmlText(refused.text, 'Code')).toBe('SignatureDoesNotMatch');
  });

  it('when a signed aws-chunked upload with a signed trailer is sent, then chunks and trailer are checked', async () => {
    const { creds } = await setup();
    const signingDate = new Date();
    const signer = signerFor(emu(), creds);
    const path = s3Path(BUCKET, 'signed-trailer.txt');
    const signed = await signer.sign(
      new HttpRequest({
        method: 'PUT',
        hostname: '127.0.0.1',
        path,
        headers: {
          host: `127.0.0.1:${emu().port}`,
          'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
          'content-encoding': 'aws-chunked',
          'x-amz-decoded-content-length': '5',
          'x-amz-trailer': 'x-amz-checksum-crc32',
        },
      }),
      { signingDate },
    );
    const { frames, last: prior } = await signChunks(signer, signingDate, signed, [
      Buffer.from('hello'),
      Buffer.alloc(0),
    ]);
    // The empty last chunk runs straight into the trailer.
    const parts = frames.flatMap((f) =>
      f.chunk.length > 0 ? [f.header, f.chunk, CRLF] : [f.header],
    );
    const trailer = 'x-amz-checksum-crc32:NhCmhg==\n';
    const longDate = String(signed.headers['x-amz-date']);
    const stringToSign = [
      'AWS4-HMAC-SHA256-TRAILER',
      longDate,
      `${longDate.slice(0, 8)}/${emu().region}/s3/aws4_request`,
      prior,
      createHash('sha256').update(trailer).digest('hex'),
    ].join('\n');
    const trailerSignature = await signer.sign(stringToSign, { signingDate });
    const body = (sig: string) =>
      Buffer.concat([
        ...parts,
        Buffer.from(`${trailer.trim()}\r\nx-amz-trailer-signature:${sig}\r\n\r\n`),
      ]);
    const ok = await send(
      emu(),
      'PUT',
      path,
      { ...signed.headers, 'content-length': String(body(trailerSignature).length) },
      body(trailerSignature),
    );
    expect(ok.status, ok.text).toBe(200);
    expect((await s3(emu(), creds, 'GET', path)).text).toBe('hello');
    const forged = body('0'.repeat(64));
    const refused = await send(
      emu(),
      'PUT',
      path,
      { ...signed.headers, 'content-length': String(forged.length) },
      forged,
    );
    expect(xmlText(refused.text, 'Code')).toBe('SignatureDoesNotMatch');
  });

  it('when an unsigned aws-chunked upload with a trailer is sent, then it is decoded', async () => {
    const { creds } = await setup();
    const path = s3Path(BUCKET, 'trailer.txt');
    const body = Buffer.from(
      '5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n',
    );
    const res = await s3(emu(), creds, 'PUT', path, {
      payloadHash: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': '11',
        'x-amz-trailer': 'x-amz-checksum-crc32',
      },
      body,
    });
    expect(res.status).toBe(200);
    const get = await s3(emu(), creds, 'GET', path);
    expect(get.text).toBe('hello world');
    expect(get.headers['content-encoding']).toBeUndefined();
  });
});
