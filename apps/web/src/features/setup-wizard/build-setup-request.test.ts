import { describe, expect, it } from 'vitest';
import { buildSetupRequest } from './build-setup-request';
import { completeState as complete } from './test-utils';

describe('buildSetupRequest', () => {
  it('composes the steps and fills the key’s default name', () => {
    expect(buildSetupRequest(complete())).toEqual({
      target: 'litestream',
      bucket: {
        mode: 'create',
        name: 'acme-db',
        type: 'allPrivate',
        objectLock: false,
      },
      lifecycle: { preset: 'keepLatest' },
      cors: { preset: 'none' },
      key: {
        name: 'litestream-acme-db',
        access: 'readWrite',
        restrictToBucket: true,
        listAllBucketNames: true,
      },
      options: { litestream: { dbPath: '/var/lib/app/app.db', replicaPath: 'app.db' } },
    });
  });

  it('drops an encryption choice a draft may still hold: the web never sends one', () => {
    const old = complete();
    old.drafts.bucket = { ...old.drafts.bucket, encryption: false } as typeof old.drafts.bucket;
    const request = buildSetupRequest(old);
    expect(request?.bucket).toEqual({
      mode: 'create',
      name: 'acme-db',
      type: 'allPrivate',
      objectLock: false,
    });
    expect(request?.bucket).not.toHaveProperty('encryption');
  });

  it('is null while a step is missing', () => {
    const partial = complete();
    partial.submitted = partial.submitted.filter((s) => s !== 'cors');
    expect(buildSetupRequest(partial)).toBeNull();
  });
});
