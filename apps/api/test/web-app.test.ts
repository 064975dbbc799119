// The built web app as the API serves it: compressed, hashed assets cached for good, index.html
// checked on every load, robots.txt and favicon.ico answered, and a missing file a plain 404.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers';

let t: TestApp;
let webDist: string;
/** Large enough to be worth compressing (the threshold is 1 KB). */
const ASSET = `export const steps = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `step-${i}`))};\n`;
const INDEX = `<!doctype html><html lang="en"><head><title>B2 Setup Wizard</title><script type="module" src="/assets/index-a1b2c3.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>`;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'b2wiz-web-'));
  writeFileSync(join(webDist, 'index.html'), INDEX);
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'assets', 'index-a1b2c3.js'), ASSET);
  t = await startApp({ config: { webDist } });
});
afterAll(async () => {
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

/** The built JS asset, asked for with `acceptEncoding`; 200 expected. */
const getAsset = (acceptEncoding: string) =>
  t.agent().get('/assets/index-a1b2c3.js').set('Accept-Encoding', acceptEncoding).expect(200);

describe('the built web app', () => {
  it('when a browser accepts gzip, then a JS asset comes gzipped, cached for a year as immutable, under the CSP', async () => {
    const res = await getAsset('gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).toBe(ASSET); // supertest unzips it: the same bytes
  });

  it('when a browser accepts brotli, then it gets brotli; without an Accept-Encoding, the plain file', async () => {
    const br = await getAsset('br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await getAsset('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(ASSET);
  });

  it('when index.html is loaded, at / or a wizard URL or by name, then it is compressed and never used unchecked from a cache', async () => {
    for (const path of ['/', '/setup/bucket', '/index.html']) {
      const res = await t.agent().get(path).set('Accept-Encoding', 'gzip').expect(200);
      expect(res.headers['content-type'], path).toMatch(/text\/html/);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.headers['content-encoding'], path).toBe('gzip');
      expect(res.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(res.text, path).toBe(INDEX);
    }
  });

  it('when the API answers, then its JSON is not compressed and never stored', async () => {
    const res = await t.agent().get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when robots.txt and favicon.ico are asked for, then each gets its own answer, not the page', async () => {
    const robots = await t.agent().get('/robots.txt').expect(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.text).toBe('User-agent: *\nAllow: /\n');
    const icon = await t.agent().get('/favicon.ico').expect(204);
    expect(icon.headers['content-type'] ?? '').not.toMatch(/html/);
  });

  it('when a file that does not exist is asked for, then 404, not index.html', async () => {
    for (const path of ['/assets/index-gone.js', '/assets/no-extension', '/logo.png', '/x/y.css']) {
      const res = await t.agent().get(path).expect(404);
      expect(res.headers['content-type'], path).not.toMatch(/html/);
      expect(res.body.error.code, path).toBe('not_found');
    }
  });

  it('when there is no build, then robots.txt is still answered', async () => {
    const bare = await startApp({ config: { webDist: null } });
    try {
      const robots = await bare.agent().get('/robots.txt').expect(200);
      expect(robots.text).toBe('User-agent: *\nAllow: /\n');
      await bare.agent().get('/setup/bucket').expect(404);
    } finally {
      await bare.close();
    }
  });
});
