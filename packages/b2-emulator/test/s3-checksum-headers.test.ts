// The switch that makes the emulator refuse checksum headers as B2 did: off, they are accepted;
// on, each one is refused with B2's words and nothing is stored.
import { describe, expect, it } from 'vitest';
import { authorize, makeBucket, makeKey, useEmulator } from './helpers';
import { READ_WRITE, s3, s3Path, xmlText, type Creds } from './s3-helpers';

const BUCKET = 's3-checksum-bucket';

async function credsFor(emu: ReturnType<ReturnType<typeof useEmulator>>): Promise<Creds> {
  const s = await authorize(emu);
  const bucketId = await makeBucket(s, BUCKET);
  const key = await makeKey(s, { capabilities: READ_WRITE, bucketId });
  return { accessKeyId: key.applicationKeyId, secretAccessKey: key.applicationKey };
}

describe('checksum headers, switch off (the default)', () => {
  const emu = useEmulator();

  it('when a PUT carries x-amz-checksum-crc32 and x-amz-sdk-checksum-algorithm, then it is stored', async () => {
    const creds = await credsFor(emu());
    const put = await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'a.txt'), {
      body: 'hello',
      headers: { 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-checksum-crc32': 'NhCmhg==' },
    });
    expect(put.status).toBe(200);
  });
});

describe('checksum headers, rejectChecksumHeaders on', () => {
  const emu = useEmulator({ rejectChecksumHeaders: true });

  it.each([
    ['x-amz-checksum-crc32', 'NhCmhg=='],
    ['x-amz-sdk-checksum-algorithm', 'CRC32'],
    ['x-amz-checksum-mode', 'ENABLED'],
  ])('when a request carries %s, then 400 InvalidArgument names it', async (name, value) => {
    const creds = await credsFor(emu());
    const put = await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'a.txt'), {
      body: 'hello',
      headers: { [name]: value },
    });
    expect(put.status).toBe(400);
    expect(xmlText(put.text, 'Code')).toBe('InvalidArgument');
    expect(xmlText(put.text, 'Message')).toBe(
      `Unsupported header '${name}' received for this API call.`,
    );
    expect(emu().state().files).toEqual([]);
  });

  it('when a request carries none, then it is served', async () => {
    const creds = await credsFor(emu());
    const put = await s3(emu(), creds, 'PUT', s3Path(BUCKET, 'a.txt'), { body: 'hello' });
    expect(put.status).toBe(200);
    const get = await s3(emu(), creds, 'GET', s3Path(BUCKET, 'a.txt'));
    expect(get.text).toBe('hello');
  });
});
