// When the config files cannot be made after the bucket and key exist, the answer still hands over
// the key and its secret, and says in the key check which part failed, instead of losing them.
import { describe, expect, it } from 'vitest';
import { generateFiles } from '@b2wiz/shared';
import type { RenderFiles } from '../src/services/render-files';
import {
  connectMaster,
  idempotencyKey,
  setupRequest,
  signsIn,
  startApp,
  startEmulator,
  uniqueName,
} from './helpers';

describe('config files that fail after the key is made', () => {
  it('hands over the working key, with no files and a failed "files" check in plain words', async () => {
    const emulator = await startEmulator();
    let renders = 0;
    // The dry run before any write passes; the real one, with the new key, fails.
    const renderFiles: RenderFiles = (values) => {
      renders += 1;
      if (renders > 1) throw new Error('the disk is full');
      return generateFiles(values);
    };
    const t = await startApp({ b2ApiUrl: emulator.url, renderFiles });
    try {
      const browser = t.agent();
      await connectMaster(browser, emulator).expect(200);
      const name = uniqueName('files');
      const res = await browser
        .post('/api/setup/apply')
        .send({ ...setupRequest('restic', name), idempotencyKey: idempotencyKey() })
        .expect(200);
      expect(res.body.files).toEqual([]);
      expect(res.body.verification.ok).toBe(false);
      expect(res.body.verification.checks.at(-1)).toEqual({
        name: 'files',
        label: 'Config files made',
        ok: false,
        status: 'failed',
        detail: 'Config files could not be made: the disk is full',
      });
      expect(res.body.bucket.bucketName).toBe(name);
      expect(
        await signsIn(emulator, res.body.key.applicationKeyId, res.body.key.applicationKey),
      ).toBe(true);
    } finally {
      await t.close();
      await emulator.close();
    }
  });
});
