/**
 * Issue 13, found by the hardening review: every vaccination write on PostgreSQL took one global advisory
 * lock, so one commune's import held up every other commune's writes. The lock is per commune
 * (namespace 60060, the commune's code): other communes write on, the same commune waits its turn.
 * (SQLite transactions are serial: nothing to lock there.) And a dose import held it (and, on SQLite, the
 * write lock: its one transaction) for the whole file: it now commits chunk by chunk, each chunk a short
 * transaction of its own, and the commune's other writes go on between them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/features/auth/rules.ts';
import { generateResidents } from '../../src/features/persons/rules/generator.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { recordDose } from '../../src/features/vaccination/doses-store.ts';
import { importDoses } from '../../src/features/vaccination/import/import-doses.ts';
import { writeTransaction } from '../../src/features/vaccination/status-store.ts';
import { ENGINES, emptyDb, seededDb } from '../support/databases.ts';
import { personInput } from '../support/persons.ts';

describe('vaccination write locks on postgres', () => {
  let db: Awaited<ReturnType<typeof emptyDb>>;
  beforeAll(async () => {
    db = await emptyDb('postgres');
  });
  afterAll(() => db.close());

  /** Sessions waiting for the commune's lock, as PostgreSQL shows them. */
  const waitingFor = async (commune: string) => {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from pg_locks
      where locktype = 'advisory' and classid = 60060 and objid = ${Number(commune)} and not granted`.execute(
      db.db,
    );
    return Number(rows[0]!.n);
  };

  it('is per commune (was one global lock): another commune writes while one is held, the same one waits', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const first = writeTransaction(db, async () => {
      entered();
      await held;
    }, ['06385']);
    await inside;
    // Another commune: done while 06385 is held (with one global lock this would wait for `release`).
    expect(await writeTransaction(db, async () => 'written', ['06400'])).toBe('written');
    // The same commune: waits, as PostgreSQL shows, until the first transaction ends.
    let sameDone = false;
    const same = writeTransaction(db, async () => {
      sameDone = true;
    }, ['06385']);
    for (let i = 0; i < 200 && (await waitingFor('06385')) === 0; i++) await new Promise(setImmediate);
    expect(await waitingFor('06385')).toBe(1);
    expect(sameDone).toBe(false);
    release();
    await Promise.all([first, same]);
    expect(sameDone).toBe(true);
  });
});

/** Xã Minh Sơn (Hữu Lũng): 1,100 adults' first doses, three chunks of the import. */
const COMMUNE = '06400';
const TODAY = '2022-01-15';
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const doseFile = (commune = COMMUNE, extra: string[] = []) => {
  const adults = [
    ...generateResidents({
      communeCode: commune,
      villages: [{ id: 1, name: 'Thôn 1', population: 2_000 }],
      today: new Date(TODAY),
    }),
  ]
    .map((r) => r.person)
    .filter((p) => p.birthDate && p.birthYear <= 2000 && p.nationalId)
    .slice(0, 1_100);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-locks-')), 'mui-tiem.csv');
  fs.writeFileSync(
    file,
    `Họ và tên;Ngày sinh;Số CCCD;Mã xã;Vắc xin;Ngày tiêm;Mũi tiêm\n${adults
      .map((p) =>
        [p.fullName, dmy(p.birthDate!), p.nationalId, COMMUNE, 'Pfizer', '01/10/2021', '1'].join(';'),
      )
      .join('\n')}\n${extra.map((line) => `${line}\n`).join('')}`,
  );
  return { file, rows: adults.length, first: adults[0]! };
};

describe.each(ENGINES)('a dose import on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db.close());

  it('commits chunk by chunk: another write to the same commune goes on while the import is under way', async () => {
    const scope = systemScope('test');
    const [resident] = await db.db
      .transaction()
      .execute((trx) =>
        insertPersonRows(db, trx, [
          personRow(
            personInput({ fullName: 'Hoàng Văn Tiêm', birthDate: '1970-03-04', birthYear: 1970 }),
            { province_code: '20', district_code: '186', commune_code: COMMUNE },
            { now: new Date().toISOString() },
          ),
        ]),
      );
    const { file, rows } = doseFile();
    expect(rows).toBe(1_100);
    // The import's transactions, watched: before its third (the record's, the first chunk's, then the second
    // chunk's), the commune's own staff record a dose. Held for the whole file, that write would wait
    // (PostgreSQL: the commune's lock; SQLite: the write lock) until the import ended, or fail.
    let transactions = 0;
    let during: { result: string; job: { last_row: number; status: string } | undefined } | null = null;
    const watched = {
      ...db,
      db: new Proxy(db.db, {
        get(target, key) {
          if (key !== 'transaction') {
            const value = Reflect.get(target, key);
            return typeof value === 'function' ? value.bind(target) : value;
          }
          return () => {
            const builder = target.transaction();
            return {
              execute: async <T>(work: Parameters<typeof builder.execute<T>>[0]) => {
                if (++transactions === 3) {
                  const written = recordDose(
                    db,
                    scope,
                    resident!,
                    { vaccine: 'pfizer', date: '2021-09-01' },
                    TODAY,
                  );
                  const waited = new Promise<null>((resolve) =>
                    setTimeout(() => resolve(null), 4_000).unref(),
                  );
                  const done = await Promise.race([written, waited]);
                  const job = await db.db
                    .selectFrom('import_jobs')
                    .select(['last_row', 'status'])
                    .where('kind', '=', 'doses')
                    .executeTakeFirst();
                  during = { result: done ? done.result : 'still waiting', job };
                }
                return builder.execute(work);
              },
            };
          };
        },
      }),
    } as typeof db;
    const result = await importDoses(watched, {
      path: file,
      fileName: 'mui-tiem.csv',
      unitCode: COMMUNE,
      mode: 'valid-rows',
      scope,
      actor: { userId: null, username: 'test', ip: null },
      today: TODAY,
    });
    expect(result).toMatchObject({ committed: true, rowsRead: rows, imported: rows, rejected: 0 });
    // The other write was done while the import had committed its first chunk and not yet its end.
    expect(during).toEqual({ result: 'recorded', job: { last_row: 501, status: 'running' } });
    expect(transactions).toBeGreaterThanOrEqual(4); // the record, three chunks, the end
    // Both stored, with the statuses and counters: every dosed person counted once.
    const dosed = await db.db
      .selectFrom('vaccination_status')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('commune_code', '=', COMMUNE)
      .where('doses', '>', 0)
      .executeTakeFirstOrThrow();
    expect(Number(dosed.n)).toBe(rows + 1);
    const job = await db.db
      .selectFrom('import_jobs')
      .select(['status', 'last_row'])
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'done', last_row: rows + 1 });
  }, 60_000);

  it("all-or-nothing checks every chunk before writing one: a row refused by an earlier chunk's dose stores nothing", async () => {
    const count = async (table: 'doses' | 'persons') =>
      Number(
        (
          await db.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // A database of its own: nobody registered yet.
    const db = await seededDb(engine);
    const commune = COMMUNE;
    const { first } = doseFile(commune);
    // The first person's first dose again, on another day, in the third chunk: refused only if the checking
    // pass remembers what the first chunk would have stored (it writes nothing).
    const again = [
      first.fullName,
      dmy(first.birthDate!),
      first.nationalId,
      commune,
      'Pfizer',
      '01/11/2021',
      '1',
    ];
    const { file, rows } = doseFile(commune, [again.join(';')]);
    const before = [await count('doses'), await count('persons')];
    const result = await importDoses(db, {
      path: file,
      fileName: 'mui-tiem.csv',
      unitCode: commune,
      mode: 'all-or-nothing',
      scope: systemScope('test'),
      actor: { userId: null, username: 'test', ip: null },
      today: TODAY,
    });
    expect(result).toMatchObject({ committed: false, rowsRead: rows + 1, rejected: 1, imported: 0 });
    expect(result.report).toEqual([expect.objectContaining({ row: rows + 2, kind: 'rejected' })]);
    expect([await count('doses'), await count('persons')]).toEqual(before);
    await db.close();
  }, 60_000);
});
