/**
 * Issue 17 benchmark, Tết arrivals: 100,000 declarations in a day with peaks of 200 req/s on the public
 * declaration form (POST /api/arrival-declarations), against the no-op route /api/health offered the same load
 * in the same run. A scaled sample of the day: the peak rate for BENCH_SECONDS (default 20 s: 4,000
 * declarations), from 2,000 addresses (one phone each, behind a trusted proxy's X-Forwarded-For, so the
 * per-address throttle sees what a real day gives it). SQLite by default; BENCH_ENGINES=sqlite,postgres for both.
 * Goal: declarations' p99 ≤ 50 ms, no errors. The load is an open loop (bench/load: Poisson arrivals from a
 * child process), so the CPU per answer printed is the server's alone.
 */
import path from 'node:path';
import { addDays } from '../src/core/dates.ts';
import { type Engine, openDb } from '../src/db/connection.ts';
import { seedDemo, seedReference } from '../src/demo/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { migrateToLatest } from '../src/server/migrations.ts';
import { NO_OP, offer } from './load/offer.ts';
import { benchDir, onEngines } from './rush.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const rate = Number(process.env.BENCH_RATE ?? 200);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite').split(',') as Engine[];
const CONNECTIONS = 50;
const ADDRESSES = 2000;
const ORIGINS = ['09205', '00004', '00001', '07510', '26734'];
const FAMILY = ['Nguyễn', 'Hoàng', 'Lương', 'Vi', 'Nông', 'Lăng', 'Triệu', 'Chu'];
const GIVEN = ['Văn Thắng', 'Thị Hoa', 'Văn Hùng', 'Thị Lan', 'Đức Anh', 'Thị Thu'];
const VACCINATION = ['full', 'full', 'full', 'partial', 'recovered', 'none'];

async function tetArrivals(engine: Engine, databaseUrl: string | null) {
  process.env.SAFEADAPT_TRUST_PROXY = '127.0.0.1';
  const db = openDb({ databaseUrl, sqliteFile: path.join(benchDir, 'arrivals.db'), dataDir: benchDir });
  await migrateToLatest(db);
  await seedReference(db);
  await seedDemo(db);
  const app = await buildApp({ db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const today = ((await (await fetch(`${base}/api/calendar`)).json()) as { today: string }).today;
  const communes = (
    await db.db.selectFrom('admin_units').select('code').where('district_code', '=', '186').execute()
  ).map((u) => u.code);
  const declarations = Array.from({ length: ADDRESSES }, (_, n) => ({
    method: 'POST',
    path: '/api/arrival-declarations',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${n >> 8}.${n & 255}.7` },
    body: JSON.stringify({
      fullName: `${FAMILY[n % FAMILY.length]} ${GIVEN[n % GIVEN.length]}`,
      phone: `09${String(10_000_000 + n).slice(-8)}`,
      originCode: ORIGINS[n % ORIGINS.length],
      arrivalDate: addDays(today, n % 15),
      vaccination: VACCINATION[n % VACCINATION.length],
      stay: { communeCode: communes[n % communes.length], address: 'Nhà bố mẹ' },
    }),
  }));
  const load = { rate, connections: CONNECTIONS };
  await offer(base, NO_OP, 2, load);
  await offer(base, declarations, 2, load);
  const noop = await offer(base, NO_OP, seconds, load);
  const declared = await offer(base, declarations, seconds, load);
  const stored = await db.db
    .selectFrom('arrivals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    `engine: ${engine}; ${rate} req/s offered for ${seconds} s (a scaled sample of 100,000 a day at the peak rate), ${CONNECTIONS} connections, ${ADDRESSES} addresses`,
  );
  console.log(
    `no-op /api/health:    ${noop.rate.toFixed(0)} req/s, p99 ${noop.p99} ms, ${noop.detail}, ${noop.cpu.toFixed(2)} ms CPU each`,
  );
  console.log(
    `public declarations:  ${declared.rate.toFixed(0)} req/s, p99 ${declared.p99} ms, ${declared.detail}, ${declared.cpu.toFixed(2)} ms CPU each; ${stored.n} stored`,
  );
  console.log(
    `ratio: declarations ${((declared.rate / noop.rate) * 100).toFixed(1)} % of the no-op's rate, p99 ${(declared.p99 / Math.max(1, noop.p99)).toFixed(1)}× the no-op's; goal p99 ≤ 50 ms: ${declared.p99 <= 50 ? 'met' : 'NOT met'}; errors ${declared.errors} (goal 0)`,
  );
  await app.close();
  await db.close();
}

await onEngines(engines, tetArrivals);
