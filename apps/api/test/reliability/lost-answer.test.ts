// A lost answer: the browser never sees the apply response. Sending the same idempotencyKey again,
// in the same session, gives back the same result, secret included, without a new B2 write; no
// other session can get it.
import { request as httpRequest } from 'node:http';
import type { Emulator } from '@b2wiz/b2-emulator';
import { setupResultSchema } from '@b2wiz/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  connectMaster,
  idempotencyKey,
  setupRequest,
  signsIn,
  startApp,
  startEmulator,
  totalCalls,
  uniqueName,
  writeCalls,
  type TestApp,
} from '../helpers';

let emulator: Emulator;
let t: TestApp;

beforeAll(async () => {
  emulator = await startEmulator({ s3Url: undefined });
  t = await startApp({ b2ApiUrl: emulator.url });
});
afterAll(async () => {
  await t.close();
  await emulator.close();
});
beforeEach(() => emulator.reset());

/** Sends apply as a browser would, then drops the connection after `ms`: the answer is lost. */
function applyAndLoseAnswer(cookie: string, body: unknown, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    let answered = false;
    const payload = JSON.stringify(body);
    const req = httpRequest(new URL('/api/setup/apply', t.url), {
      method: 'POST',
      headers: {
        Cookie: cookie,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(payload),
      },
    });
    req.on('response', () => (answered = true));
    req.on('error', () => undefined);
    req.end(payload);
    setTimeout(() => {
      req.destroy();
      resolve(answered);
    }, ms);
  });
}

async function connectBrowser() {
  const agent = t.agent();
  const res = await connectMaster(agent, emulator).expect(200);
  return { agent, cookie: String(res.headers['set-cookie']).split(';')[0]! };
}

describe('a lost apply answer', () => {
  it('when the browser loses the answer, then the same idempotencyKey gives the same result, secret included, with no new B2 write', async () => {
    const { agent, cookie } = await connectBrowser();
    const figures: string[] = [];
    // Every B2 call takes 30 ms, so an apply takes a few hundred: the browser gives up part way.
    emulator.setLatency(30);
    try {
      for (const when of ['after apply finished', 'while apply still runs'] as const) {
        emulator.resetCallCounts();
        const name = uniqueName('lost');
        const body = { ...setupRequest('rclone', name), idempotencyKey: idempotencyKey() };
        expect(await applyAndLoseAnswer(cookie, body, 60)).toBe(false);
        if (when === 'after apply finished') await t.app.drain();
        const record = await t.records.get(cookie.split('=')[1]!, body.idempotencyKey);
        expect(record?.result != null).toBe(when === 'after apply finished');
        const writesBefore = writeCalls(emulator);

        const replay = await agent.post('/api/setup/apply').send(body).expect(200);
        const result = setupResultSchema.parse(replay.body);
        expect(result.verification.ok).toBe(true);
        expect(result.bucket.bucketName).toBe(name);
        expect(result.key.applicationKey).toMatch(/^K/);
        // The apply ran once: one bucket, one key, the one whose secret came back.
        expect(emulator.callCounts().b2_create_bucket).toBe(1);
        expect(emulator.callCounts().b2_create_key).toBe(1);
        const keys = emulator.state().keys.filter((k) => k.bucketId === result.bucket.bucketId);
        expect(keys.map((k) => k.applicationKeyId)).toEqual([result.key.applicationKeyId]);
        const replayWrites =
          when === 'after apply finished' ? writeCalls(emulator) - writesBefore : 0;
        expect(replayWrites).toBe(0);

        // And again: identical, and B2 hears nothing at all.
        const calls = totalCalls(emulator);
        const again = await agent.post('/api/setup/apply').send(body).expect(200);
        expect(again.body).toEqual(replay.body);
        expect(totalCalls(emulator)).toBe(calls);
        expect(
          await signsIn(emulator, result.key.applicationKeyId, result.key.applicationKey),
        ).toBe(true);
        figures.push(`${when}: same result with its secret, ${replayWrites} new B2 writes`);
      }
    } finally {
      emulator.setLatency(0);
    }
    console.log(`lost answer: ${figures.join('; ')}`);
  });

  it('when another session sends the same idempotencyKey, then it gets no result and no secret', async () => {
    const alice = await connectBrowser();
    const bob = await connectBrowser();
    const key = idempotencyKey();
    const body = { ...setupRequest('rclone', uniqueName('mine')), idempotencyKey: key };
    const mine = await alice.agent.post('/api/setup/apply').send(body).expect(200);

    const theirs = await bob.agent.post('/api/setup/apply').send(body);
    expect(theirs.status).toBe(409);
    expect(theirs.body.error.code).toBe('bucket_exists');
    expect(JSON.stringify(theirs.body)).not.toContain(mine.body.key.applicationKey);
    expect(JSON.stringify(theirs.body)).not.toContain(mine.body.key.applicationKeyId);

    // Forgotten: the session and its results are gone together.
    await alice.agent.delete('/api/session').expect(204);
    const after = await alice.agent.post('/api/setup/apply').send(body).expect(401);
    expect(after.body.error.code).toBe('not_connected');
    expect(JSON.stringify(after.body)).not.toContain(mine.body.key.applicationKey);
  });
});
