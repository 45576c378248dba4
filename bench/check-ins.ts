/**
 * Issue 17, QR check-in (SQLite, in process, no HTTP): BENCH_CHECKINS (1,000) public check-ins through the store
 * (throttle and repeat checks, audit row each: per-check-in latency p50/p99), then a market day of
 * BENCH_MARKET (5,000) check-ins and a trader confirmed: the time to match its exposures (recordExposures).
 * The issue names no baseline for this part: the figures are absolute.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vietnamDayStart } from '../src/core/dates.ts';
import { insertRows } from '../src/db/bulk-insert.ts';
import { openDb } from '../src/db/connection.ts';
import { seedReference } from '../src/demo/seed.ts';
import { systemScope } from '../src/features/auth/rules.ts';
import { checkIn, createVenue, recordExposures } from '../src/features/check-ins/store.ts';
import { createPersons } from '../src/features/persons/index.ts';
import { migrateToLatest } from '../src/server/migrations.ts';
import { personInput } from '../test/support/persons.ts';

const N = Number(process.env.BENCH_CHECKINS ?? 1000);
const MARKET = Number(process.env.BENCH_MARKET ?? 5000);
const DAY = '2022-01-14';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-checkins-'));
const db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'bench.db'), dataDir: dir });
await migrateToLatest(db);
await seedReference(db);
const scope = systemScope('bench');
const venue = await createVenue(db, scope, { unit: '06385', name: 'Chợ Mẹt', kind: 'market' });
const token = venue.path.split('/').pop()!;
const times: number[] = [];
for (let i = 0; i < N; i++) {
  const t0 = performance.now();
  const at = new Date(Date.parse(vietnamDayStart('2022-01-13')) + i * 1000);
  await checkIn(
    db,
    token,
    { fullName: `Khách ${i}`, phone: `091${String(i).padStart(7, '0')}`, birthYear: 1980 },
    `10.0.${i % 250}.${Math.floor(i / 250)}`,
    at,
  );
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const pct = (p: number) =>
  times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
console.log(`public check-in (store): ${N} sequential, p50 ${pct(50)} ms, p99 ${pct(99)} ms`);

const at = (i: number) => new Date(Date.parse(vietnamDayStart(DAY)) + i * 500).toISOString();
await db.db.transaction().execute((trx) =>
  insertRows(
    db,
    trx,
    'check_ins',
    Array.from({ length: MARKET }, (_, i) => ({
      province_code: '20',
      commune_code: '06385',
      venue_id: venue.id,
      full_name: `Người ${i}`,
      phone: `098${String(i).padStart(7, '0')}`,
      birth_year: 1970,
      national_id: null,
      day: DAY,
      at: at(i),
      address_hash: null,
    })),
  ),
);
const [personId] = await db.db.transaction().execute((trx) =>
  createPersons(
    db,
    trx,
    [
      {
        person: personInput({ fullName: 'Vi Thị Thoa', birthYear: 1979, sex: 'female', phone: '0980000000' }),
        place: { province_code: '20', district_code: '186', commune_code: '06385' },
      },
    ],
    { note: 'bench', kind: 'bench' },
  ),
);
const c = {
  id: 0,
  person_id: personId!,
  commune_code: '06385',
  sample_date: '2022-01-15',
  confirmed_on: '2022-01-15',
};
const { id: caseId } = await db.db
  .insertInto('cases')
  .values({
    province_code: '20',
    district_code: '186',
    commune_code: '06385',
    person_id: personId!,
    sample_date: c.sample_date,
    test_kind: 'pcr',
    confirmed_on: c.confirmed_on,
    place_of_care: 'home',
    severity: null,
    status: 'treating',
    outcome_on: null,
    source_case_id: null,
    note: null,
    created_by: null,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const t0 = performance.now();
const listed = await recordExposures(db, scope, { ...c, id: Number(caseId) });
console.log(
  `exposures of a trader at a market day of ${MARKET} check-ins: ${listed} listed in ${(performance.now() - t0).toFixed(0)} ms`,
);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
