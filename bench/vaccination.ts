/**
 * Issue 6 benchmarks on the embedded database (SQLite), at province scale: Lạng Sơn's communes filled with
 * ≈ 800,000 generated residents, and ≈ 2,000,000 doses imported from the national-platform layout (one CSV
 * per district, as district health centres export them).
 *  - dose import rows/s against the ceiling: the same rows inserted with one prepared statement in one
 *    transaction on the same database (print the ratio);
 *  - province coverage view (GET /api/vaccination/coverage?unit=20 without HTTP: jurisdiction, sync check and
 *    counters): p95 (goal ≤ 20 ms), against a plain GROUP BY over the raw persons and doses (goal ≥ 50×).
 * BENCH_SCALE=0.1 for a quick run (80,000 residents).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { addDays, addMonths, formatDay } from '../src/core/dates.ts';
import { openDb } from '../src/db/connection.ts';
import { seedReference } from '../src/demo/seed.ts';
import { hashCode, splitPopulation } from '../src/features/admin-units/population.ts';
import { systemScope } from '../src/features/auth/rules.ts';
import { seedResidents } from '../src/features/persons/demo-residents.ts';
import { birthDateRange } from '../src/features/persons/rules/age-bands.ts';
import { mulberry32 } from '../src/features/persons/rules/sampling.ts';
import { coverage } from '../src/features/vaccination/coverage-store.ts';
import { planDemoDoses } from '../src/features/vaccination/demo-doses.ts';
import { importDoses } from '../src/features/vaccination/import/import-doses.ts';
import { AGE_BANDS, bandOn } from '../src/features/vaccination/rules/age-groups.ts';
import type { DoseFact } from '../src/features/vaccination/rules/dose-series.ts';
import { VACCINES } from '../src/features/vaccination/rules/vaccines.ts';
import { syncStatuses } from '../src/features/vaccination/status-store.ts';
import { migrateToLatest } from '../src/server/migrations.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RESIDENTS = Math.round(800_000 * SCALE);
const PROVINCE = '20';
/** The end of 2022: the late-2021 campaign, then 2022's boosters and the 5–11 rollout, are all in the past. */
const TODAY = '2022-12-31';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-vaccination-'));
const db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'bench.db') });
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const fmt = (n: number) => Math.round(n).toLocaleString('en');
let t0 = performance.now();

// 1. The province's communes, their villages, and the registry's generator.
await migrateToLatest(db);
await seedReference(db);
const communes = await db.db
  .selectFrom('admin_units')
  .select(['code', 'district_code', 'population'])
  .where('province_code', '=', PROVINCE)
  .where('level', '=', 3)
  .orderBy('code')
  .execute();
