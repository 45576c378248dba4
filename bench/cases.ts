/**
 * Issue 15 benchmarks, on a province (Lạng Sơn) with BENCH_CASES (50,000) cases over the winter wave, their
 * transfers, outcomes and tests:
 *  - the case summary of the province (GET /api/cases/summary without HTTP: the maintained day rows) against a
 *    recount from the raw rows (recountDayCounts, then summed the same way): p95 (goal ≤ 20 ms), ≥ 50× faster;
 *  - the morning rush: BENCH_RUSH_CASES (20,000) home-treated F0 post their checks through their personal links,
 *    1,000 requests per second offered open loop (bench/load) for BENCH_SECONDS (60), against the no-op
 *    /api/health in the same run:
 *    achieved rate as a share of the no-op's (goal ≥ 50 %), p99, errors; on SQLite and PostgreSQL
 *    (BENCH_ENGINES=sqlite to run one; DATABASE_URL, or a throwaway cluster).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, vietnamToday } from '../src/core/dates.ts';
import { insertRows } from '../src/db/bulk-insert.ts';
import { type Db, type Engine, openDb } from '../src/db/connection.ts';
import { seedReference } from '../src/demo/seed.ts';
import { unitTree } from '../src/features/admin-units/index.ts';
import { systemScope } from '../src/features/auth/rules.ts';
import { insertCases } from '../src/features/cases/cases-store.ts';
import {
  applyCounts,
  computeDaySummary,
  daySummary,
  recountDayCounts,
} from '../src/features/cases/counts-store.ts';
import { testCounts } from '../src/features/cases/rules/day-counts.ts';
import { createPersons, mulberry32 } from '../src/features/persons/index.ts';
import { buildApp } from '../src/server/app.ts';
import { migrateToLatest } from '../src/server/migrations.ts';
import { personInput } from '../test/support/persons.ts';
import { startCluster } from '../test/support/postgres-cluster.ts';
import { NO_OP, offer } from './load/offer.ts';

const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const RUSH_CASES = Number(process.env.BENCH_RUSH_CASES ?? 20_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const rate = Number(process.env.BENCH_RATE ?? 1000);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').filter(Boolean) as Engine[];
const CONNECTIONS = 100;
const PROVINCE = '20';
const WAVE = { from: '2021-11-01', days: 120 };
const DAY = '2022-01-31';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-cases-'));
const ms = (t0: number) => performance.now() - t0;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

/** `count` persons with a case each in the province's communes: on home treatment from `today` when given. */
async function fill(db: Db, count: number, today: string | null) {
  const tree = await unitTree(db);
  const communes = tree.children(PROVINCE).flatMap((d) => tree.children(d.code));
  const rand = mulberry32(15);
  const now = new Date().toISOString();
  const ids: number[] = [];
  for (let start = 0; start < count; start += 2000)
    await db.db.transaction().execute(async (trx) => {
      const batch = Array.from({ length: Math.min(2000, count - start) }, (_, i) => {
        const c = communes[(start + i) % communes.length]!;
        const place = { province_code: PROVINCE, district_code: c.district_code!, commune_code: c.code };
        const birthYear = 1950 + Math.floor(rand() * 60);
        const person = personInput({
          fullName: `Người Bệnh ${start + i}`,
          birthDate: `${birthYear}-06-15`,
          birthYear,
        });
        return { person, place };
      });
      const personIds = await createPersons(db, trx, batch, { note: 'bench', kind: 'bench' });
      const cases = batch.map(({ place }, i) => {
        const day = today ?? addDays(WAVE.from, Math.floor(WAVE.days * Math.sqrt(rand())));
        const recovered = !today && addDays(day, 10) <= DAY && rand() < 0.9;
        return {
          ...place,
          person_id: personIds[i]!,
          sample_date: day,
          test_kind: 'rapidAntigen',
          confirmed_on: day,
          place_of_care: today || rand() < 0.85 ? 'home' : 'facility',
          severity: null,
          status: recovered ? 'recovered' : 'treating',
          outcome_on: recovered ? addDays(day, 10) : null,
          source_case_id: null,
          note: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        };
      });
      const stored = await insertCases(db, trx, tree, cases);
      ids.push(...stored.map((c) => c.id));
      // Each case's positive test among two negative ones of the same day.
      const rows = cases.flatMap((c) =>
        ['positive', 'negative', 'negative'].map((result) => ({
          province_code: c.province_code,
          district_code: c.district_code,
          commune_code: c.commune_code,
          person_id: null,
          kind: 'rapidAntigen',
          sample_date: c.sample_date,
          result,
          place: null,
          taken_by: null,
          created_at: now,
        })),
      );
      await insertRows(db, trx, 'covid_tests', rows);
      await applyCounts(trx, tree, rows.flatMap(testCounts));
    });
  return ids;
}

/** The province's summary from the raw rows: every record's counts recomputed, summed like daySummary. */
async function recountedSummary(db: Db) {
  const net = await recountDayCounts(db.db);
  const weekStart = addDays(DAY, -6);
  const totals = new Map<string, number>();
  for (const [key, n] of net) {
    const [, day, field] = key.split('|') as [string, string, string];
    if (day > DAY) continue;
    const levels = field.endsWith('_change');
    if (levels || day === DAY) totals.set(field, (totals.get(field) ?? 0) + n);
    if (field === 'new_cases' && day >= weekStart) totals.set('last7', (totals.get('last7') ?? 0) + n);
  }
  return totals;
}

