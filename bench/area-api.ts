/**
 * Issue 3 benchmark: an authenticated area-page API read (GET /api/admin-units/186 as the district user:
 * session lookup, jurisdiction check, unit + 24 communes + organizations) against a no-op Fastify route
 * on the same server, same process, same run. Goal: ≥ 50 % of the no-op route's requests per second.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDb } from '../src/db/connection.ts';
import { seedDemo, seedReference } from '../src/demo/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { migrateToLatest } from '../src/server/migrations.ts';
import { demoCookie } from './support/login.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-'));
const db = openDb({
  databaseUrl: process.env.DATABASE_URL || null,
  sqliteFile: path.join(dir, 'bench.db'),
  dataDir: dir,
});
await migrateToLatest(db);
await seedReference(db);
await seedDemo(db);
const app = await buildApp({
  db,
  extraRoutes: (a) =>
    a.get('/api/bench/noop', { config: { access: { public: true } } }, async () => ({ ok: true })),
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const cookie = await demoCookie(base, 'demo.huyen');

async function measure(url: string, headers: Record<string, string> = {}, duration = seconds) {
  // The load generator runs in a worker thread, on the other core, so it does not share the server's event loop.
  const result = await autocannon({ url: base + url, headers, connections: 10, duration, workers: 1 });
  if (result.non2xx) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

// Warm both paths up first (JIT, caches), so neither is measured cold.
await measure('/api/bench/noop', {}, 2);
await measure('/api/admin-units/186', { cookie }, 2);
const noop = await measure('/api/bench/noop');
const area = await measure('/api/admin-units/186', { cookie });
console.log(`engine: ${db.engine}, ${seconds} s each, 10 connections`);
console.log(`no-op route:            ${noop.toFixed(0)} req/s`);
console.log(`area page (authorized): ${area.toFixed(0)} req/s`);
console.log(`ratio: ${((area / noop) * 100).toFixed(1)} % of the no-op route (goal ≥ 50 %)`);
await app.close();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
