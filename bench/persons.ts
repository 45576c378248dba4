/**
 * Issue 4 benchmarks on the embedded database (SQLite):
 *  - import of N persons (default 1,000,000) from CSV and from XLSX, against the ceiling: the same rows
 *    inserted with one prepared statement in one transaction (goal: CSV ≥ 50 % of the ceiling);
 *  - name search over the N persons: p95 ≤ 20 ms (goal), through the real search (jurisdiction + audit row).
 * BENCH_PERSONS=100000 for a quicker run; BENCH_XLSX=0 skips the (slow) XLSX half.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { foldDiacritics } from '../src/core/text.ts';
import { type Db, openDb } from '../src/db/connection.ts';
import { seedDemo, seedReference } from '../src/demo/seed.ts';
import { importPersons } from '../src/features/persons/import/import-persons.ts';
import { generateResidents } from '../src/features/persons/rules/generator.ts';
import { personRow, searchPersons } from '../src/features/persons/store.ts';
import { migrateToLatest } from '../src/server/migrations.ts';

const N = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const XLSX = process.env.BENCH_XLSX !== '0';
const COMMUNE = '06400';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-persons-'));
const today = new Date();

async function freshDb(name: string): Promise<Db> {
  const db = openDb({ databaseUrl: null, sqliteFile: path.join(dir, `${name}.db`) });
  await migrateToLatest(db);
  await seedReference(db);
  await seedDemo(db);
  return db;
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

// 1. N generated residents spread over the commune's villages, written as a commune would: CSV and XLSX.
const setup = await freshDb('setup');
const villages = await setup.db
  .selectFrom('villages')
  .select(['id', 'name'])
  .where('commune_code', '=', COMMUNE)
  .orderBy('id')
  .execute();
await setup.close();
const share = Math.ceil(N / villages.length);
const persons = [
  ...generateResidents({
    communeCode: COMMUNE,
    villages: villages.map((v) => ({ ...v, population: share })),
    today,
  }),
]
  .slice(0, N)
  .map((r) => r.person);
const villageName = new Map(villages.map((v) => [v.id, v.name]));
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const cells = (p: (typeof persons)[number]) => [
  p.fullName,
  p.birthDate ? dmy(p.birthDate) : String(p.birthYear),
  p.sex === 'female' ? 'Nữ' : 'Nam',
  p.nationalId ?? '',
  p.phone ?? '',
  villageName.get(p.villageId!) ?? '',
];
const HEADER = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'SĐT', 'Thôn/Xóm'];
const csvFile = path.join(dir, 'persons.csv');
fs.writeFileSync(csvFile, `\uFEFF${[HEADER, ...persons.map(cells)].map((r) => r.join(';')).join('\n')}\n`);
const xlsxFile = path.join(dir, 'persons.xlsx');
if (XLSX) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxFile, useSharedStrings: false });
  const sheet = writer.addWorksheet('Danh sách');
  sheet.addRow(HEADER).commit();
  for (const p of persons) sheet.addRow(cells(p)).commit();
  await writer.commit();
}
const mb = (file: string) => (fs.statSync(file).size / 1048576).toFixed(0);
console.log(
  `${fmt(N)} persons: CSV ${mb(csvFile)} MB${XLSX ? `, XLSX ${mb(xlsxFile)} MB` : ' (XLSX skipped: BENCH_XLSX=0)'}`,
);

// 2. The ceiling: the same rows, one prepared INSERT, one transaction.
const ceilingDb = await freshDb('ceiling');
const place = { province_code: '20', district_code: '186', commune_code: COMMUNE };
const now = new Date().toISOString();
const rows = persons.map((p) => personRow(p, place, { now }));
const columns = Object.keys(rows[0]!);
const insert = ceilingDb.sqlite!.prepare(
  `insert into persons (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
);
let t0 = performance.now();
ceilingDb.sqlite!.transaction(() => {
  for (const row of rows) insert.run(row);
})();
const ceiling = N / seconds(t0);
await ceilingDb.close();
console.log(`ceiling (prepared insert, one transaction): ${fmt(ceiling)} rows/s`);

// 3. The real imports: read, detect the header, validate every row, check duplicates, insert, audit.
const actor = { userId: null, username: 'bench', ip: null };
async function timedImport(file: string) {
  const db = await freshDb(path.basename(file));
  const t = performance.now();
  const result = await importPersons(db, {
    path: file,
    fileName: path.basename(file),
    communeCode: COMMUNE,
    mode: 'valid-rows',
    actor,
    today,
  });
  const rate = result.imported / seconds(t);
  if (result.rejected)
    console.log(
      `  (${result.rejected} rows rejected, e.g. row ${result.errors[0]?.row}: ${result.errors[0]?.reason.en})`,
    );
  return { db, rate, result };
}
const csv = await timedImport(csvFile);
console.log(
  `CSV import:  ${fmt(csv.rate)} rows/s, ratio ${((csv.rate / ceiling) * 100).toFixed(1)} % of the ceiling (goal ≥ 50 %)`,
);
if (XLSX) {
  const xlsx = await timedImport(xlsxFile);
  await xlsx.db.close();
  console.log(
    `XLSX import: ${fmt(xlsx.rate)} rows/s, ratio ${((xlsx.rate / ceiling) * 100).toFixed(1)} % of the ceiling`,
  );
}

// 4. Name search over the N persons, as a commune officer types them: full names, given names, family + middle.
const scope = { userId: 1, username: 'bench', role: 'officer' as const, unitCode: COMMUNE, ip: '127.0.0.1' };
let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const queries = Array.from({ length: 1000 }, (_, i) => {
  const words = foldDiacritics(persons[Math.floor(random() * N)]!.fullName).split(' ');
  return i % 3 === 0 ? words.join(' ') : i % 3 === 1 ? words.at(-1)! : words.slice(0, 2).join(' ');
});
for (const q of queries.slice(0, 50)) await searchPersons(csv.db, scope, { q, limit: 50, offset: 0 }, today);
const times: number[] = [];
for (const q of queries) {
  t0 = performance.now();
  await searchPersons(csv.db, scope, { q, limit: 50, offset: 0 }, today);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const p = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(2);
console.log(`name search over ${fmt(N)} persons: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (goal p95 ≤ 20 ms)`);
await csv.db.close();
fs.rmSync(dir, { recursive: true, force: true });
