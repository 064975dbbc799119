// Object Lock default retention applied as B2 does: uploads after b2_update_bucket's
// defaultRetention are locked, and b2_delete_file_version of a locked version is refused with
// 403 access_denied (Backblaze's Object Lock docs; b2sdk's RawSimulator `delete_file_version`).
import { describe, expect, it } from 'vitest';
import { authorize, makeBucket, makeKey, upload, useEmulator, type Session } from './helpers';

const DAY = 86_400_000;

async function lockedBucket(s: Session, name: string, mode: 'governance' | 'compliance') {
  const bucketId = await makeBucket(s, name, { fileLockEnabled: true });
  const res = await s.call('b2_update_bucket', {
    accountId: s.accountId,
    bucketId,
    defaultRetention: { mode, period: { duration: 30, unit: 'days' } },
  });
  expect(res.status).toBe(200);
  return bucketId;
}

const deleteVersion = (s: Session, file: { fileId: string; fileName: string }, extra = {}) =>
  s.call('b2_delete_file_version', { fileId: file.fileId, fileName: file.fileName, ...extra });

const fileOf = (body: Record<string, unknown>) => ({
  fileId: body.fileId as string,
  fileName: body.fileName as string,
});

describe('Object Lock default retention', () => {
  const emu = useEmulator();

  it('when a bucket has a default retention, then an upload reads back that mode and a date 30 days on', async () => {
    const s = await authorize(emu());
    const bucketId = await lockedBucket(s, 'locked-uploads', 'governance');
    const before = Date.now();
    const up = await upload(s, bucketId, 'a.txt', 'abc');
    expect(up.status).toBe(200);
    const retention = up.body.fileRetention as {
      isClientAuthorizedToRead: boolean;
      value: { mode: string; retainUntilTimestamp: number };
    };
    expect(retention.isClientAuthorizedToRead).toBe(true);
    expect(retention.value.mode).toBe('governance');
    expect(retention.value.retainUntilTimestamp).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(retention.value.retainUntilTimestamp).toBeLessThanOrEqual(Date.now() + 30 * DAY);

    const info = await s.call('b2_get_file_info', { fileId: up.body.fileId });
    expect(info.body.fileRetention).toEqual(retention);
  });

  it('when a file was uploaded before the retention was set, then it stays unlocked and can be deleted', async () => {
    const s = await authorize(emu());
    const bucketId = await makeBucket(s, 'locked-later', { fileLockEnabled: true });
    const marker = await upload(s, bucketId, 'marker.txt', 'x');
    await s.call('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      defaultRetention: { mode: 'compliance', period: { duration: 1, unit: 'days' } },
    });
    expect((marker.body.fileRetention as { value: unknown }).value).toEqual({
      mode: null,
      retainUntilTimestamp: null,
    });
    expect((await deleteVersion(s, fileOf(marker.body))).status).toBe(200);
  });

  it('the marker trap: a file uploaded after the retention cannot be deleted, even by the master key', async () => {
    const s = await authorize(emu());
    const bucketId = await lockedBucket(s, 'locked-trap', 'compliance');
    const marker = await upload(s, bucketId, 'marker.txt', 'x');
    const refused = await deleteVersion(s, fileOf(marker.body), { bypassGovernance: true });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('access_denied');
    const listed = await s.call<{ files: { fileName: string }[] }>('b2_list_file_versions', {
      bucketId,
    });
    expect(listed.body.files.map((f) => f.fileName)).toEqual(['marker.txt']);
  });

  it('governance: refused without bypassGovernance, allowed with it for a key that holds the capability', async () => {
    const s = await authorize(emu());
    const bucketId = await lockedBucket(s, 'locked-governance', 'governance');
    const file = fileOf((await upload(s, bucketId, 'g.txt', 'g')).body);

    const plain = await deleteVersion(s, file);
    expect(plain.status).toBe(403);
    expect(plain.body.code).toBe('access_denied');

    const noCapability = await makeKey(s, { capabilities: ['deleteFiles'] });
    const k = await authorize(emu(), noCapability.applicationKeyId, noCapability.applicationKey);
    expect((await deleteVersion(k, file, { bypassGovernance: true })).status).toBe(401);

    const bypassed = await deleteVersion(s, file, { bypassGovernance: true });
    expect(bypassed.status).toBe(200);
    const listed = await s.call<{ files: unknown[] }>('b2_list_file_versions', { bucketId });
    expect(listed.body.files).toEqual([]);
  });

  it('when the retention date has passed, then the file can be deleted', async () => {
    const s = await authorize(emu());
    const bucketId = await lockedBucket(s, 'locked-expires', 'compliance');
    const file = fileOf((await upload(s, bucketId, 'c.txt', 'c')).body);
    emu().advanceTime(31 * DAY);
    const later = await authorize(emu());
    expect((await deleteVersion(later, file)).status).toBe(200);
  });

  it('when the retention is cleared, then later uploads are not locked', async () => {
    const s = await authorize(emu());
    const bucketId = await lockedBucket(s, 'locked-cleared', 'governance');
    await s.call('b2_update_bucket', {
      accountId: s.accountId,
      bucketId,
      defaultRetention: { mode: null },
    });
    const file = fileOf((await upload(s, bucketId, 'n.txt', 'n')).body);
    expect((await deleteVersion(s, file)).status).toBe(200);
  });
});
