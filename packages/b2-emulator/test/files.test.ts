import { describe, expect, it } from 'vitest';
import {
  authorize,
  http,
  makeBucket,
  makeKey,
  sha1,
  upload,
  useEmulator,
  type Session,
} from './helpers';

interface FileBody {
  fileId: string;
  fileName: string;
  action: string;
  [k: string]: unknown;
}
interface ListBody {
  files: FileBody[];
  nextFileName: string | null;
  nextFileId?: string | null;
}

describe('uploads', () => {
  const emu = useEmulator();

  it('when b2_get_upload_url is called, then the URL points at this server with a separate upload token', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-bucket');
    const res = await s.call<{ bucketId: string; uploadUrl: string; authorizationToken: string }>(
      'b2_get_upload_url',
      { bucketId },
    );
    expect(res.status).toBe(200);
    expect(res.body.bucketId).toBe(bucketId);
    expect(res.body.uploadUrl.startsWith(`${emu().url}/b2api/v2/b2_upload_file/${bucketId}/`)).toBe(
      true,
    );
    expect(res.body.authorizationToken).not.toBe(s.token);
    // The account token does not work as an upload token, nor the other way round.
    const wrong = await http(res.body.uploadUrl, {
      method: 'POST',
      headers: { Authorization: s.token },
      body: 'x',
    });
    expect(wrong.body).toMatchObject({ status: 401, code: 'bad_auth_token' });
    const reversed = await s.call('b2_list_buckets', { accountId: s.accountId });
    expect(reversed.status).toBe(200);
    const asAccount = await http(`${emu().url}/b2api/v2/b2_list_buckets`, {
      method: 'POST',
      headers: { Authorization: res.body.authorizationToken },
      body: JSON.stringify({ accountId: s.accountId }),
    });
    expect(asAccount.body.code).toBe('bad_auth_token');
  });

  it('when a file is uploaded with its SHA1 and info headers, then the answer is a B2 file version', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-bucket');
    const res = await upload(s, bucketId, 'docs/hello wörld.txt', 'hello', {
      'X-Bz-Info-src_last_modified_millis': '1700000000000',
      'X-Bz-Info-b2-content-disposition': encodeURIComponent('attachment; filename="a.txt"'),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accountId: s.accountId,
      action: 'upload',
      bucketId,
      contentLength: 5,
      contentMd5: '5d41402abc4b2a76b9719d911017c592',
      contentSha1: sha1('hello'),
      contentType: 'text/plain',
      fileId: expect.stringMatching(/^4_z/),
      fileInfo: {
        src_last_modified_millis: '1700000000000',
        'b2-content-disposition': 'attachment; filename="a.txt"',
      },
      fileName: 'docs/hello wörld.txt',
      fileRetention: {
        isClientAuthorizedToRead: true,
        value: { mode: null, retainUntilTimestamp: null },
      },
      legalHold: { isClientAuthorizedToRead: true, value: null },
      replicationStatus: null,
      serverSideEncryption: { algorithm: 'AES256', mode: 'SSE-B2' },
      uploadTimestamp: expect.any(Number),
    });
  });

  it('when the SHA1 does not match, then 400 bad_request and nothing is stored', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-bucket');
    const res = await upload(s, bucketId, 'a.txt', 'hello', { 'X-Bz-Content-Sha1': sha1('other') });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'bad_request',
      message: 'Sha1 did not match data received',
    });
    expect(emu().state().files).toEqual([]);
  });

  it("when the SHA1 is hex_digits_at_end or do_not_verify, then B2's variants are honoured", async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-bucket');
    const atEnd = await upload(s, bucketId, 'end.txt', `hello${sha1('hello')}`, {
      'X-Bz-Content-Sha1': 'hex_digits_at_end',
    });
    expect(atEnd.body).toMatchObject({ contentLength: 5, contentSha1: sha1('hello') });
    const unverified = await upload(s, bucketId, 'nv.txt', 'hello', {
      'X-Bz-Content-Sha1': 'do_not_verify',
    });
    expect(unverified.body.contentSha1).toBe(`unverified:${sha1('hello')}`);
    const bad = await upload(s, bucketId, 'bad.txt', 'hello', { 'X-Bz-Content-Sha1': 'abc' });
    expect(bad.status).toBe(400);
  });

  it('when Content-Type is b2/x-auto, then it is guessed from the name; SSE follows the bucket default', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-sse', {
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
    const res = await upload(s, bucketId, 'img.png', 'png', { 'Content-Type': 'b2/x-auto' });
    expect(res.body).toMatchObject({
      contentType: 'image/png',
      serverSideEncryption: { algorithm: 'AES256', mode: 'SSE-B2' },
    });
  });

  it.each([
    ['a name starting with "/"', '/abs.txt'],
    ['a name ending with "/"', 'dir/'],
    ['a name with "//"', 'a//b'],
    ['a segment over 250 bytes', 'x'.repeat(251)],
    ['a control character', 'a\u0001b'],
  ])('when the file name has %s, then 400 bad_request', async (_name, fileName) => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-bucket');
    const res = await upload(s, bucketId, fileName, 'x', {
      'X-Bz-File-Name': encodeURIComponent(fileName),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_request');
  });

  it('when required headers are missing or there are more than 10 info headers, then 400 bad_request', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-bucket');
    const u = await s.call<{ uploadUrl: string; authorizationToken: string }>('b2_get_upload_url', {
      bucketId,
    });
    const noName = await http(u.body.uploadUrl, {
      method: 'POST',
      headers: {
        Authorization: u.body.authorizationToken,
        'X-Bz-Content-Sha1': sha1('x'),
        'Content-Type': 'text/plain',
      },
      body: 'x',
    });
    expect(noName.body).toMatchObject({ status: 400, code: 'bad_request' });
    const noSha = await http(u.body.uploadUrl, {
      method: 'POST',
      headers: {
        Authorization: u.body.authorizationToken,
        'X-Bz-File-Name': 'x',
        'Content-Type': 'text/plain',
      },
      body: 'x',
    });
    expect(noSha.status).toBe(400);
    const infos = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`X-Bz-Info-k${i}`, 'v']),
    );
    expect((await upload(s, bucketId, 'many.txt', 'x', infos)).status).toBe(400);
  });

  it('when the upload URL is called with GET, then 405 method_not_allowed', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-bucket');
    const u = await s.call<{ uploadUrl: string; authorizationToken: string }>('b2_get_upload_url', {
      bucketId,
    });
    const res = await http(u.body.uploadUrl, {
      headers: { Authorization: u.body.authorizationToken },
    });
    expect(res.body).toMatchObject({ status: 405, code: 'method_not_allowed' });
  });

  it('when the upload token expires, then 401 expired_auth_token (get a new upload URL)', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-bucket');
    const u = await s.call<{ uploadUrl: string; authorizationToken: string }>('b2_get_upload_url', {
      bucketId,
    });
    emu().expireTokens(u.body.authorizationToken);
    const res = await http(u.body.uploadUrl, {
      method: 'POST',
      headers: {
        Authorization: u.body.authorizationToken,
        'X-Bz-File-Name': 'a',
        'Content-Type': 'text/plain',
        'X-Bz-Content-Sha1': sha1('x'),
      },
      body: 'x',
    });
    expect(res.body).toMatchObject({ status: 401, code: 'expired_auth_token' });
  });

  it('when a key lacks writeFiles, then get_upload_url is 401 unauthorized', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'upload-bucket');
    const key = await makeKey(s, { capabilities: ['readFiles'] });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    expect((await k.call('b2_get_upload_url', { bucketId })).body).toMatchObject({
      status: 401,
      code: 'unauthorized',
    });
  });
});

