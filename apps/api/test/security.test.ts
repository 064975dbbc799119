import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@b2wiz/b2-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { B2Gateway } from '../src/b2/b2-types';
import { connectMaster, startApp, startEmulator, type TestApp } from './helpers';

let emulator: Emulator;
let t: TestApp;
let webDist: string;

beforeAll(async () => {
  emulator = await startEmulator();
  webDist = mkdtempSync(join(tmpdir(), 'b2wiz-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>B2 Setup Wizard</title>');
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'assets', 'app-1234.js'), 'console.log(1)');
  t = await startApp({ b2ApiUrl: emulator.url, config: { webDist } });
});
afterAll(async () => {
  await t.close();
  await emulator.close();
});

describe('CSRF', () => {
  it('when a state-changing request is not JSON, then 415 in plain words', async () => {
    const form = await t
      .agent()
      .post('/api/session')
      .type('form')
      .send('applicationKeyId=abc&applicationKey=def')
      .expect(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    expect(form.body.error.message).toContain('Content-Type: application/json');

    const text = await t
      .agent()
      .post('/api/setup/plan')
      .set('Content-Type', 'text/plain')
      .send('{}')
      .expect(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
  });

  it('when Origin names another site, then 403 cross_site_request before anything else', async () => {
    const res = await connectMaster(t.agent(), emulator)
      .set('Origin', 'https://evil.example')
      .expect(403);
    expect(res.body.error.code).toBe('cross_site_request');
    const nullOrigin = await connectMaster(t.agent(), emulator).set('Origin', 'null').expect(403);
    expect(nullOrigin.body.error.code).toBe('cross_site_request');
  });

  it('when Sec-Fetch-Site says cross-site or same-site, then 403', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await connectMaster(t.agent(), emulator).set('Sec-Fetch-Site', site).expect(403);
      expect(res.body.error.code).toBe('cross_site_request');
    }
  });

  it('when the request comes from our own origin, or from a script without Origin, then it is allowed', async () => {
    const host = new URL(t.url).host;
    await connectMaster(t.agent(), emulator)
      .set('Origin', `http://${host}`)
      .set('Sec-Fetch-Site', 'same-origin')
      .expect(200);
    await connectMaster(t.agent(), emulator).expect(200);
  });

  it('when a proxy ends TLS, then our own https origin is still recognised', async () => {
    const host = new URL(t.url).host;
    await connectMaster(t.agent(), emulator).set('Origin', `https://${host}`).expect(200);
    await connectMaster(t.agent(), emulator)
      .set('Origin', `https://${host}.evil.example`)
      .expect(403);
  });

  it('when a cross-site DELETE arrives, then it is refused too', async () => {
    const agent = t.agent();
    await connectMaster(agent, emulator).expect(200);
    await agent.delete('/api/session').set('Origin', 'https://evil.example').expect(403);
    await agent.get('/api/session').expect(200);
  });
});

describe('request bodies', () => {
  it('when the body is over 64 KB, then 413 payload_too_large as JSON', async () => {
    const big = { applicationKeyId: 'a'.repeat(70 * 1024), applicationKey: 'x' };
    const res = await t.agent().post('/api/session').send(big).expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toContain('64 KB');
  });

  it('when the JSON is malformed, then 400 invalid_json says where, without echoing the body', async () => {
    const res = await t
      .agent()
      .post('/api/session')
      .set('Content-Type', 'application/json')
      .send('{"applicationKeyId": "abc", "applicationKey": "K000SECRETSECRET" ')
      .expect(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(res.body.error.message).toMatch(/not valid JSON/);
    expect(res.body.error.message).toMatch(/near character \d+/);
    expect(JSON.stringify(res.body)).not.toContain('SECRET');
  });
});

describe('routes and headers', () => {
  it('when /api/health is asked, then it says it is up, and whether the sandbox is offered', async () => {
    const res = await t.agent().get('/api/health').expect(200);
    expect(res.body).toEqual({ ok: true, sandbox: false });
  });

  it('when an /api route does not exist, then 404 not_found as JSON', async () => {
    const res = await t.agent().get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('not_found');
    const post = await t.agent().post('/api/setup/nothing').send({}).expect(404);
    expect(post.body.error.code).toBe('not_found');
  });

  it('when any page is served, then strict security headers come with it', async () => {
    const res = await t.agent().get('/api/health').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['x-dns-prefetch-control']).toBe('off');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // The same headers on the next answer too (they are worked out once).
    const again = await t.agent().get('/api/health').expect(200);
    expect(again.headers['content-security-policy']).toBe(csp);
    expect(again.headers['x-frame-options']).toBe('DENY');
  });

  it('when a wizard URL is opened, then the built app is served (SPA fallback), assets too', async () => {
    const page = await t.agent().get('/setup/bucket').expect(200);
    expect(page.text).toContain('B2 Setup Wizard');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const asset = await t.agent().get('/assets/app-1234.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    // /api never falls back to the page.
    await t.agent().get('/api/setup/bucket').expect(404);
  });
});

describe('errors and logs keep secrets', () => {
  it('when something unexpected breaks, then 500 internal_error that leaks nothing', async () => {
    const broken: B2Gateway = {
      forRequest: () => broken,
      connect: () => {
        throw new Error('boom with token 4_secretTokenValue at /internal/path.ts');
      },
      resume: () => {
        throw new Error('not used');
      },
      s3: () => {
        throw new Error('not used');
      },
    };
    const app = await startApp({ b2ApiUrl: emulator.url, gateway: broken });
    try {
      const res = await connectMaster(app.agent(), emulator).expect(500);
      expect(res.body).toEqual({
        error: { code: 'internal_error', message: 'Something went wrong on our side. Try again.' },
      });
      expect(app.logs.join('\n')).not.toContain('secretTokenValue');
      expect(app.logs.some((l) => l.includes('"unexpected error"'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
