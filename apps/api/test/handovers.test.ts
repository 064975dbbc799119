// Handover links over real HTTP: read once, refused after, one winner of two readers at once,
// expired and revoked links refused with the reason, revoking only by the sending session, and a
// link that outlives the session that sent it.
import { randomBytes } from 'node:crypto';
import type { Emulator } from '@b2wiz/b2-emulator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMaster, startApp, startEmulator, type TestApp } from './helpers';

let emulator: Emulator;
let t: TestApp;

beforeAll(async () => {
  emulator = await startEmulator();
  t = await startApp({ b2ApiUrl: emulator.url });
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

type Agent = ReturnType<TestApp['agent']>;

async function connected(): Promise<Agent> {
  const agent = t.agent();
  await connectMaster(agent, emulator).expect(200);
  return agent;
}

/** Stands in for what the browser encrypts: the server only ever sees opaque base64url. */
const ciphertext = () => randomBytes(300).toString('base64url');

async function send(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/handovers').send(body);
  expect(res.status).toBe(201);
  return res.body as { id: string; expiresAt: string };
}

/** A read as the customer's page makes it: no cookie, a JSON POST. */
const read = (id: string) => request(t.server).post(`/api/handovers/${id}`).send({});

describe('a handover link', () => {
  it('when it is made, then it answers an id and an expiry 24 hours on; read once it gives the ciphertext, and a second read is refused as opened', async () => {
    const agent = await connected();
    const sealed = ciphertext();
    const link = await send(agent, { ciphertext: sealed });
    expect(link.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(link.expiresAt).toBe(new Date(t.clock.now() + 24 * 3_600_000).toISOString());

    const first = await read(link.id);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ciphertext: sealed });
    expect(first.headers['cache-control']).toBe('no-store');

    const second = await read(link.id);
    expect(second.status).toBe(410);
    expect(second.body.error.code).toBe('handover_opened');
    expect(second.body.error.message).toBe(
      'This link was already opened, and a link works only once, so what it held is gone.',
    );
  });

  it('when five readers ask at once, then exactly one gets the ciphertext and four are told it was opened', async () => {
    const agent = await connected();
    const sealed = ciphertext();
    const { id } = await send(agent, { ciphertext: sealed, ttlHours: 2 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => read(id)));
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(won[0]!.body.ciphertext).toBe(sealed);
    expect(answers.filter((a) => a.status === 410).map((a) => a.body.error.code)).toEqual([
      'handover_opened',
      'handover_opened',
      'handover_opened',
      'handover_opened',
    ]);
  });

  it('when its time is up, then a read is refused as expired, naming when', async () => {
    const agent = await connected();
    const made = t.clock.now();
    const { id, expiresAt } = await send(agent, { ciphertext: ciphertext(), ttlHours: 1 });
    expect(expiresAt).toBe(new Date(made + 3_600_000).toISOString());
    t.clock.advance(3_600_000);
    const res = await read(id);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('handover_expired');
    const when = new Date(made + 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(res.body.error.message).toBe(
      `This link expired on ${when} UTC, so what it held was deleted.`,
    );
  });

  it('when the sender revokes it, then the answer says revoked and a read is refused as revoked', async () => {
    const agent = await connected();
    const { id, expiresAt } = await send(agent, { ciphertext: ciphertext() });
    const revoked = await agent.delete(`/api/handovers/${id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ id, expiresAt, state: 'revoked' });
    const res = await read(id);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('handover_revoked');
    expect(res.body.error.message).toBe(
      'The person who sent this link revoked it, so what it held was deleted.',
    );
  });

  it('when another session tries to revoke it, then 403 handover_not_yours, and the link still works', async () => {
    const sender = await connected();
    const other = await connected();
    const sealed = ciphertext();
    const { id } = await send(sender, { ciphertext: sealed });
    const res = await other.delete(`/api/handovers/${id}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('handover_not_yours');
    expect((await read(id)).body).toEqual({ ciphertext: sealed });
  });

  it('when revoking without a session, then 401 not_connected', async () => {
    const sender = await connected();
    const { id } = await send(sender, { ciphertext: ciphertext() });
    const res = await request(t.server).delete(`/api/handovers/${id}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('not_connected');
  });

  it('when the sender pressed “Forget my credentials”, then the link still gives its ciphertext once', async () => {
    const agent = await connected();
    const sealed = ciphertext();
    const { id } = await send(agent, { ciphertext: sealed });
    await agent.delete('/api/session').expect(204);
    expect((await agent.get('/api/session')).status).toBe(401);
    const res = await read(id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ciphertext: sealed });
  });

  it('when the sending session expired from disuse, then the link still works', async () => {
    const agent = await connected();
    const sealed = ciphertext();
    const { id } = await send(agent, { ciphertext: sealed, ttlHours: 3 });
    t.clock.advance(31 * 60_000);
    expect((await agent.get('/api/session')).status).toBe(401);
    expect((await read(id)).body).toEqual({ ciphertext: sealed });
  });

  it('when a link is unknown or its id malformed, then 404 handover_not_found', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', 'x'.repeat(200)]) {
      const res = await read(id);
      expect(res.status, id).toBe(404);
      expect(res.body.error.code, id).toBe('handover_not_found');
    }
  });

  it('when a GET asks for a link (a chat preview), then nothing is handed out and it still reads after', async () => {
    const agent = await connected();
    const sealed = ciphertext();
    const { id } = await send(agent, { ciphertext: sealed });
    const peek = await request(t.server).get(`/api/handovers/${id}`);
    expect(peek.status).toBe(404);
    expect(peek.text).not.toContain(sealed);
    expect((await read(id)).body).toEqual({ ciphertext: sealed });
  });
});

describe('GET /api/handovers', () => {
  it('lists this session’s links newest first with their state, and none of another session’s', async () => {
    const agent = await connected();
    const waiting = await send(agent, { ciphertext: ciphertext(), ttlHours: 5 });
    const opened = await send(agent, { ciphertext: ciphertext(), ttlHours: 6 });
    const revoked = await send(agent, { ciphertext: ciphertext(), ttlHours: 7 });
    await read(opened.id).expect(200);
    await agent.delete(`/api/handovers/${revoked.id}`).expect(200);

    const res = await agent.get('/api/handovers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      handovers: [
        { id: revoked.id, expiresAt: revoked.expiresAt, state: 'revoked' },
        { id: opened.id, expiresAt: opened.expiresAt, state: 'opened' },
        { id: waiting.id, expiresAt: waiting.expiresAt, state: 'waiting' },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain('ciphertext');

    const other = await connected();
    expect((await other.get('/api/handovers')).body).toEqual({ handovers: [] });
  });

  it('when revoking a link that was already opened, then it stays opened', async () => {
    const agent = await connected();
    const { id, expiresAt } = await send(agent, { ciphertext: ciphertext() });
    await read(id).expect(200);
    const res = await agent.delete(`/api/handovers/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, expiresAt, state: 'opened' });
  });
});