async function summaryBench() {
  const db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'summary.db') });
  await migrateToLatest(db);
  await seedReference(db);
  let t0 = performance.now();
  await fill(db, CASES, null);
  console.log(
    `${CASES.toLocaleString('en')} cases with tests and outcomes in ${(ms(t0) / 1000).toFixed(1)} s (SQLite)`,
  );
  const scope = systemScope('bench');
  const fast: number[] = [];
  let summary = await daySummary(db, scope, PROVINCE, DAY);
  for (let i = 0; i < 220; i++) {
    t0 = performance.now();
    summary = await daySummary(db, scope, PROVINCE, DAY);
    if (i >= 20) fast.push(ms(t0));
  }
  // Cold: computed from the day rows each time (what a read right after a change costs).
  const cold: number[] = [];
  const unit = (await unitTree(db)).get(PROVINCE)!;
  for (let i = 0; i < 120; i++) {
    t0 = performance.now();
    await computeDaySummary(db, unit, DAY);
    if (i >= 20) cold.push(ms(t0));
  }
  const slow: number[] = [];
  let recount = await recountedSummary(db);
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    recount = await recountedSummary(db);
    slow.push(ms(t0));
  }
  const province = summary.units[0]!;
  if (
    province.underTreatmentHome !== (recount.get('home_change') ?? 0) ||
    province.casesLast7Days !== recount.get('last7')
  )
    throw new Error('the maintained summary differs from the recount');
  const p50 = quantile(fast, 0.5);
  const p95 = quantile(fast, 0.95);
  const raw = quantile(slow, 0.5);
  console.log(
    `province summary (${summary.units.length} units): p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (goal ≤ 20)`,
  );
  console.log(
    `  uncached (right after a change): p50 ${quantile(cold, 0.5).toFixed(2)} ms, p95 ${quantile(cold, 0.95).toFixed(2)} ms`,
  );
  console.log(`recount from the raw rows: median ${raw.toFixed(0)} ms`);
  console.log(
    `ratio: ${(raw / p50).toFixed(0)}× at the median, ${(raw / p95).toFixed(0)}× against the p95 (goal ≥ 50×); uncached ${(raw / quantile(cold, 0.95)).toFixed(0)}× against its p95`,
  );
  await db.close();
}

async function rush(engine: Engine, databaseUrl: string | null) {
  const db = openDb({ databaseUrl, sqliteFile: path.join(dir, 'rush.db'), dataDir: dir });
  await migrateToLatest(db);
  await seedReference(db);
  const ids = await fill(db, RUSH_CASES, vietnamToday());
  const tokens = ids.map(() => randomBytes(24).toString('base64url'));
  const now = new Date().toISOString();
  const links = ids.map((case_id, i) => ({
    case_id,
    province_code: PROVINCE,
    token_hash: createHash('sha256').update(tokens[i]!).digest('hex'),
    created_at: now,
  }));
  for (let i = 0; i < links.length; i += 2000)
    await insertRows(db, db.db, 'check_links', links.slice(i, i + 2000));
  const app = await buildApp({ db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  // Each home-treated F0 posts a check through their personal link.
  const checks = tokens.map((token, i) => ({
    method: 'POST',
    path: `/api/check-links/${token}/checks`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      spo2: 97 + (i % 3),
      respiratoryRate: 16 + (i % 3),
      temperature: 37 + (i % 5) / 10,
      signs: [],
    }),
  }));
  const load = { rate, connections: CONNECTIONS };
  await offer(base, NO_OP, 2, load);
  await offer(base, checks, 2, load);
  const noop = await offer(base, NO_OP, seconds, load);
  const posted = await offer(base, checks, seconds, load);
  console.log(
    `engine: ${engine}; ${rate} req/s offered for ${seconds} s, ${CONNECTIONS} connections, ${RUSH_CASES.toLocaleString('en')} home-treated F0`,
  );
  console.log(
    `no-op /api/health: ${noop.rate.toFixed(0)} req/s, p99 ${noop.p99} ms, ${noop.detail}, ${noop.cpu.toFixed(2)} ms CPU each`,
  );
  console.log(
    `checks by link:    ${posted.rate.toFixed(0)} req/s, p99 ${posted.p99} ms, ${posted.detail}, ${posted.cpu.toFixed(2)} ms CPU each`,
  );
  console.log(
    `share: ${((posted.rate / noop.rate) * 100).toFixed(1)} % of the no-op (goal ≥ 50 %); p99 ${posted.p99} ms (goal ≤ 50); errors ${posted.errors} (goal 0)`,
  );
  await app.close();
  await db.close();
}

try {
  await summaryBench();
  for (const engine of engines) {
    if (engine === 'sqlite') await rush('sqlite', null);
    else if (process.env.DATABASE_URL) await rush('postgres', process.env.DATABASE_URL);
    else {
      const cluster = await startCluster();
      try {
        await rush('postgres', cluster.url);
      } finally {
        await cluster.stop();
      }
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
