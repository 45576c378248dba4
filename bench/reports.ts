/**
 * Issue 18 benchmark: a province's daily report compiled from its communes' submissions. Lạng Sơn's ≈ 200
 * communes and its 11 districts each submit the day's report (numbers of the form, one correction in ten);
 * the figure is the time to compile the province's report (its numbers from the records, its districts'
 * roll-up) together with every district's report rolling up its communes' submitted ones — what the province
 * reads to see every commune's submission (goal ≤ 200 ms). SQLite (the default engine); p50 and p95 of 20 runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../src/db/connection.ts';
import { seedReference } from '../src/demo/seed.ts';
import { unitTree } from '../src/features/admin-units/index.ts';
import { systemScope } from '../src/features/auth/rules.ts';
import { DAILY_V1, rollUpValues } from '../src/features/reports/rules/forms.ts';
import { reportView } from '../src/features/reports/store.ts';
import { migrateToLatest } from '../src/server/migrations.ts';

const PROVINCE = '20';
const DAY = '2022-01-14';
const TODAY = '2022-01-15';
const GOAL_MS = 200;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-reports-'));
const db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'bench.db') });
await migrateToLatest(db);
await seedReference(db);
const tree = await unitTree(db);
const districts = tree.children(PROVINCE);
const communes = districts.flatMap((d) => tree.children(d.code));
const now = new Date().toISOString();
const row = (u: (typeof communes)[number], i: number) => ({
  province_code: PROVINCE,
  district_code: u.level === 3 ? u.district_code : u.code,
  unit_code: u.code,
  unit_level: u.level,
  form: 'daily',
  form_version: 1,
  period: DAY,
  version: 1,
  state: 'submitted',
  computed: JSON.stringify(Object.fromEntries(DAILY_V1.fields.map((f, k) => [f.key, (i * 7 + k) % 50]))),
  texts: '{"situation":"Ổn định."}',
  roll_up: null as string | null,
  number: null,
  created_by: 'bench',
  created_at: now,
  updated_at: now,
  signed_by: 1,
  signed_by_name: 'bench',
  signed_at: now,
  submitted_by_name: 'bench',
  submitted_at: now,
  submitted_local: `${DAY}T16:${String(i % 60).padStart(2, '0')}`,
  late: 0,
});
await db.db.transaction().execute(async (trx) => {
  const communeRows = communes.map(row);
  // A district's submission holds its roll-up of its communes' reports: what the province adds up.
  const districtRows = districts.map((d, i) => ({
    ...row(d, communes.length + i),
    roll_up: JSON.stringify({
      numbers: rollUpValues(
        DAILY_V1,
        communeRows.filter((r) => r.district_code === d.code).map((r) => JSON.parse(r.computed)),
      ),
      units: [],
      submitted: communeRows.filter((r) => r.district_code === d.code).map((r) => r.unit_code),
    }),
  }));
  const rows = [...communeRows, ...districtRows];
  for (let i = 0; i < rows.length; i += 100)
    await trx
      .insertInto('reports')
      .values(rows.slice(i, i + 100))
      .execute();
  const ids = await trx.selectFrom('reports').select(['id', 'unit_code']).execute();
  await trx
    .insertInto('report_corrections')
    .values(
      ids
        .filter((_, i) => i % 10 === 0)
        .map((r) => ({
          report_id: Number(r.id),
          province_code: PROVINCE,
          field: 'testsDone',
          computed: 10,
          value: 8,
          reason: 'Trùng mẫu',
          username: 'bench',
          at: now,
        })),
    )
    .execute();
});
const scope = systemScope('bench');
const compileAll = async () => {
  const province = await reportView(db, scope, { form: 'daily', unitCode: PROVINCE, period: DAY }, TODAY);
  let communesSeen = 0;
  for (const d of districts) {
    const view = await reportView(db, scope, { form: 'daily', unitCode: d.code, period: DAY }, TODAY);
    communesSeen += view.rollUp!.submitted.length;
  }
  return { province, communesSeen };
};
await compileAll(); // warm the unit tree and prepared statements
for (const unit of [PROVINCE, districts[0]!.code]) {
  const t0 = performance.now();
  for (let i = 0; i < 5; i++)
    await reportView(db, scope, { form: 'daily', unitCode: unit, period: DAY }, TODAY);
  console.log(`one report of ${unit}: ${((performance.now() - t0) / 5).toFixed(1)} ms`);
}
const times: number[] = [];
let seen = 0;
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  seen = (await compileAll()).communesSeen;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const p50 = times[Math.floor(times.length / 2)]!;
const p95 = times[Math.floor(0.95 * (times.length - 1))]!;
console.log(
  `province ${PROVINCE} daily report from ${seen} communes' submissions (${districts.length} district roll-ups + the province): ` +
    `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; goal ≤ ${GOAL_MS} ms: p95 is ${(p95 / GOAL_MS).toFixed(2)}× the goal ` +
    `(${p95 <= GOAL_MS ? 'met' : 'NOT met'})`,
);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
