// The request id: sent back as X-Request-Id, and carried by every log line the request causes,
// including those written after its body was read and its B2 calls answered.
import { describe, expect, it } from 'vitest';
import {
  createKeyOnEmulator,
  idempotencyKey,
  setupRequest,
  uniqueName,
  useEmulatorApp,
} from './helpers';

const ctx = useEmulatorApp();

interface Line {
  message: string;
  requestId?: string;
  call?: string;
  path?: string;
}

const linesSince = (from: number): Line[] =>
  ctx.t.logs.slice(from).map((l) => JSON.parse(l) as Line);

describe('request ids', () => {
  it('when a setup is applied, then its B2 call lines and its request line carry the id sent back', async () => {
    const browser = ctx.agent;
    const from = ctx.t.logs.length;
    const res = await browser
      .post('/api/setup/apply')
      .send({ ...setupRequest('rclone', uniqueName('ids')), idempotencyKey: idempotencyKey() })
      .expect(200);
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = linesSince(from);
    const calls = lines.filter((l) => l.message === 'b2 call').map((l) => [l.call, l.requestId]);
    expect(calls).toEqual([
      ['b2_create_bucket', id],
      ['b2_create_key', id],
      ['b2_authorize_account', id],
      ['s3_head_bucket', id],
      ['s3_put_object', id],
      ['s3_delete_object', id],
    ]);
    const request = lines.filter((l) => l.message === 'request');
    expect(request.map((l) => [l.path, l.requestId])).toEqual([['/api/setup/apply', id]]);
  });

  it('when a connect is refused after its body was read, then its B2 call line carries its id', async () => {
    const from = ctx.t.logs.length;
    const res = await ctx.t
      .agent()
      .post('/api/session')
      .send({
        applicationKeyId: ctx.emulator.masterKeyId,
        applicationKey: 'K000notTheRightSecretAtAll0000',
      })
      .expect(401);
    const id = res.headers['x-request-id'] as string;
    const lines = linesSince(from);
    expect(lines.filter((l) => l.message === 'b2 call').map((l) => l.requestId)).toEqual([id]);
    expect(lines.filter((l) => l.message === 'request').map((l) => l.requestId)).toEqual([id]);
  });

  it('when a service writes a line of its own (a key deleted from the panel), then it carries the id too', async () => {
    const browser = ctx.agent;
    const other = await createKeyOnEmulator(ctx.emulator, ['listBuckets']);
    const from = ctx.t.logs.length;
    const res = await browser.delete(`/api/keys/${other.applicationKeyId}`).expect(200);
    const id = res.headers['x-request-id'] as string;
    const deleted = linesSince(from).filter(
      (l) => l.message === 'deleted an application key from the keys panel',
    );
    expect(deleted.map((l) => l.requestId)).toEqual([id]);
  });
});
