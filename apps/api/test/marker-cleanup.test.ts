// Removing the marker files a key check left: by file ID where it is known, else every version
// of that exact name (which needs listFiles); what could not be removed stays recorded, and the
// first error is answered.
import { describe, expect, it } from 'vitest';
import type { B2Bucket, B2Connection } from '../src/b2/b2-types';
import { newApplyRecord } from '../src/services/setup/apply-record';
import { removeLeftoverMarkers } from '../src/services/setup/marker-cleanup';

const BUCKET = { bucketId: 'b-1', bucketName: 'acme-backups' } as B2Bucket;

function remover(
  capabilities: string[],
  stored: { fileName: string; fileId: string }[],
  failing: string[] = [],
) {
  const calls: string[] = [];
  const conn = {
    authorization: { capabilities },
    listFileVersions: async ({ prefix }: { prefix: string }) => {
      calls.push(`list ${prefix}`);
      return stored.filter((f) => f.fileName.startsWith(prefix));
    },
    deleteFileVersion: async ({ fileId, fileName }: { fileId: string; fileName: string }) => {
      calls.push(`delete ${fileName} ${fileId}`);
      if (failing.includes(fileId)) throw new Error(`cannot delete ${fileId}`);
    },
  } as unknown as B2Connection;
  return { conn, calls };
}

function recordWith(markers: { fileName: string; fileId: string | null }[]) {
  const record = newApplyRecord('fingerprint');
  record.leftoverMarkers = markers;
  return record;
}

describe('removing leftover markers', () => {
  it('deletes known IDs first, then every version of an unknown one by its exact name', async () => {
    const { conn, calls } = remover(
      ['listFiles', 'deleteFiles'],
      [
        { fileName: 'check-a.txt', fileId: 'a-1' },
        { fileName: 'check-a.txt', fileId: 'a-2' },
        { fileName: 'check-a.txt.bak', fileId: 'not-ours' },
      ],
    );
    const record = recordWith([
      { fileName: 'check-a.txt', fileId: null },
      { fileName: 'check-b.txt', fileId: 'b-1' },
    ]);
    expect(await removeLeftoverMarkers(conn, BUCKET, record)).toBeNull();
    expect(calls).toEqual([
      'delete check-b.txt b-1',
      'list check-a.txt',
      'delete check-a.txt a-1',
      'delete check-a.txt a-2',
    ]);
    expect(record.leftoverMarkers).toEqual([]);
  });

  it('when a delete by ID fails and the key may list, then the name is looked up instead', async () => {
    const { conn, calls } = remover(
      ['listFiles', 'deleteFiles'],
      [{ fileName: 'check-b.txt', fileId: 'b-2' }],
      ['b-1'],
    );
    const record = recordWith([{ fileName: 'check-b.txt', fileId: 'b-1' }]);
    expect(await removeLeftoverMarkers(conn, BUCKET, record)).toBeNull();
    expect(calls).toEqual(['delete check-b.txt b-1', 'list check-b.txt', 'delete check-b.txt b-2']);
    expect(record.leftoverMarkers).toEqual([]);
  });

  it('when a delete fails and the key may not list, then the marker stays recorded and the first error is answered', async () => {
    const { conn, calls } = remover(['deleteFiles'], [], ['b-1', 'c-1']);
    const record = recordWith([
      { fileName: 'check-b.txt', fileId: 'b-1' },
      { fileName: 'check-c.txt', fileId: 'c-1' },
      { fileName: 'check-d.txt', fileId: 'd-1' },
    ]);
    const problem = await removeLeftoverMarkers(conn, BUCKET, record);
    expect((problem as Error).message).toBe('cannot delete b-1');
    expect(calls).toEqual([
      'delete check-b.txt b-1',
      'delete check-c.txt c-1',
      'delete check-d.txt d-1',
    ]);
    expect(record.leftoverMarkers).toEqual([
      { fileName: 'check-b.txt', fileId: 'b-1' },
      { fileName: 'check-c.txt', fileId: 'c-1' },
    ]);
  });
});
