import { bucketListSchema } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import {
  b2Native,
  connectMaster,
  createKeyOnEmulator,
  uniqueName,
  useEmulatorApp,
} from './helpers';

const ctx = useEmulatorApp({ connect: false });

describe('GET /api/buckets', () => {
  it('when connected, then the account’s own buckets come with their lifecycle and CORS rules', async () => {
    const name = uniqueName('listed');
    const lifecycleRules = [
      { fileNamePrefix: '', daysFromUploadingToHiding: null, daysFromHidingToDeleting: 5 },
    ];
    const corsRules = [
      {
        corsRuleName: 'downloadFromAnyOrigin',
        allowedOrigins: ['*'],
        allowedOperations: ['b2_download_file_by_name'],
        allowedHeaders: ['range'],
        maxAgeSeconds: 3600,
      },
    ];
    await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: name,
      bucketType: 'allPrivate',
      lifecycleRules,
      corsRules,
      defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
    });
    const agent = ctx.t.agent();
    await connectMaster(agent, ctx.emulator).expect(200);
    const res = await agent.get('/api/buckets').expect(200);
    const { buckets } = bucketListSchema.parse(res.body);
    expect(buckets.map((b) => b.bucketName)).toEqual([name]); // not the other customer's
    expect(buckets[0]).toMatchObject({
      bucketName: name,
      bucketType: 'allPrivate',
      lifecycleRules,
      defaultServerSideEncryption: { mode: 'SSE-B2' },
      fileLockEnabled: false,
      revision: 1,
    });
    expect(buckets[0]!.corsRules[0]).toMatchObject(corsRules[0]!);
  });

  it('when the key is restricted to one bucket, then only that bucket is listed', async () => {
    const mine = await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: uniqueName('only'),
      bucketType: 'allPrivate',
    });
    await b2Native(ctx.emulator, 'b2_create_bucket', {
      bucketName: uniqueName('other'),
      bucketType: 'allPrivate',
    });
    const key = await createKeyOnEmulator(ctx.emulator, ['listBuckets', 'listFiles'], {
      bucketId: mine.bucketId,
    });
    const agent = ctx.t.agent();
    await agent.post('/api/session').send(key).expect(200);
    const res = await agent.get('/api/buckets').expect(200);
    expect(res.body.buckets.map((b: { bucketId: string }) => b.bucketId)).toEqual([mine.bucketId]);
    // It may not read the encryption setting: null, not a guess.
    expect(res.body.buckets[0].defaultServerSideEncryption).toBeNull();
  });

  it('when the key lacks listBuckets, then 403 missing_capability names it', async () => {
    const key = await createKeyOnEmulator(ctx.emulator, ['writeKeys']);
    const agent = ctx.t.agent();
    await agent.post('/api/session').send(key).expect(200);
    const res = await agent.get('/api/buckets').expect(403);
    expect(res.body.error.code).toBe('missing_capability');
    expect(res.body.error.message).toContain('“listBuckets”');
  });

  it('when not connected, then 401 not_connected', async () => {
    const res = await ctx.t.agent().get('/api/buckets').expect(401);
    expect(res.body.error.code).toBe('not_connected');
  });
});
