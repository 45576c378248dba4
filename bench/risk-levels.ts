/**
 * Issue 16 benchmarks on the embedded database (SQLite), from the maintained counters only:
 *  - every commune of the country (≈ 10,600) assessed for one week (goal ≤ 1 s), and stored;
 *  - one province's levels (Lạng Sơn, 200 communes) as GET /api/risk-levels reads them (`riskLevels`: computed
 *    once, then kept while the province's counters — its audit chain — stay as they were): p95 of 50 runs
 *    (goal ≤ 20 ms); and the computation itself (`computeAssessments`, what a read after a change costs);
 *  - the province map's payload: JSON bytes and gzip bytes (goal ≤ 300 kB over the wire). Its first render on
 *    emulated slow 3G is measured by bench/risk-map.ts (`npm run bench -- risk-map`).
 * The counters are generated for every commune: two weeks of case day counts (severe cases included) and the
 * vaccination counters.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { addDays } from '../src/core/dates.ts';
import { openDb } from '../src/db/connection.ts';
import { seedReference } from '../src/demo/seed.ts';
import { systemScope } from '../src/features/auth/rules.ts';
import { AGE_BANDS } from '../src/features/persons/rules/age-bands.ts';
import { mulberry32 } from '../src/features/persons/rules/sampling.ts';
import {
  computeAssessments,
  riskLevels,
  storeAssessments,
} from '../src/features/risk-levels/assessment-store.ts';
import { levelMap } from '../src/features/risk-levels/map-store.ts';
import { weekDays } from '../src/features/risk-levels/rules/week.ts';
import { migrateToLatest } from '../src/server/migrations.ts';

const WEEK = '2022-W02';
const { monday } = weekDays(WEEK)!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-risk-'));
const db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'bench.db') });
const scope = systemScope('bench');
const rand = mulberry32(16);
const ms = (t0: number) => performance.now() - t0;
const p95 = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

await migrateToLatest(db);
await seedReference(db);
const communes = await db.db
  .selectFrom('admin_units')
  .select(['code', 'district_code', 'province_code', 'population'])
  .where('level', '=', 3)
  .execute();
console.log(`generating counters for ${communes.length.toLocaleString('en')} communes…`);
const batches = <T>(rows: T[], size: number) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
await db.db.transaction().execute(async (trx) => {
  const days = Array.from({ length: 14 }, (_, i) => addDays(monday, i - 7));
  const caseRows = communes.flatMap((c) =>
    days.map((day) => ({
      province_code: c.province_code!,
      district_code: c.district_code!,
      commune_code: c.code,
      day,
      new_cases: rand() < 0.3 ? Math.floor(rand() * 8) : 0,
      recovered: 0,
      deaths: rand() < 0.002 ? 1 : 0,
      severe_cases: rand() < 0.01 ? 1 : 0,
      new_contacts: 0,
      tests_done: Math.floor(rand() * 40),
      tests_positive: 0,
      home_change: 0,
      facility_change: 0,
      quarantine_change: 0,
    })),
  );
  for (const b of batches(caseRows, 500)) await trx.insertInto('case_day_counts').values(b).execute();
  const coverage = communes.flatMap((c) =>
    AGE_BANDS.map((band) => ({
      province_code: c.province_code!,
      unit_code: c.code,
      age_band: band,
      coverage: 'primaryComplete',
      count: Math.round((c.population / AGE_BANDS.length) * (0.6 + rand() * 0.4)),
    })),
  );
  for (const b of batches(coverage, 500)) await trx.insertInto('coverage_counters').values(b).execute();
  const milestones = coverage.flatMap((r) => [
    {
      province_code: r.province_code,
      unit_code: r.unit_code,
      milestone: 'firstDose',
      week: '2021-10-04',
      age_band: r.age_band,
      count: r.count,
    },
    {
      province_code: r.province_code,
      unit_code: r.unit_code,
      milestone: 'primaryComplete',
      week: '2021-11-01',
      age_band: r.age_band,
      count: r.count,
    },
  ]);
  for (const b of batches(milestones, 500)) await trx.insertInto('milestone_counters').values(b).execute();
});

// Warm the caches (unit tree, rule sets) as a running server has them.
await computeAssessments(db, scope, '20', WEEK);

let t0 = performance.now();
const country = await computeAssessments(db, scope, 'VN', WEEK);
const countryMs = ms(t0);
t0 = performance.now();
await storeAssessments(db, scope, 'VN', WEEK);
const storeMs = ms(t0);
const provinceRuns: number[] = [];
for (let i = 0; i < 50; i++) {
  t0 = performance.now();
  await riskLevels(db, scope, '20', WEEK);
  provinceRuns.push(ms(t0));
}
const firstRead = provinceRuns[0]!;
const computeRuns: number[] = [];
for (let i = 0; i < 50; i++) {
  t0 = performance.now();
  await computeAssessments(db, scope, '20', WEEK);
  computeRuns.push(ms(t0));
}
const map = JSON.stringify(await levelMap(db, scope, '20', WEEK));
const mapGzip = gzipSync(map).length;

const countryCommunes = country.filter((a) => a.unit.level === 3).length;
console.log(
  `country: ${countryCommunes.toLocaleString('en')} communes assessed in ${countryMs.toFixed(0)} ms (goal ≤ 1000 ms: ratio ${(countryMs / 1000).toFixed(2)}); stored in ${storeMs.toFixed(0)} ms`,
);
console.log(
  `province 20 levels (GET /api/risk-levels): p95 ${p95(provinceRuns).toFixed(1)} ms over 50 runs (goal ≤ 20 ms: ratio ${(p95(provinceRuns) / 20).toFixed(2)}); the first (computed) ${firstRead.toFixed(1)} ms`,
);
console.log(
  `province 20 computed from the counters (after any change): p50 ${[...computeRuns].sort((a, b) => a - b)[25]!.toFixed(1)} ms, p95 ${p95(computeRuns).toFixed(1)} ms (ratio to 20 ms ${(p95(computeRuns) / 20).toFixed(2)})`,
);
console.log(
  `province map: ${(map.length / 1024).toFixed(0)} kB JSON, ${(mapGzip / 1024).toFixed(0)} kB gzip (goal ≤ 300 kB: ratio ${(mapGzip / 1024 / 300).toFixed(2)})`,
);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
