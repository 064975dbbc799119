// Handover links at their edges: bad input names its field, a body too large is refused, making a
// link needs a session and a same-site JSON request, reads are rate-limited, the page is served
// under the app's CSP, and no id or ciphertext reaches the log.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@b2wiz/b2-emulator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMaster, startApp, startEmulator, type TestApp } from './helpers';

let emulator: Emulator;
let t: TestApp;
let webDist: string;
const HANDOVER_HTML = '<!doctype html><html lang="en"><head><title>Handover</title></head></html>';

beforeAll(async () => {
  emulator = await startEmulator();
  webDist = mkdtempSync(join(tmpdir(), 'b2wiz-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>wizard</title>');
  writeFileSync(join(webDist, 'handover.html'), HANDOVER_HTML);
  t = await startApp({
    b2ApiUrl: emulator.url,
    config: { webDist, handoverReadRateLimit: { windowMs: 60_000, max: 3 } },
  });
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
  rmSync(webDist, { recursive: true, force: true });
});

async function connected() {
  const agent = t.agent();
  await connectMaster(agent, emulator).expect(200);
  return agent;
}

const ciphertext = randomBytes(120).toString('base64url');

describe('making a handover link', () => {
  it.each([
    [{ ciphertext, ttlHours: 0 }, 'ttlHours', 'A link works for at least 1 hour.'],
    [{ ciphertext, ttlHours: 169 }, 'ttlHours', 'A link works for at most 168 hours (a week).'],
    [
      { ciphertext, ttlHours: 1.5 },
      'ttlHours',
      'Say how long the link works in whole hours (1 to 168).',
    ],
    [
      { ciphertext, ttlHours: '24' },
      'ttlHours',
      'Say how long the link works, in hours (1 to 168).',
    ],
    [
      { ttlHours: 24 },
      'ciphertext',
      'Send the encrypted bundle as base64url text in “ciphertext”.',
    ],
    [
      { ciphertext: 'abc' },
      'ciphertext',
      'The encrypted bundle is too short to be one. Make the link again.',
    ],
    [
      { ciphertext: `${ciphertext}+/=` },
      'ciphertext',
      'The encrypted bundle must be base64url text (letters, digits, - and _).',
    ],
    [
      { ciphertext: 'a'.repeat(48_001) },
      'ciphertext',
      'The encrypted bundle is too large (at most 48000 characters). Leave some files out.',
    ],
  ])('when a bad body is sent (%#), then 400 names the field', async (body, field, message) => {
    const agent = await connected();
    const res = await agent.post('/api/handovers').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.issues).toEqual([{ field, message }]);
  });

  it('when the body is over the 64 KB limit, then 413 payload_too_large', async () => {
    const agent = await connected();
    const res = await agent.post('/api/handovers').send({ ciphertext: 'a'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('when no session sends it, then 401 not_connected and nothing is made', async () => {
    const res = await request(t.server).post('/api/handovers').send({ ciphertext });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('not_connected');
  });

  it('when another site sends it, or sends it as a form, then it is refused', async () => {
    const agent = await connected();
    const cross = await agent
      .post('/api/handovers')
      .set('Origin', 'https://evil.example')
      .send({ ciphertext });
    expect(cross.status).toBe(403);
    expect(cross.body.error.code).toBe('cross_site_request');
    const form = await agent.post('/api/handovers').type('form').send(`ciphertext=${ciphertext}`);
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    expect((await agent.get('/api/handovers')).body).toEqual({ handovers: [] });
  });
});

describe('reading handover links', () => {
  it('when one address reads more than the limit allows, then 429 rate_limited, even for a good link', async () => {
    const agent = await connected();
    const made = await agent.post('/api/handovers').send({ ciphertext }).expect(201);
    const id: string = made.body.id;
    for (let i = 0; i < 3; i += 1) {
      const res = await request(t.server).post('/api/handovers/AAAAAAAAAAAAAAAAAAAAAA').send({});
      expect(res.status).toBe(404);
    }
    const limited = await request(t.server).post(`/api/handovers/${id}`).send({});
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.message).toBe(
      'Too many handover links were opened from this address. Wait a minute, then reload the page.',
    );
    // Held back, not used up: the sender still sees it waiting.
    const list = await agent.get('/api/handovers');
    expect(list.body.handovers).toEqual([{ id, expiresAt: made.body.expiresAt, state: 'waiting' }]);
  });

  it('when the link’s page is asked for, then handover.html comes under the strict CSP, unindexed', async () => {
    const res = await request(t.server).get('/handover/AAAAAAAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(200);
    expect(res.text).toBe(HANDOVER_HTML);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-robots-tag']).toBe('noindex');
  });

  it('when links are made and read, then the log holds neither their ids nor their ciphertext', async () => {
    const agent = await connected();
    const before = t.logs.length;
    const made = await agent.post('/api/handovers').send({ ciphertext }).expect(201);
    const id: string = made.body.id;
    await request(t.server).get(`/handover/${id}`).expect(200);
    const logs = t.logs.slice(before).join('\n');
    expect(logs).toContain('"path":"/api/handovers"');
    expect(logs).toContain('"path":"/handover/:id"');
    expect(logs).not.toContain(id);
    expect(logs).not.toContain(ciphertext);
  });
});
