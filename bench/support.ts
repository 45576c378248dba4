/**
 * Issue 17 benchmark: the support preview (POST /api/support/claims/preview without HTTP: the store's answer,
 * serialised) for a province (Lạng Sơn) of BENCH_SUPPORT_CASES (50,000) cases and BENCH_SUPPORT_CONTACTS
 * (200,000) contacts over the winter wave, generated with bulk inserts. Goal ≤ 2 s; prints the median of 3
 * runs and its ratio to the goal. SQLite by default; BENCH_ENGINES=sqlite,postgres adds PostgreSQL (a
 * throwaway cluster, or DATABASE_URL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '../src/core/dates.ts';
import { insertReturningIds, insertRows } from '../src/db/bulk-insert.ts';
import { type Db, type Engine, openDb } from '../src/db/connection.ts';
import { seedReference } from '../src/demo/seed.ts';
import { unitTree } from '../src/features/admin-units/index.ts';
import { systemScope } from '../src/features/auth/rules.ts';
import { mulberry32 } from '../src/features/persons/index.ts';
import { personRow } from '../src/features/persons/store.ts';
import { previewClaims } from '../src/features/support/claims-store.ts';
import { migrateToLatest } from '../src/server/migrations.ts';
import { personInput } from '../test/support/persons.ts';
import { startCluster } from '../test/support/postgres-cluster.ts';

const CASES = Number(process.env.BENCH_SUPPORT_CASES ?? 50_000);
const CONTACTS = Number(process.env.BENCH_SUPPORT_CONTACTS ?? 200_000);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite').split(',') as Engine[];
const PROVINCE = '20';
const TODAY = '2022-01-15';
const WAVE = { from: '2021-11-01', days: 75 };
const GOAL_MS = 2000;
const ms = (t0: number) => performance.now() - t0;

/** Persons, cases (recovered after 10 days, or still treating) and contacts (14 days), in chunks of 5,000. */
async function fill(db: Db) {
  const tree = await unitTree(db);
  const communes = tree.children(PROVINCE).flatMap((d) => tree.children(d.code));
  const rand = mulberry32(17);
  const now = new Date().toISOString();
  const people = CASES + CONTACTS / 2;
  const personIds: number[] = [];
  const placeOf = (i: number) => {
    const c = communes[i % communes.length]!;
    return { province_code: PROVINCE, district_code: c.district_code!, commune_code: c.code };
  };
  for (let start = 0; start < people; start += 5000)
    await db.db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(5000, people - start) }, (_, k) => {
        const i = start + k;
        const birthYear = 1940 + Math.floor(rand() * 80);
        return personRow(
          personInput({ fullName: `Người Hỗ Trợ ${i}`, birthDate: `${birthYear}-06-15`, birthYear }),
          placeOf(i),
          { now, generated: true },
        );
      });
      personIds.push(...(await insertReturningIds(db, trx, 'persons', rows)));
    });
  const caseIds: number[] = [];
  for (let start = 0; start < CASES; start += 5000)
    await db.db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(5000, CASES - start) }, (_, k) => {
        const i = start + k;
        const day = addDays(WAVE.from, Math.floor(WAVE.days * rand()));
        const recovered = addDays(day, 10) <= TODAY;
        return {
          ...placeOf(i),
          person_id: personIds[i]!,
          sample_date: day,
          test_kind: 'rapidAntigen',
          confirmed_on: day,
          place_of_care: 'home',
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
      caseIds.push(...(await insertReturningIds(db, trx, 'cases', rows)));
    });
  for (let start = 0; start < CONTACTS; start += 5000)
    await db.db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(5000, CONTACTS - start) }, (_, k) => {
        const i = start + k;
        const person = CASES + (i % (CONTACTS / 2));
        const exposure = addDays(WAVE.from, Math.floor(WAVE.days * rand()));
        return {
          ...placeOf(person),
          person_id: personIds[person]!,
          case_id: caseIds[i % caseIds.length]!,
          exposure_date: exposure,
          setting: 'household',
          listed_on: exposure,
          rule_set_id: 'bench',
          quarantine_ends_on: addDays(exposure, 14),
          monitoring_ends_on: addDays(exposure, 28),
          test_dates: '[]',
          became_case_id: null,
          created_at: now,
        };
      });
      await insertRows(db, trx, 'contacts', rows);
    });
}

async function run(engine: Engine, db: Db) {
  await migrateToLatest(db);
  await seedReference(db);
  let t0 = performance.now();
  await fill(db);
  console.log(
    `${engine}: ${CASES.toLocaleString('en')} cases, ${CONTACTS.toLocaleString('en')} contacts generated in ${(ms(t0) / 1000).toFixed(1)} s`,
  );
  const times: number[] = [];
  let claims = 0;
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    const answer = await previewClaims(db, systemScope('bench'), PROVINCE, TODAY);
    bytes = JSON.stringify(answer).length;
    times.push(ms(t0));
    claims = answer.claims.length;
  }
  const median = [...times].sort((a, b) => a - b)[1]!;
  console.log(
    `${engine}: support preview of the province: ${claims.toLocaleString('en')} claims (${(bytes / 1e6).toFixed(1)} MB JSON) in ${median.toFixed(0)} ms (median of 3: ${times.map((t) => t.toFixed(0)).join(', ')}); goal ≤ ${GOAL_MS} ms → ${(median / GOAL_MS).toFixed(2)} of the goal`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-support-'));
for (const engine of engines) {
  if (engine === 'sqlite') {
    const db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, 'support.db') });
    try {
      await run(engine, db);
    } finally {
      await db.close();
    }
  } else {
    const cluster = process.env.DATABASE_URL ? null : await startCluster();
    const db = openDb({
      databaseUrl: process.env.DATABASE_URL ?? cluster!.url,
      sqliteFile: '',
      dataDir: dir,
    });
    try {
      await run(engine, db);
    } finally {
      await db.close();
      await cluster?.stop();
    }
  }
}
fs.rmSync(dir, { recursive: true, force: true });
