// How B2's bucket and key answers are read, shape by shape, as Backblaze documents them for
// b2_create_bucket / b2_list_buckets and b2_create_key (docs/b2-behaviour.md "Encryption",
// "Object Lock retention", "API versions"). Expected values are written out, not derived.
import { describe, expect, it } from 'vitest';
import { bucketAnswer, keyAnswer, toBucket, toKey, toNewKey } from '../src/b2/answers';
import { B2CallError } from '../src/b2/b2-call-error';

const BUCKET = {
  accountId: '0a1b2c3d4e5f',
  bucketId: '4a48fe8875c6214145260818',
  bucketName: 'litestream-backups-1a2b3c',
  bucketType: 'allPrivate',
  revision: 3,
};

/** As the gateway reads it: zod first, then the plain value. */
const read = (raw: Record<string, unknown>) => toBucket(bucketAnswer.parse({ ...BUCKET, ...raw }));

describe('a bucket answer’s encryption', () => {
  it('when SSE-B2 is on and readable, then mode and algorithm come through', () => {
    const bucket = read({
      defaultServerSideEncryption: {
        isClientAuthorizedToRead: true,
        value: { algorithm: 'AES256', mode: 'SSE-B2' },
      },
    });
    expect(bucket.defaultServerSideEncryption).toEqual({ mode: 'SSE-B2', algorithm: 'AES256' });
  });

  it('when the key may not read it, or it is missing, then it is unknown (null), never “none”', () => {
    expect(
      read({ defaultServerSideEncryption: { isClientAuthorizedToRead: false } })
        .defaultServerSideEncryption,
    ).toBeNull();
    expect(read({}).defaultServerSideEncryption).toBeNull();
    expect(read({ defaultServerSideEncryption: null }).defaultServerSideEncryption).toBeNull();
  });

  it('when it reads {"mode": null}, then mode and algorithm are null; an old bucket’s "none" stays "none"', () => {
    expect(
      read({
        defaultServerSideEncryption: { isClientAuthorizedToRead: true, value: { mode: null } },
      }).defaultServerSideEncryption,
    ).toEqual({ mode: null, algorithm: null });
    expect(
      read({
        defaultServerSideEncryption: { isClientAuthorizedToRead: true, value: { mode: 'none' } },
      }).defaultServerSideEncryption,
    ).toEqual({ mode: 'none', algorithm: null });
  });

  it('when a readable setting comes without its value, then it is unknown (null)', () => {
    expect(
      read({ defaultServerSideEncryption: { isClientAuthorizedToRead: true } })
        .defaultServerSideEncryption,
    ).toBeNull();
    expect(
      read({ defaultServerSideEncryption: { isClientAuthorizedToRead: true, value: null } })
        .defaultServerSideEncryption,
    ).toBeNull();
  });
});

describe('a bucket answer’s rules', () => {
  it('when B2 leaves out lifecycle and CORS rules, then both are empty lists', () => {
    const bucket = read({});
    expect(bucket.lifecycleRules).toEqual([]);
    expect(bucket.corsRules).toEqual([]);
    expect(read({ lifecycleRules: null, corsRules: null }).lifecycleRules).toEqual([]);
  });

  it('when B2 sends rules, then they are kept as sent', () => {
    const lifecycleRules = [
      { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 1 },
    ];
    expect(read({ lifecycleRules }).lifecycleRules).toEqual(lifecycleRules);
  });
});

