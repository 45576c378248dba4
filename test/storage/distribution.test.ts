import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  citusStatements,
  foreignKeys,
  PROVINCE_COLUMN,
  placementOf,
  SAME_PROVINCE_LINKS,
  tablesWithColumns,
} from '../../src/db/distribution.ts';
import { findListed } from '../../src/features/persons/import/listed-persons.ts';
import { holdersOfNationalIds } from '../../src/features/persons/index.ts';
import { insertPersonRows, personRow, syncNationalIds } from '../../src/features/persons/store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';
import { personInput } from '../support/persons.ts';

/*
 * Ready to scale out by province (Citus): every table is classified (src/db/distribution.ts), and every table
 * distributed by a column has it first in its primary key and in every unique key, so that one province's rows
 * live on one node; foreign keys between distributed tables are composite on the province.
 */
describe('the schema distributes by province (postgres)', () => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb('postgres');
  });
  afterAll(() => db.close());

  it('classifies every table: reference, coordinator, or distributed by a column', async () => {
    const tables = await tablesWithColumns(db);
    const unclassified = [...tables].filter(([t, cols]) => !placementOf(t, cols)).map(([t]) => t);
    expect(unclassified).toEqual([]);
    expect(tables.size).toBeGreaterThan(60);
  });

  it('puts the distribution column first in every primary and unique key, NOT NULL', async () => {
    const tables = await tablesWithColumns(db);
    const { rows: keys } = await sql<{ table: string; index: string; first: string | null }>`
      select t.relname as "table", i.relname as index,
        (select a.attname::text from pg_attribute a where a.attrelid = x.indrelid and a.attnum = x.indkey[0]) as first
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where x.indisunique and t.relnamespace = 'public'::regnamespace`.execute(db.db);
    const { rows: nullable } = await sql<{ table: string; column: string }>`
      select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = 'public' and is_nullable = 'YES'`.execute(db.db);
    const wrong: string[] = [];
    let distributed = 0;
    for (const [table, cols] of tables) {
      const p = placementOf(table, cols);
      if (p?.kind !== 'distributed') continue;
      distributed++;
      const own = keys.filter((k) => k.table === table);
      for (const k of own) if (k.first !== p.column) wrong.push(`${table}.${k.index} starts with ${k.first}`);
      if (nullable.some((n) => n.table === table && n.column === p.column))
        wrong.push(`${table}.${p.column} nullable`);
    }
    expect(wrong).toEqual([]);
    expect(distributed).toBeGreaterThan(50);
  });

  it('keeps only foreign keys Citus can enforce: composite on the province between distributed tables', async () => {
    const tables = await tablesWithColumns(db);
    const kind = (t: string) => placementOf(t, tables.get(t)!)!.kind;
    const wrong: string[] = [];
    for (const fk of await foreignKeys(db)) {
      if (kind(fk.table) === 'reference' && kind(fk.references) !== 'reference')
        wrong.push(`${fk.name}: a reference table points at ${fk.references}`);
      if (
        kind(fk.table) === 'distributed' &&
        kind(fk.references) === 'distributed' &&
        fk.columns[0] !== PROVINCE_COLUMN
      )
        wrong.push(`${fk.name}: (${fk.columns.join(', ')})`);
    }
    expect(wrong).toEqual([]);
    // The same-province links are kept (composite), e.g. a case's daily checks.
    const kept = (await foreignKeys(db)).filter((fk) => fk.columns[0] === PROVINCE_COLUMN);
    expect(kept.map((fk) => `${fk.table}.${fk.columns[1]}`).sort()).toEqual(
      SAME_PROVINCE_LINKS.map((l) => `${l.table}.${l.column}`).sort(),
    );
  });

  it('gives the Citus commands for every table, each after the tables it references', async () => {
    const tables = await tablesWithColumns(db);
    const statements = await citusStatements(db);
    const position = new Map(statements.map((s, i) => [/\('([a-z_]+)'/.exec(s)![1]!, i]));
    expect([...position.keys()].sort()).toEqual([...tables.keys()].sort());
    for (const fk of await foreignKeys(db))
      if (fk.table !== fk.references)
        expect(position.get(fk.references)).toBeLessThan(position.get(fk.table)!);
    expect(statements).toContain(`select create_reference_table('admin_units');`);
    expect(statements).toContain(
      `select create_distributed_table('person_national_ids', 'national_id', colocate_with => 'none');`,
    );
    expect(
      statements
        .filter((s) => s.includes('create_distributed_table'))
        .every((s) => s.includes("'province_code'") || s.includes('national_id')),
    ).toBe(true);
  });
});

describe.each(ENGINES)('a national ID is unique in the whole country on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db.close());

  const now = new Date().toISOString();
  const place = (province: string, commune: string) => ({
    province_code: province,
    district_code: '000',
    commune_code: commune,
  });
  const insert = (nationalId: string, where: ReturnType<typeof place>) =>
    db.db
      .transaction()
      .execute((trx) =>
        insertPersonRows(db, trx, [
          personRow(personInput({ fullName: 'Nguyễn Văn A', birthYear: 1980, nationalId }), where, { now }),
        ]),
      );

  it('refuses a second holder in another province, and frees an ID its holder gave up', async () => {
    const [first] = await insert('020080001234', place('20', '06385'));
    const holder = await db.db
      .selectFrom('person_national_ids')
      .selectAll()
      .where('national_id', '=', '020080001234')
      .executeTakeFirstOrThrow();
    expect(holder).toMatchObject({ province_code: '20', person_id: first });
    // Hà Nội (province 01, ward 00001): another province, the same ID.
    await expect(insert('020080001234', place('01', '00001'))).rejects.toThrow();
    expect(
      await db.db.selectFrom('persons').select('id').where('national_id', '=', '020080001234').execute(),
    ).toHaveLength(1);
    // The holder's ID removed (as a merge does): another province's person may take it.
    await db.db.transaction().execute(async (trx) => {
      await trx.updateTable('persons').set({ national_id: null }).where('id', '=', first!).execute();
      await syncNationalIds(trx, [first!]);
    });
    const [second] = await insert('020080001234', place('01', '00001'));
    expect(
      await db.db
        .selectFrom('person_national_ids')
        .select('person_id')
        .where('national_id', '=', '020080001234')
        .execute(),
    ).toEqual([{ person_id: second }]);
  });

  it('finds a holder through the lookup keyed by the ID (one shard under Citus), in any commune', async () => {
    // A person of Lạng Sơn (commune 06400), whose ID the lookup holds. The persons row is then made to say
    // otherwise (never done by the store): the matches must answer from the lookup, not by a scan of persons
    // (under Citus, every province's shard).
    const [id] = await insert('020090005678', place('20', '06400'));
    await db.db.updateTable('persons').set({ national_id: '020090009999' }).where('id', '=', id!).execute();
    // The matching of doses, cases, arrivals and check-ins, for a row of another commune.
    const [holder] = await holdersOfNationalIds(db.db, ['020090005678']);
    expect(holder).toMatchObject({ nationalId: '020090005678', person: { id, commune_code: '06400' } });
    expect(await holdersOfNationalIds(db.db, ['020090009999'])).toEqual([]);
    // The registry's own import of another commune's list.
    const row = {
      person: personInput({ fullName: 'Nguyễn Văn A', birthYear: 1980, nationalId: '020090005678' }),
      head: null,
    };
    const [listed] = await findListed(db.db, [row], new Map(), new Set());
    expect(listed?.id).toBe(id);
  });
});
