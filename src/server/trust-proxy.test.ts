import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/connection.ts';
import { buildApp } from './app.ts';
import { trustProxySetting } from './trust-proxy.ts';

describe('SAFEADAPT_TRUST_PROXY', () => {
  it('reads a number of proxies or a list of their addresses', () => {
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting('0')).toBe(false);
    const oneHop = trustProxySetting('1') as (address: string, hop: number) => boolean;
    expect([oneHop('10.0.0.5', 0), oneHop('203.0.113.7', 1)]).toEqual([true, false]);
    expect(trustProxySetting('10.0.0.1, 10.0.1.0/24')).toEqual(['10.0.0.1', '10.0.1.0/24']);
  });

  const db = openDb({ databaseUrl: null, sqliteFile: ':memory:' });
  afterAll(() => db.close());

  it('takes the rightmost address the proxy added, not the one the client wrote (was the leftmost)', async () => {
    const before = process.env.SAFEADAPT_TRUST_PROXY;
    process.env.SAFEADAPT_TRUST_PROXY = '1';
    const app = await buildApp({
      db,
      extraRoutes: (a) =>
        a.get('/api/test/ip', { config: { access: { public: true } } }, async (r) => ({ ip: r.ip })),
    });
    process.env.SAFEADAPT_TRUST_PROXY = before;
    const res = await app.inject({
      url: '/api/test/ip',
      remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' },
    });
    expect(res.json()).toEqual({ ip: '203.0.113.7' });
    await app.close();
  });
});
