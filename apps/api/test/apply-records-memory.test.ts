// The in-memory apply records hold what the Redis store holds: only what was saved, as JSON text,
// so a read is a copy.
import { describe, expect, it } from 'vitest';
import { newApplyRecord, type ApplyRecord } from '../src/services/setup/apply-record';
import { InMemoryApplyRecords } from '../src/services/setup/apply-records';

const record = (fingerprint: string): ApplyRecord =>
  newApplyRecord(fingerprint, {
    customer: 'ticket 4711',
    target: 'rclone',
    createdAt: Date.UTC(2026, 11, 3),
    bucketMade: true,
  });

describe('the in-memory apply records', () => {
  it('when a saved record is changed afterwards, then the store still has what was saved', async () => {
    const records = new InMemoryApplyRecords(5);
    const mine = record('f1');
    await records.save('s1', 'k1', mine);
    mine.bucketCreateSent = true;
    mine.leftoverMarkers.push({ fileName: 'marker.txt', fileId: null });

    const read = await records.get('s1', 'k1');
    expect(read?.bucketCreateSent).toBe(false);
    expect(read?.leftoverMarkers).toEqual([]);
  });

  it('when a read record is changed, then the next read does not see it', async () => {
    const records = new InMemoryApplyRecords(5);
    await records.save('s1', 'k1', record('f1'));
    const first = (await records.get('s1', 'k1'))!;
    first.recheck = true;
    first.about!.customer = 'someone else';

    const again = await records.get('s1', 'k1');
    expect(again?.recheck).toBe(false);
    expect(again?.about?.customer).toBe('ticket 4711');
  });

  it('when a field is left undefined, then it is not kept at all', async () => {
    const records = new InMemoryApplyRecords(5);
    await records.save('s1', 'k1', { ...record('f1'), checked: undefined, undo: undefined });
    const read = await records.get('s1', 'k1');
    expect(read && 'checked' in read).toBe(false);
    expect(read && 'undo' in read).toBe(false);
  });

  it('when a record cannot be stored, then the one saved before stays', async () => {
    const records = new InMemoryApplyRecords(5);
    await records.save('s1', 'k1', record('f1'));
    const bad = { ...record('f2'), about: { ...record('f2').about!, createdAt: 1n } };
    await expect(records.save('s1', 'k1', bad as unknown as ApplyRecord)).rejects.toThrow(
      TypeError,
    );
    expect((await records.get('s1', 'k1'))?.fingerprint).toBe('f1');
  });

  it('when more records are saved than a session may keep, then the oldest written go, and a list is oldest first', async () => {
    const records = new InMemoryApplyRecords(3);
    for (const key of ['k1', 'k2', 'k3']) await records.save('s1', key, record(key));
    await records.save('s1', 'k1', record('k1 again'));
    await records.save('s1', 'k4', record('k4'));
    await records.save('s2', 'k1', record('other session'));

    const listed = await records.list('s1');
    expect(listed.map((r) => [r.idempotencyKey, r.record.fingerprint])).toEqual([
      ['k3', 'k3'],
      ['k1', 'k1 again'],
      ['k4', 'k4'],
    ]);
    expect(await records.get('s1', 'k2')).toBeUndefined();
    listed[0]!.record.fingerprint = 'changed';
    expect((await records.get('s1', 'k3'))?.fingerprint).toBe('k3');

    await records.forget('s1');
    expect(await records.list('s1')).toEqual([]);
    expect((await records.get('s2', 'k1'))?.fingerprint).toBe('other session');
  });
});
