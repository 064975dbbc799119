import { describe, expect, it } from 'vitest';
import { authorize, makeBucket, makeKey, useEmulator, type Session } from './helpers';
import { presign, READ_WRITE, s3, s3Path, send, xmlText, type Creds } from './s3-helpers';

async function bucketKey(
  s: Session,
  name: string,
  capabilities = READ_WRITE,
  extra: Record<string, unknown> = {},
): Promise<{ bucketId: string; creds: Creds }> {
  const bucketId = await makeBucket(s, name);
  const key = await makeKey(s, { capabilities, bucketId, ...extra });
  return {
    bucketId,
    creds: { accessKeyId: key.applicationKeyId, secretAccessKey: key.applicationKey },
  };
}

describe('S3 authentication', () => {
  // Every secret holds "/" and "+", which must survive signing.
  const emu = useEmulator({ secretStyle: 'with-special' });

  it('when a request is signed with an application key, then it is accepted', async () => {
    const s = await authorize(emu());
    const { creds } = await bucketKey(s, 's3-auth-bucket');
    expect(creds.secretAccessKey).toMatch(/\//);
    expect(creds.secretAccessKey).toMatch(/\+/);
    const res = await s3(emu(), creds, 'GET', s3Path('s3-auth-bucket'), {
      query: { 'list-type': '2' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml');
    expect(xmlText(res.text, 'Name')).toBe('s3-auth-bucket');
  });

  it('when the signature is wrong, then 403 SignatureDoesNotMatch in S3 XML', async () => {
    const s = await authorize(emu());
    const { creds } = await bucketKey(s, 's3-auth-bucket');
    const res = await s3(
      emu(),
      { ...creds, secretAccessKey: `${creds.secretAccessKey}x` },
      'GET',
      s3Path('s3-auth-bucket'),
    );
    expect(res.status).toBe(403);
    expect(res.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>SignatureDoesNotMatch<\/Code>/,
    );
    expect(xmlText(res.text, 'Resource')).toBe('/s3-auth-bucket');
    expect(xmlText(res.text, 'RequestId')).toBe(res.headers['x-amz-request-id']);
  });

  it('when the request is signed for another region, then 400 AuthorizationHeaderMalformed names the expected one', async () => {
    const s = await authorize(emu());
    const { creds } = await bucketKey(s, 's3-auth-bucket');
    const res = await s3(emu(), creds, 'GET', s3Path('s3-auth-bucket'), { region: 'us-east-1' });
    expect(res.status).toBe(400);
    expect(xmlText(res.text, 'Code')).toBe('AuthorizationHeaderMalformed');
    expect(xmlText(res.text, 'Message')).toContain(
      "the region 'us-east-1' is wrong; expecting 'us-west-004'",
    );
    // No <Region> element: SDKs would otherwise re-sign silently and hide a wrong region.
    expect(res.text).not.toContain('<Region>');
  });

  it('when the master key signs, then 403 InvalidAccessKeyId says the master key cannot be used with S3', async () => {
    const creds = { accessKeyId: emu().masterKeyId, secretAccessKey: emu().masterKey };
    const res = await s3(emu(), creds, 'GET', '/');
    expect(res.status).toBe(403);
    expect(xmlText(res.text, 'Code')).toBe('InvalidAccessKeyId');
    expect(xmlText(res.text, 'Message')).toMatch(
      /master application key cannot be used with the S3-compatible API/,
    );
  });

  it('when the key id is unknown, or the id and secret are swapped, then 403 InvalidAccessKeyId', async () => {
    const s = await authorize(emu());
    const { creds } = await bucketKey(s, 's3-auth-bucket');
    const swapped = await s3(
      emu(),
      { accessKeyId: creds.secretAccessKey, secretAccessKey: creds.accessKeyId },
      'GET',
      s3Path('s3-auth-bucket'),
    );
    expect(swapped.status).toBe(403);
    expect(xmlText(swapped.text, 'Code')).toBe('InvalidAccessKeyId');
    expect(xmlText(swapped.text, 'Message')).toBe(
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  });

  it('when the key was deleted, then its signatures stop working', async () => {
    const s = await authorize(emu());
    const { creds } = await bucketKey(s, 's3-auth-bucket');
    await s.call('b2_delete_key', { applicationKeyId: creds.accessKeyId });
    const res = await s3(emu(), creds, 'GET', s3Path('s3-auth-bucket'));
    expect(xmlText(res.text, 'Code')).toBe('InvalidAccessKeyId');
  });

  it('when the request date is more than 15 minutes off, then 403 RequestTimeTooSkewed', async () => {
    const s = await authorize(emu());
    const { creds } = await bucketKey(s, 's3-auth-bucket');
    const res = await s3(emu(), creds, 'GET', s3Path('s3-auth-bucket'), {
      signingDate: new Date(Date.now() - 16 * 60 * 1000),
    });
    expect(res.status).toBe(403);
    expect(xmlText(res.text, 'Code')).toBe('RequestTimeTooSkewed');
    const ok = await s3(emu(), creds, 'GET', s3Path('s3-auth-bucket'), {
      signingDate: new Date(Date.now() - 10 * 60 * 1000),
    });
    expect(ok.status).toBe(200);
  });

  it('when there is no signature, then 403 AccessDenied; a SigV2 header is 400 InvalidRequest', async () => {
    const s = await authorize(emu());
    await bucketKey(s, 's3-auth-bucket');
    const anonymous = await send(emu(), 'GET', '/s3-auth-bucket', {});
    expect(anonymous.status).toBe(403);
    expect(xmlText(anonymous.text, 'Code')).toBe('AccessDenied');
    const v2 = await send(emu(), 'GET', '/s3-auth-bucket', {
      authorization: 'AWS AKID:c2lnbmF0dXJl',
    });
    expect(v2.status).toBe(400);
    expect(xmlText(v2.text, 'Code')).toBe('InvalidRequest');
  });

  it('when x-amz-content-sha256 is missing or does not match the body, then the request is refused', async () => {
    const s = await authorize(emu());
    const { creds } = await bucketKey(s, 's3-auth-bucket');
    const mismatch = await s3(emu(), creds, 'PUT', s3Path('s3-auth-bucket', 'a.txt'), {
      body: 'hello',
      sendBody: 'jello',
    });
    expect(mismatch.status).toBe(400);
    expect(xmlText(mismatch.text, 'Code')).toBe('XAmzContentSHA256Mismatch');
    const unsigned = await s3(emu(), creds, 'PUT', s3Path('s3-auth-bucket', 'a.txt'), {
      body: 'hello',
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    expect(unsigned.status).toBe(200);
  });

  it('when a presigned URL is used, then it works until it expires; a tampered one does not', async () => {
    const s = await authorize(emu());
    const { creds } = await bucketKey(s, 's3-auth-bucket');
    await s3(emu(), creds, 'PUT', s3Path('s3-auth-bucket', 'shared file.txt'), {
      body: 'presigned!',
    });
    const url = await presign(emu(), creds, 'GET', s3Path('s3-auth-bucket', 'shared file.txt'));
    const host = { host: `127.0.0.1:${emu().port}` };
    const ok = await send(emu(), 'GET', url, host);
    expect(ok.text).toBe('presigned!');
    expect(ok.text).toBe('presigned!');
    const tampered = await send(emu(), 'GET', url.replace('shared%20file', 'other%20file'), host);
    expect(xmlText(tampered.text, 'Code')).toBe('SignatureDoesNotMatch');
    const old = await presign(
      emu(),
      creds,
      'GET',
      s3Path('s3-auth-bucket', 'shared file.txt'),
      60,
      new Date(Date.now() - 120_000),
    );
    const expired = await send(emu(), 'GET', old, host);
    expect(expired.status).toBe(403);
    expect(xmlText(expired.text, 'Message')).toBe('Request has expired');
  });
});