describe('a bucket answer’s Object Lock', () => {
  const lock = (value: unknown, isClientAuthorizedToRead = true) =>
    read({ fileLockConfiguration: { isClientAuthorizedToRead, value } });

  it('when the key may not read it, then enabled is unknown and retention is left out', () => {
    const bucket = lock(undefined, false);
    expect(bucket.fileLockEnabled).toBeNull();
    expect('defaultRetention' in bucket).toBe(false);
    const missing = read({});
    expect(missing.fileLockEnabled).toBeNull();
    expect('defaultRetention' in missing).toBe(false);
  });

  it('when it is off with {"mode": null} retention, then enabled is false and retention null', () => {
    const bucket = lock({ defaultRetention: { mode: null }, isFileLockEnabled: false });
    expect(bucket.fileLockEnabled).toBe(false);
    expect(bucket.defaultRetention).toBeNull();
  });

  it('when a readable configuration has no value, then lock is off and there is no retention', () => {
    const bucket = lock(undefined);
    expect(bucket.fileLockEnabled).toBe(false);
    expect(bucket.defaultRetention).toBeNull();
    expect(lock({}).fileLockEnabled).toBe(false);
  });

  it('when governance for 7 days or compliance for 1 year is set, then it is read as sent', () => {
    expect(
      lock({
        isFileLockEnabled: true,
        defaultRetention: { mode: 'governance', period: { duration: 7, unit: 'days' } },
      }),
    ).toMatchObject({
      fileLockEnabled: true,
      defaultRetention: { mode: 'governance', period: { duration: 7, unit: 'days' } },
    });
    expect(
      lock({
        isFileLockEnabled: true,
        defaultRetention: { mode: 'compliance', period: { duration: 1, unit: 'years' } },
      }).defaultRetention,
    ).toEqual({ mode: 'compliance', period: { duration: 1, unit: 'years' } });
  });

  it('when the mode or unit is one B2 does not document, or the period is missing, then there is no retention', () => {
    const retention = (defaultRetention: unknown) =>
      lock({ isFileLockEnabled: true, defaultRetention }).defaultRetention;
    expect(retention({ mode: 'legal-hold', period: { duration: 7, unit: 'days' } })).toBeNull();
    expect(retention({ mode: '', period: { duration: 7, unit: 'days' } })).toBeNull();
    expect(retention({ mode: 'governance', period: null })).toBeNull();
    expect(retention({ mode: 'compliance' })).toBeNull();
    expect(retention({ mode: 'governance', period: { duration: 7, unit: 'hours' } })).toBeNull();
    expect(retention({ mode: 'compliance', period: { duration: 2, unit: '' } })).toBeNull();
    expect(retention(null)).toBeNull();
  });
});

describe('a key answer', () => {
  const KEY = {
    applicationKeyId: '004a48fe8875c620000000003',
    keyName: 'litestream-key',
    capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'deleteFiles'],
  };

  it('when v2 names one bucketId, then the key is limited to that one bucket', () => {
    const key = toKey(keyAnswer.parse({ ...KEY, bucketId: 'b1', namePrefix: 'db/' }));
    expect(key).toEqual({
      ...KEY,
      bucketId: 'b1',
      bucketIds: ['b1'],
      namePrefix: 'db/',
      expirationTimestamp: null,
    });
  });

  it('when v4 names bucketIds, then they are kept in order and the first is the bucketId', () => {
    const key = toKey(keyAnswer.parse({ ...KEY, bucketIds: ['b2', 'b1'], bucketId: null }));
    expect(key.bucketIds).toEqual(['b2', 'b1']);
    expect(key.bucketId).toBe('b2');
  });

  it('when neither is named (or both are null), then the key is not limited to a bucket', () => {
    expect(toKey(keyAnswer.parse(KEY))).toMatchObject({ bucketId: null, bucketIds: null });
    expect(
      toKey(keyAnswer.parse({ ...KEY, bucketId: null, bucketIds: null, expirationTimestamp: 5 })),
    ).toMatchObject({ bucketId: null, bucketIds: null, expirationTimestamp: 5 });
  });

  it('when b2_create_key answers without the secret, then it is a plain 502, never a key without one', () => {
    let error: unknown;
    try {
      toNewKey(keyAnswer.parse(KEY));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(B2CallError);
    expect(error).toMatchObject({
      status: 502,
      code: 'unexpected_answer',
      message: 'Backblaze did not return the new key.',
      logDetail: 'b2_create_key: no applicationKey in the answer',
    });
    expect(toNewKey(keyAnswer.parse({ ...KEY, applicationKey: 'K004secret' }))).toMatchObject({
      applicationKey: 'K004secret',
    });
  });
});
