import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/connection.ts';
import { seedReference } from '../../src/demo/seed.ts';
import { createPersons } from '../../src/features/persons/index.ts';
import { migrateToLatest } from '../../src/server/migrations.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const run = promisify(execFile);
const YEN_THINH = { province_code: '20', district_code: '186', commune_code: '06400' };
const registered = JSON.parse(
  fs.readFileSync(new URL('../fixtures/cases/registered.json', import.meta.url), 'utf8'),
) as { fullName: string; birthDate: string; sex: 'male' | 'female'; nationalId: string | null }[];

async function safeadapt(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/safeadapt.js', ...args], {
      env: { ...process.env, SAFEADAPT_TODAY: '2022-01-15', ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** A database with Yên Thịnh's registered persons (registered.json), and the CLI's environment for it. */
async function prepared(engine: (typeof ENGINES)[number]) {
  // The CLI opens its data folder's safeadapt.db: on SQLite the test's database is that file.
  const db =
    engine === 'sqlite'
      ? openDb({
          databaseUrl: null,
          sqliteFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-cases-')), 'safeadapt.db'),
        })
      : await seededDb(engine);
  if (engine === 'sqlite') {
    await migrateToLatest(db);
    await seedReference(db);
  }
  await db.db.transaction().execute((trx) =>
    createPersons(
      db,
      trx,
      registered.map((p) => ({
        person: {
          ...p,
          birthYear: Number(p.birthDate.slice(0, 4)),
          phone: null,
          villageId: null,
          address: null,
          householdHead: null,
          relationToHead: null,
          occupation: null,
          priorityGroups: [],
          status: 'resident',
          note: null,
        },
        place: YEN_THINH,
      })),
      { note: 'test', kind: 'test' },
    ),
  );
  const url = 'url' in db ? (db.url as string | null) : null;
  const env: Record<string, string> = url
    ? { DATABASE_URL: url, SAFEADAPT_DATA_DIR: db.dataDir! }
    : { SAFEADAPT_DATA_DIR: db.dataDir! };
  return { db, env };
}

describe.each(ENGINES)('safeadapt import cases on %s', (engine) => {
  it("reads a commune's F0 workbook: matches, registers, rejects naming row and column", async () => {
    const { db, env } = await prepared(engine);
    const file = 'test/fixtures/cases/f0-yen-thinh.xlsx';
    const first = await safeadapt(env, 'import', 'cases', file, '--unit', '06400');
    expect(first.out).toMatch(/rows read: 9\n/);
    expect(first.out).toMatch(/imported: 5\n/);
    expect(first.out).toMatch(/rejected: 4\n/);
    expect(first.out).toMatch(/matched persons: 3\n/);
    expect(first.out).toMatch(/new persons \(flagged for review\): 2\n/);
    expect(first.out).toMatch(/row 13, Ngày lấy mẫu: .*after today/);
    expect(first.out).toMatch(/row 14, Loại xét nghiệm \(test nhanh\/PCR\): .*Unknown test kind/);
    expect(first.out).toMatch(/row 15, Ngày lấy mẫu: .*before the person's birth/);
    expect(first.out).toMatch(/row 16, Năm sinh: .*born in 1985/);
    expect(first.code).toBe(0);
    const cases = await db.db
      .selectFrom('cases')
      .select(['test_kind', 'place_of_care', 'sample_date'])
      .orderBy('sample_date')
      .execute();
    expect(cases.map((c) => [c.test_kind, c.place_of_care])).toEqual([
      ['rapidAntigen', 'home'],
      ['pcr', 'communeStation'],
      ['rapidAntigen', 'home'],
      ['rapidAntigen', 'home'],
      ['pooled', 'facility'],
    ]);
    const counts = await db.db
      .selectFrom('case_day_counts')
      .select((eb) => [eb.fn.sum<number>('new_cases').as('n'), eb.fn.sum<number>('home_change').as('home')])
      .executeTakeFirstOrThrow();
    expect([Number(counts.n), Number(counts.home)]).toEqual([5, 3]);
    const fresh = await db.db
      .selectFrom('persons')
      .select('note')
      .where('note', 'like', '%rà soát%')
      .execute();
    expect(fresh).toHaveLength(2);
    // The same list again: every person already has a case under treatment.
    const again = await safeadapt(env, 'import', 'cases', file, '--unit', '06400');
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/imported: 0\n/);
    expect(again.out).toMatch(/row 8, Họ và tên: .*already a case under treatment/);
    await db.close();
  });

  it('all-or-nothing stores nothing when a row is rejected; valid-rows stores the rest', async () => {
    const { db, env } = await prepared(engine);
    const file = 'test/fixtures/cases/f0-yen-thinh.csv';
    const refused = await safeadapt(
      env,
      'import',
      'cases',
      file,
      '--unit',
      '06400',
      '--mode',
      'all-or-nothing',
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/nothing was stored because 1 row\(s\) were rejected/);
    expect(refused.out).toMatch(/row 4, Loại xét nghiệm: .*Ho khan/);
    expect(await db.db.selectFrom('cases').selectAll().execute()).toEqual([]);
    const stored = await safeadapt(env, 'import', 'cases', file, '--unit', '06400');
    expect(stored.code).toBe(0);
    expect(stored.out).toMatch(
      /imported: 2\nrejected: 1\nmatched persons: 1\nnew persons \(flagged for review\): 1\n/,
    );
    expect(await safeadapt(env, 'import', 'cases', file, '--unit', '186')).toMatchObject({
      code: 1,
      out: expect.stringMatching(/give a commune code/),
    });
    await db.close();
  });
});