describe('listing, hiding and deleting', () => {
  const emu = useEmulator();

  async function seeded(): Promise<{ s: Session; bucketId: string }> {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'list-bucket');
    for (const name of [
      'a.txt',
      'b.txt',
      'dir/one.txt',
      'dir/two.txt',
      'dir/sub/three.txt',
      'z.txt',
    ])
      await upload(s, bucketId, name, name);
    await upload(s, bucketId, 'a.txt', 'second version of a');
    return { s, bucketId };
  }

  it('when file names are listed, then the latest versions come by name and pages follow nextFileName', async () => {
    const { s, bucketId } = await seeded();
    const all = await s.call<ListBody>('b2_list_file_names', {
      bucketId,
      startFileName: null,
      maxFileCount: null,
      prefix: null,
      delimiter: null,
    });
    expect(all.body.files.map((f) => f.fileName)).toEqual([
      'a.txt',
      'b.txt',
      'dir/one.txt',
      'dir/sub/three.txt',
      'dir/two.txt',
      'z.txt',
    ]);
    expect(all.body.files[0]?.contentLength).toBe('second version of a'.length);
    expect(all.body.nextFileName).toBeNull();
    const page1 = await s.call<ListBody>('b2_list_file_names', { bucketId, maxFileCount: 4 });
    expect(page1.body.files).toHaveLength(4);
    expect(page1.body.nextFileName).toBe('dir/two.txt');
    const page2 = await s.call<ListBody>('b2_list_file_names', {
      bucketId,
      maxFileCount: 4,
      startFileName: page1.body.nextFileName,
    });
    expect(page2.body.files.map((f) => f.fileName)).toEqual(['dir/two.txt', 'z.txt']);
  });

  it('when a prefix and a delimiter are given, then folders are collapsed as rclone expects', async () => {
    const { s, bucketId } = await seeded();
    const root = await s.call<ListBody>('b2_list_file_names', { bucketId, delimiter: '/' });
    expect(root.body.files.map((f) => [f.fileName, f.action])).toEqual([
      ['a.txt', 'upload'],
      ['b.txt', 'upload'],
      ['dir/', 'folder'],
      ['z.txt', 'upload'],
    ]);
    const dir = await s.call<ListBody>('b2_list_file_names', {
      bucketId,
      prefix: 'dir/',
      delimiter: '/',
    });
    expect(dir.body.files.map((f) => f.fileName)).toEqual([
      'dir/one.txt',
      'dir/sub/',
      'dir/two.txt',
    ]);
  });

  it('when maxFileCount is out of range, then 400 out_of_range', async () => {
    const { s, bucketId } = await seeded();
    const res = await s.call('b2_list_file_names', { bucketId, maxFileCount: 10001 });
    expect(res.body).toMatchObject({ status: 400, code: 'out_of_range' });
  });

  it('when versions are listed, then every version shows newest first, with nextFileId paging', async () => {
    const { s, bucketId } = await seeded();
    await s.call('b2_hide_file', { bucketId, fileName: 'b.txt' });
    const all = await s.call<ListBody>('b2_list_file_versions', { bucketId });
    expect(all.body.files.slice(0, 4).map((f) => [f.fileName, f.action])).toEqual([
      ['a.txt', 'upload'],
      ['a.txt', 'upload'],
      ['b.txt', 'hide'],
      ['b.txt', 'upload'],
    ]);
    expect(all.body.files[0]?.contentLength).toBe('second version of a'.length);
    const page1 = await s.call<ListBody>('b2_list_file_versions', { bucketId, maxFileCount: 1 });
    expect(page1.body).toMatchObject({
      nextFileName: 'a.txt',
      nextFileId: all.body.files[1]?.fileId,
    });
    const page2 = await s.call<ListBody>('b2_list_file_versions', {
      bucketId,
      maxFileCount: 2,
      startFileName: 'a.txt',
      startFileId: page1.body.nextFileId,
    });
    expect(page2.body.files.map((f) => f.fileId)).toEqual([
      all.body.files[1]?.fileId,
      all.body.files[2]?.fileId,
    ]);
  });

  it('when a file is hidden, then names skip it, hiding again is already_hidden, and an unknown name is no_such_file', async () => {
    const { s, bucketId } = await seeded();
    const hidden = await s.call<FileBody>('b2_hide_file', { bucketId, fileName: 'z.txt' });
    expect(hidden.body).toMatchObject({
      action: 'hide',
      contentType: 'application/x-bz-hide-marker',
      contentLength: 0,
      contentSha1: null,
      fileName: 'z.txt',
    });
    const names = await s.call<ListBody>('b2_list_file_names', { bucketId });
    expect(names.body.files.map((f) => f.fileName)).not.toContain('z.txt');
    expect((await s.call('b2_hide_file', { bucketId, fileName: 'z.txt' })).body).toMatchObject({
      status: 400,
      code: 'already_hidden',
    });
    expect((await s.call('b2_hide_file', { bucketId, fileName: 'nope.txt' })).body).toMatchObject({
      status: 400,
      code: 'no_such_file',
    });
  });

  it('when a call comes as GET with query parameters, then names that look like JSON stay strings', async () => {
    const { s, bucketId } = await seeded();
    await upload(s, bucketId, '[draft].txt', 'd');
    const res = await http<FileBody>(
      `${emu().url}/b2api/v2/b2_hide_file?bucketId=${bucketId}&fileName=${encodeURIComponent('[draft].txt')}`,
      {
        headers: { Authorization: s.token },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ action: 'hide', fileName: '[draft].txt' });
    const listed = await http<ListBody>(
      `${emu().url}/b2api/v2/b2_list_file_names?bucketId=${bucketId}&maxFileCount=2&prefix=a`,
      {
        headers: { Authorization: s.token },
      },
    );
    expect(listed.body.files.map((f) => f.fileName)).toEqual(['a.txt']);
  });

  it('when a version is deleted, then it is gone; a wrong id or name is 400 file_not_present', async () => {
    const { s, bucketId } = await seeded();
    const versions = await s.call<ListBody>('b2_list_file_versions', { bucketId, prefix: 'a.txt' });
    const newest = versions.body.files[0]!;
    const res = await s.call('b2_delete_file_version', {
      fileId: newest.fileId,
      fileName: 'a.txt',
      bypassGovernance: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ fileId: newest.fileId, fileName: 'a.txt' });
    const after = await s.call<ListBody>('b2_list_file_names', { bucketId, prefix: 'a.txt' });
    expect(after.body.files[0]?.contentLength).toBe('a.txt'.length);
    expect(
      (await s.call('b2_delete_file_version', { fileId: newest.fileId, fileName: 'a.txt' })).body
        .code,
    ).toBe('file_not_present');
    const other = versions.body.files[1]!;
    expect(
      (await s.call('b2_delete_file_version', { fileId: other.fileId, fileName: 'b.txt' })).body
        .code,
    ).toBe('file_not_present');
  });

  it('when bypassGovernance is asked without the capability, then 401 unauthorized', async () => {
    const { s, bucketId } = await seeded();
    const key = await makeKey(s, { capabilities: ['deleteFiles', 'listFiles'] });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    const file = (await s.call<ListBody>('b2_list_file_names', { bucketId })).body.files[0]!;
    const res = await k.call('b2_delete_file_version', {
      fileId: file.fileId,
      fileName: file.fileName,
      bypassGovernance: true,
    });
    expect(res.body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('when b2_get_file_info is called, then it returns the version; unknown ids are 404 not_found', async () => {
    const { s, bucketId } = await seeded();
    const file = (await s.call<ListBody>('b2_list_file_names', { bucketId })).body.files[1]!;
    const res = await s.call<FileBody>('b2_get_file_info', { fileId: file.fileId });
    expect(res.body).toEqual(file);
    expect((await s.call('b2_get_file_info', { fileId: '4_zdoesnotexist' })).body).toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it('when a key lacks listFiles, readFiles or deleteFiles, then each call is 401 unauthorized', async () => {
    const { s, bucketId } = await seeded();
    const file = (await s.call<ListBody>('b2_list_file_names', { bucketId })).body.files[0]!;
    const key = await makeKey(s, { capabilities: ['writeFiles'] });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    expect((await k.call('b2_list_file_names', { bucketId })).status).toBe(401);
    expect((await k.call('b2_list_file_versions', { bucketId })).status).toBe(401);
    expect((await k.call('b2_get_file_info', { fileId: file.fileId })).status).toBe(401);
    expect(
      (await k.call('b2_delete_file_version', { fileId: file.fileId, fileName: file.fileName }))
        .status,
    ).toBe(401);
  });
});

describe('prefix- and bucket-restricted keys', () => {
  const emu = useEmulator();

  it('when a key is restricted to a bucket and a prefix, then it is held to both', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'prefix-bucket');
    const otherBucket = await makeBucket(s, 'prefix-other');
    await upload(s, bucketId, 'secret/x.txt', 'no');
    const key = await makeKey(s, {
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'],
      bucketId,
      namePrefix: 'public/',
    });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    expect((await upload(k, bucketId, 'public/ok.txt', 'ok')).status).toBe(200);
    const outside = await upload(k, bucketId, 'secret/y.txt', 'no');
    expect(outside.body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await k.call('b2_get_upload_url', { bucketId: otherBucket })).status).toBe(401);
    expect((await k.call('b2_list_file_names', { bucketId })).status).toBe(401);
    const listed = await k.call<ListBody>('b2_list_file_names', { bucketId, prefix: 'public/' });
    expect(listed.body.files.map((f) => f.fileName)).toEqual(['public/ok.txt']);
    expect((await k.call('b2_hide_file', { bucketId, fileName: 'secret/x.txt' })).status).toBe(401);
    const secret = (await s.call<ListBody>('b2_list_file_names', { bucketId, prefix: 'secret/' }))
      .body.files[0]!;
    expect((await k.call('b2_get_file_info', { fileId: secret.fileId })).status).toBe(401);
    expect(
      (await k.call('b2_delete_file_version', { fileId: secret.fileId, fileName: secret.fileName }))
        .status,
    ).toBe(401);
    const dl = await http(`${emu().url}/file/prefix-bucket/secret/x.txt`, {
      headers: { Authorization: k.token },
    });
    expect(dl.status).toBe(401);
    const ok = await http(`${emu().url}/file/prefix-bucket/public/ok.txt`, {
      headers: { Authorization: k.token },
    });
    expect(ok.body).toBe('ok');
  });
});

describe('downloads', () => {
  const emu = useEmulator();

  async function seeded(
    bucketType = 'allPrivate',
  ): Promise<{ s: Session; bucketId: string; file: FileBody }> {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'download-bucket', { bucketType });
    const up = await upload(s, bucketId, 'dir/hello wörld.txt', 'hello world', {
      'X-Bz-Info-b2-content-disposition': 'inline',
      'X-Bz-Info-author': encodeURIComponent('Zoë'),
    });
    return { s, bucketId, file: up.body as FileBody };
  }

  it('when a private file is downloaded by name with a token, then the bytes and B2 headers come back', async () => {
    const { s, file } = await seeded();
    const res = await fetch(`${emu().url}/file/download-bucket/dir/hello%20w%C3%B6rld.txt`, {
      headers: { Authorization: s.token },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello world');
    expect(res.headers.get('x-bz-file-id')).toBe(file.fileId);
    expect(res.headers.get('x-bz-file-name')).toBe('dir/hello%20w%C3%B6rld.txt');
    expect(res.headers.get('x-bz-content-sha1')).toBe(sha1('hello world'));
    expect(res.headers.get('x-bz-info-author')).toBe('Zo%C3%AB');
    expect(res.headers.get('content-disposition')).toBe('inline');
    expect(res.headers.get('content-length')).toBe('11');
    expect(res.headers.get('date')).toBeTruthy();
  });

  it('when a private file is downloaded without a token, then 401; a public one needs none', async () => {
    const { s, bucketId } = await seeded();
    expect(
      (await http(`${emu().url}/file/download-bucket/dir/hello%20w%C3%B6rld.txt`)).status,
    ).toBe(401);
    await s.call('b2_update_bucket', { accountId: s.accountId, bucketId, bucketType: 'allPublic' });
    const res = await http(`${emu().url}/file/download-bucket/dir/hello%20w%C3%B6rld.txt`);
    expect(res.status).toBe(200);
    expect(res.body).toBe('hello world');
  });

  it('when the token is passed as ?Authorization=, then it works too', async () => {
    const { s } = await seeded();
    const res = await http(
      `${emu().url}/file/download-bucket/dir/hello%20w%C3%B6rld.txt?Authorization=${encodeURIComponent(s.token)}`,
    );
    expect(res.status).toBe(200);
  });

  it('when downloaded by id (GET ?fileId= and POST), then the same bytes come back; HEAD has no body', async () => {
    const { s, file } = await seeded();
    const get = await http(
      `${emu().url}/b2api/v2/b2_download_file_by_id?fileId=${encodeURIComponent(file.fileId)}`,
      { headers: { Authorization: s.token } },
    );
    expect(get.body).toBe('hello world');
    const post = await http(`${emu().url}/b2api/v3/b2_download_file_by_id`, {
      method: 'POST',
      headers: { Authorization: s.token },
      body: JSON.stringify({ fileId: file.fileId }),
    });
    expect(post.body).toBe('hello world');
    const head = await fetch(
      `${emu().url}/b2api/v2/b2_download_file_by_id?fileId=${encodeURIComponent(file.fileId)}`,
      { method: 'HEAD', headers: { Authorization: s.token } },
    );
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('11');
    expect(await head.text()).toBe('');
  });

  it('when a Range is asked, then 206 with Content-Range; an impossible range is 416', async () => {
    const { s } = await seeded();
    const url = `${emu().url}/file/download-bucket/dir/hello%20w%C3%B6rld.txt`;
    const part = await fetch(url, { headers: { Authorization: s.token, Range: 'bytes=0-4' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 0-4/11');
    expect(await part.text()).toBe('hello');
    const tail = await fetch(url, { headers: { Authorization: s.token, Range: 'bytes=-5' } });
    expect(await tail.text()).toBe('world');
    const bad = await http(url, { headers: { Authorization: s.token, Range: 'bytes=50-60' } });
    expect(bad.body).toMatchObject({ status: 416, code: 'range_not_satisfiable' });
  });

  it('when the file is hidden or missing, then 404 not_found', async () => {
    const { s, bucketId } = await seeded();
    await s.call('b2_hide_file', { bucketId, fileName: 'dir/hello wörld.txt' });
    const hidden = await http(`${emu().url}/file/download-bucket/dir/hello%20w%C3%B6rld.txt`, {
      headers: { Authorization: s.token },
    });
    expect(hidden.body).toMatchObject({ status: 404, code: 'not_found' });
    const missing = await http(`${emu().url}/file/no-such-bucket-x/a.txt`, {
      headers: { Authorization: s.token },
    });
    expect(missing.status).toBe(404);
  });

  it('when a key lacks readFiles, then downloads are 401 unauthorized', async () => {
    const { s, file } = await seeded();
    const key = await makeKey(s, { capabilities: ['listFiles'] });
    const k = await authorize(emu(), key.applicationKeyId, key.applicationKey);
    const res = await http(
      `${emu().url}/b2api/v2/b2_download_file_by_id?fileId=${encodeURIComponent(file.fileId)}`,
      { headers: { Authorization: k.token } },
    );
    expect(res.body).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('when a download authorization is made, then it opens names under its prefix only', async () => {
    const { s, bucketId, file } = await seeded();
    const auth = await s.call<{ authorizationToken: string; fileNamePrefix: string }>(
      'b2_get_download_authorization',
      {
        bucketId,
        fileNamePrefix: 'dir/',
        validDurationInSeconds: 60,
      },
    );
    expect(auth.status).toBe(200);
    expect(auth.body.fileNamePrefix).toBe('dir/');
    const ok = await http(`${emu().url}/file/download-bucket/dir/hello%20w%C3%B6rld.txt`, {
      headers: { Authorization: auth.body.authorizationToken },
    });
    expect(ok.status).toBe(200);
    const byId = await http(
      `${emu().url}/b2api/v2/b2_download_file_by_id?fileId=${encodeURIComponent(file.fileId)}`,
      { headers: { Authorization: auth.body.authorizationToken } },
    );
    expect(byId.status).toBe(401);
    const tooLong = await s.call('b2_get_download_authorization', {
      bucketId,
      fileNamePrefix: '',
      validDurationInSeconds: 604801,
    });
    expect(tooLong.status).toBe(400);
  });
});