const factor = RESIDENTS / communes.reduce((sum, c) => sum + c.population, 0);
const now = new Date().toISOString();
for (const c of communes) {
  const population = Math.round(c.population * factor);
  const shares = splitPopulation(population, 6, c.code);
  await db.db
    .insertInto('villages')
    .values(
      shares.map((p, i) => ({
        commune_code: c.code,
        province_code: PROVINCE,
        name: `Thôn ${i + 1}`,
        kind: 'thon',
        population: p,
        population_source: 'generated',
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
const residents = await seedResidents(
  db,
  communes.map((c) => c.code),
  new Date(`${TODAY}T05:00:00Z`),
);
console.log(`${fmt(residents)} residents in ${communes.length} communes: ${seconds(t0).toFixed(0)} s`);
t0 = performance.now();
await syncStatuses(db, TODAY);
console.log(`their vaccination statuses and counters: ${seconds(t0).toFixed(1)} s`);

// 2. The doses, as the platform would export them: the demo's late-2021 campaign, then 2022's first and
// second boosters for most adults and two paediatric doses for most children 5–11.
function plan(band: string, rand: () => number): DoseFact[] {
  if (band === '5-11')
    return rand() < 0.6
      ? [1, 2].map((number) => ({
          vaccine: 'pfizerPaediatric' as const,
          kind: 'primary' as const,
          number,
          date: addDays('2022-04-15', number * 21 + Math.floor(rand() * 20)),
        }))
      : [];
  const doses = planDemoDoses(band, rand);
  const complete = doses.filter((d) => d.kind === 'primary').length === 2;
  if (complete && doses.length === 2 && band !== '12-17' && rand() < 0.85)
    doses.push({
      vaccine: 'pfizer',
      kind: 'booster',
      number: 1,
      date: addDays('2022-02-01', Math.floor(rand() * 100)),
    });
  const first = doses.find((d) => d.kind === 'booster');
  if (first && rand() < 0.8) {
    const due = [addMonths(first.date, 4), '2022-06-24'].sort()[1]!;
    doses.push({
      vaccine: 'moderna',
      kind: 'booster',
      number: 2,
      date: addDays(due, Math.floor(rand() * 90)),
    });
  }
  return doses;
}
const names = { primary: 'Mũi', booster: 'Mũi', additional: 'Mũi bổ sung' };
const HEADER = [
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Số CCCD',
  'Mã xã',
  'Tên vắc xin',
  'Ngày tiêm',
  'Mũi tiêm',
  'Số lô',
];
const files = new Map<string, { file: string; fd: number; rows: number }>();
const ceilingRows: Record<string, unknown>[] = [];
for (const c of communes) {
  const district = c.district_code!;
  if (!files.has(district)) {
    const file = path.join(dir, `mui-tiem-${district}.csv`);
    files.set(district, { file, fd: fs.openSync(file, 'w'), rows: 0 });
    fs.writeSync(files.get(district)!.fd, `\uFEFF${HEADER.join(';')}\n`);
  }
  const out = files.get(district)!;
  const rand = mulberry32(hashCode(`bench:${c.code}`));
  const persons = await db.db
    .selectFrom('persons')
    .select(['id', 'full_name', 'birth_date', 'birth_sort', 'sex', 'national_id', 'status'])
    .where('commune_code', '=', c.code)
    .execute();
  const lines: string[] = [];
  for (const p of persons) {
    if (p.status !== 'resident' && p.status !== 'temporarilyAway') continue;
    for (const d of plan(bandOn(p.birth_sort, TODAY).band, rand)) {
      const shown = d.kind === 'booster' ? VACCINES[d.vaccine].primary.doses + d.number : d.number;
      const lot = `L${d.date.slice(5, 7)}${d.number}`;
      lines.push(
        [
          p.full_name,
          formatDay(p.birth_date!),
          p.sex === 'female' ? 'Nữ' : 'Nam',
          p.national_id ?? '',
          c.code,
          VACCINES[d.vaccine].name,
          formatDay(d.date),
          `${names[d.kind]} ${shown}`,
          lot,
        ].join(';'),
      );
      if (files.size === 1)
        ceilingRows.push({
          person_id: p.id,
          province_code: PROVINCE,
          district_code: district,
          commune_code: c.code,
          vaccine: d.vaccine,
          kind: d.kind,
          dose_number: d.number,
          date: d.date,
          site: null,
          lot,
          session_id: null,
          import_id: null,
          warnings: '[]',
          generated: 0,
          created_by: null,
          created_at: now,
          updated_at: now,
        });
    }
  }
  fs.writeSync(out.fd, `${lines.join('\n')}\n`);
  out.rows += lines.length;
}
for (const f of files.values()) fs.closeSync(f.fd);
const totalRows = [...files.values()].reduce((sum, f) => sum + f.rows, 0);
console.log(`${fmt(totalRows)} dose rows in ${files.size} district files`);

// 3. The ceiling: the first district's rows, one prepared INSERT, one transaction (rolled back).
const raw = db.sqlite!;
const columns = Object.keys(ceilingRows[0]!);
const insert = raw.prepare(
  `insert into doses (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
);
t0 = performance.now();
raw.exec('begin');
for (const row of ceilingRows) insert.run(row);
const ceiling = ceilingRows.length / seconds(t0);
raw.exec('rollback');
console.log(
  `ceiling (prepared insert, one transaction): ${fmt(ceiling)} rows/s over ${fmt(ceilingRows.length)} rows`,
);

// 4. The real import, district by district: read, detect the header, validate, match by ID or name + birth
// date + commune, check each dose against the person's, insert, recompute statuses, move the counters, audit.
const actor = { userId: null, username: 'bench', ip: null };
let imported = 0;
t0 = performance.now();
for (const [district, f] of files) {
  const result = await importDoses(db, {
    path: f.file,
    fileName: path.basename(f.file),
    unitCode: district,
    mode: 'valid-rows',
    scope: systemScope('bench'),
    actor,
    today: TODAY,
  });
  const rejected = result.report.find((e) => e.kind === 'rejected');
  if (rejected)
    console.log(
      `  ${district}: ${result.rejected} rejected, e.g. row ${rejected.row}: ${rejected.reason.en}`,
    );
  imported += result.imported;
}
const rate = imported / seconds(t0);
console.log(
  `dose import: ${fmt(imported)} doses at ${fmt(rate)} rows/s, ratio ${((rate / ceiling) * 100).toFixed(1)} % of the ceiling`,
);

// 5. The province coverage view, from the counters, against a plain GROUP BY over the raw rows.
const scope = { userId: 1, username: 'bench', role: 'leader' as const, unitCode: PROVINCE, ip: '127.0.0.1' };
for (let i = 0; i < 50; i++) await coverage(db, scope, PROVINCE, TODAY);
const times: number[] = [];
for (let i = 0; i < 1000; i++) {
  const t = performance.now();
  await coverage(db, scope, PROVINCE, TODAY);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const p = (q: number) => times[Math.floor(q * (times.length - 1))]!;
const band = sql.join(
  AGE_BANDS.map((b) => {
    const range = birthDateRange(b, new Date(`${TODAY}T00:00:00Z`));
    return sql`when p.birth_sort > ${range.bornAfter} and p.birth_sort <= ${range.bornOnOrBefore} then ${b}`;
  }),
  sql` `,
);
const groupBy = sql<{ district_code: string; band: string; class: string; n: number }>`
  with d as (
    select person_id,
      sum(case when kind = 'primary' then 1 else 0 end) as primary_doses,
      sum(case when kind = 'booster' then 1 else 0 end) as boosters,
      count(*) as doses
    from doses group by person_id)
  select p.district_code, case ${band} else '65+' end as band,
    case when coalesce(d.boosters, 0) > 0 then 'booster' when d.primary_doses >= 2 then 'primaryComplete'
      when d.doses > 0 then 'partial' else 'notVaccinated' end as class,
    count(*) as n
  from persons p left join d on d.person_id = p.id
  where p.province_code = ${PROVINCE} and p.merged_into is null and p.status in ('resident', 'temporarilyAway')
  group by 1, 2, 3`;
const plain: number[] = [];
let rows: { district_code: string; band: string; class: string; n: number }[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  rows = (await groupBy.execute(db.db)).rows;
  plain.push(performance.now() - t);
}
plain.sort((a, b) => a - b);
// The two must agree: the counters are the GROUP BY, kept current.
const counters = await db.db
  .selectFrom('coverage_counters')
  .select(['unit_code', 'age_band', 'coverage', 'count'])
  .where('unit_code', 'in', [...files.keys()])
  .where('count', '!=', 0)
  .execute();
const key = (unit: string, b: string, c: string) => `${unit}|${b}|${c}`;
const fromGroupBy = new Map(rows.map((r) => [key(r.district_code, r.band, r.class), Number(r.n)]));
const agree =
  counters.length === fromGroupBy.size &&
  counters.every((c) => fromGroupBy.get(key(c.unit_code, c.age_band, c.coverage)) === c.count);
console.log(
  `province coverage view: p50 ${p(0.5).toFixed(2)} ms, p95 ${p(0.95).toFixed(2)} ms (goal ≤ 20 ms); plain GROUP BY over ${fmt(residents)} persons and ${fmt(imported)} doses: ${plain[1]!.toFixed(0)} ms; ${(plain[1]! / p(0.95)).toFixed(0)}× faster at p95 (goal ≥ 50×); counters ${agree ? 'equal' : 'DIFFER FROM'} the GROUP BY`,
);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
