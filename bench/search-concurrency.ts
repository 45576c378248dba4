/**
 * Issue 13: 20 concurrent person-name searches (an audited read of personal data: each one appends to the
 * audit log) over real HTTP, against the server on SQLite and on PostgreSQL (a throwaway cluster, as the tests
 * start one). Both servers are set up first, then measured in turn for a few rounds; prints each engine's
 * median req/s and the ratio of the medians, PostgreSQL / SQLite (goal ≥ 1).
 * BENCH_SECONDS (default 10) per run, BENCH_ROUNDS (default 3); BENCH_RESIDENTS=0 searches the demo district
 * without its residents.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, openDb } from '../src/db/connection.ts';
import { seedDemo, seedReference } from '../src/demo/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { migrateToLatest } from '../src/server/migrations.ts';
import { startCluster } from '../test/support/postgres-cluster.ts';
import { demoCookie } from './support/login.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const residents = process.env.BENCH_RESIDENTS !== '0';
const CONNECTIONS = 20;
// Common family and given-name prefixes, typed without diacritics as officers type them.
const QUERIES = ['nguyen', 'tran', 'hoang', 'nong', 'hoa', 'van', 'thi', 'linh', 'lan', 'duc'];

/** A server on a freshly seeded database, ready to measure: `rate(seconds)` answers its req/s. */
async function serve(db: Db) {
  await migrateToLatest(db);
  await seedReference(db);
  await seedDemo(db, { residents });
  const app = await buildApp({ db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const cookie = await demoCookie(base, 'demo.huyen');
  const run = async (duration: number) => {
    // The load generator runs in a worker thread, so it does not share the server's event loop.
    const result = await autocannon({
      url: base,
      headers: { cookie },
      connections: CONNECTIONS,
      duration,
      workers: 1,
      requests: QUERIES.map((q) => ({ method: 'GET' as const, path: `/api/persons?q=${q}&unit=06400` })),
    });
    if (result.non2xx) throw new Error(`${result.non2xx} non-2xx answers`);
    return result.requests.average;
  };
  // The seed leaves every resident's vaccination status to sync, 30 s of work on PostgreSQL that would run
  // during the measurement: the searches are measured once the background jobs have run.
  for (const { name } of await app.jobs.states()) await app.jobs.runNow(name);
  // PostgreSQL's autovacuum would otherwise vacuum and analyze the freshly loaded tables during the
  // measurement (a minute after the load: 611.8 req/s that run against 876.2 after this, same code). A
  // deployment reaches that state within minutes of a bulk load; SQLite has no such background work.
  if (db.engine === 'postgres') await sql`vacuum (analyze)`.execute(db.db);
  return {
    // Warmed up just before (JIT, caches, and the pool's connections, which close after a while idle).
    rate: async (duration: number) => {
      await run(2);
      return run(duration);
    },
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-search-'));
const cluster = await startCluster();
const rates = { SQLite: [] as number[], PostgreSQL: [] as number[] };
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const url = cluster.url.replace(/\/[^/]*$/, '/bench');
  const servers = {
    SQLite: await serve(openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'bench.db') })),
    PostgreSQL: await serve(openDb({ databaseUrl: url, sqliteFile: '', dataDir: path.join(dir, 'pg') })),
  };
  // Rounds in turn, so a drift of the machine weighs on both engines alike; the order alternates, so neither
  // always runs during what the other leaves behind (PostgreSQL's autovacuum of the audit log just written).
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? (['PostgreSQL', 'SQLite'] as const) : (['SQLite', 'PostgreSQL'] as const);
    for (const engine of order) rates[engine].push(await servers[engine].rate(seconds));
  }
  for (const server of Object.values(servers)) await server.close();
} finally {
  await cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(
  `${CONNECTIONS} concurrent name searches, ${rounds} rounds of ${seconds} s per engine in turn, demo district${residents ? ' with residents' : ''}`,
);
for (const [engine, each] of Object.entries(rates))
  console.log(
    `${`${engine}:`.padEnd(12)}median ${median(each).toFixed(1)} req/s (rounds: ${each.map((r) => r.toFixed(1)).join(', ')})`,
  );
console.log(
  `ratio PostgreSQL / SQLite: ${(median(rates.PostgreSQL) / median(rates.SQLite)).toFixed(2)} (goal ≥ 1)`,
);
