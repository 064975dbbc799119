// The in-memory apply records hold what a JSON store holds: only what was saved, copied in and
// out, with JSON's rules for what plain data becomes.
import { describe, expect, it } from 'vitest';
import { newApplyRecord, type ApplyRecord } from '../src/services/setup/apply-record';
import { InMemoryApplyRecords } from '../src/services/setup/apply-records';
import { plainCopy } from '../src/services/setup/plain-copy';

const record = (fingerprint: string): ApplyRecord =>
  newApplyRecord(fingerprint, {
    customer: 'ticket 4711',
    target: 'rclone',
    createdAt: Date.UTC(2026, 11, 3),
    bucketMade: true,
  });

describe('plainCopy', () => {
  it('when given plain data, then it answers what JSON text would turn it into', () => {
    const value = {
      name: 'acme',
      count: 3,
      ratio: Number.NaN,
      big: Number.POSITIVE_INFINITY,
      yes: false,
      none: null,
      gone: undefined,
      list: [1, undefined, 'two', { deep: [{ deeper: 'x', skip: undefined }] }],
    };
    expect(plainCopy(value)).toStrictEqual({
      name: 'acme',
      count: 3,
      ratio: null,
      big: null,
      yes: false,
      none: null,
      list: [1, null, 'two', { deep: [{ deeper: 'x' }] }],
    });
    expect(plainCopy(value)).toStrictEqual(JSON.parse(JSON.stringify(value)));
  });

  it('when the copy is changed, then the original is not, however deep', () => {
    const original = { a: { b: [{ c: 'kept' }] } };
    const copy = plainCopy(original);
    copy.a.b[0]!.c = 'changed';
    copy.a.b.push({ c: 'added' });
    expect(original).toStrictEqual({ a: { b: [{ c: 'kept' }] } });
  });

  it.each([
    ['a Date', { at: new Date(0) }, 'record.at is not plain data (Date)'],
    ['a Map', { list: [new Map()] }, 'record.list[0] is not plain data (Map)'],
    ['a function', { run: () => 1 }, 'record.run is not plain data (function)'],
    ['a bigint', { n: 1n }, 'record.n is not plain data (bigint)'],
  ])('when it holds %s, then it refuses it and names where', (_what, value, message) => {
    expect(() => plainCopy(value)).toThrow(new TypeError(`${message}; it cannot be stored.`));
  });
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
    const bad = { ...record('f2'), about: { ...record('f2').about!, createdAt: new Date() } };
    await expect(records.save('s1', 'k1', bad as unknown as ApplyRecord)).rejects.toThrow(
      'record.about.createdAt is not plain data (Date)',
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
