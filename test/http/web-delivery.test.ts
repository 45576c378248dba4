import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../support/http.ts';

/** The web app as a phone on a slow link receives it (`npm test` builds dist/web before the tests run). */
describe('web delivery', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(() => server.close());

  const vendor = fs.readdirSync('dist/web/assets').find((f) => /^vendor-.*\.js$/.test(f))!;

  it('sends hashed assets precompressed (brotli, else gzip) and cached for a year', async () => {
    const raw = fs.statSync(`dist/web/assets/${vendor}`).size;
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const res = await fetch(`${server.base}/assets/${vendor}`, { headers: { 'accept-encoding': accept! } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(Number(res.headers.get('content-length'))).toBeLessThan(raw * 0.4);
    }
  });

  it('sends the page with security headers that the app passes (the browser tests run under them)', async () => {
    const res = await fetch(`${server.base}/areas/186`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });
});
