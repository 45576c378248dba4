/**
 * PostgreSQL connections prepare the statements that repeat (db/connection.ts): a statement run twice is
 * named on its connection, and a table changed under a prepared statement fails one run, then the connection
 * prepares afresh.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/db/connection.ts';
import { emptyDb } from '../support/databases.ts';

describe('prepared statements on postgres', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const created = await emptyDb('postgres');
    await created.close();
    // One connection, so every run below is on the connection whose prepared statements are read.
    db = openDb({ databaseUrl: created.url, sqliteFile: '', pgPoolMax: 1 });
    close = () => db.close();
    await sql`create table readings (id integer primary key, value text)`.execute(db.db);
    await sql`insert into readings values (1, 'một'), (2, 'hai')`.execute(db.db);
  });
  afterAll(() => close());

  const read = (id: number) => sql<{ id: number }>`select * from readings where id = ${id}`.execute(db.db);
  const prepared = async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db.db)).rows.map(
      (r) => r.statement,
    );

  it('names a statement with parameters the second time it runs, and answers as before', async () => {
    expect((await read(1)).rows).toEqual([{ id: 1, value: 'một' }]);
    expect(await prepared()).not.toContain('select * from readings where id = $1');
    expect((await read(2)).rows).toEqual([{ id: 2, value: 'hai' }]);
    expect(await prepared()).toContain('select * from readings where id = $1');
    expect((await read(1)).rows).toEqual([{ id: 1, value: 'một' }]);
  });

  it('prepares afresh after a migration changed the result of a prepared statement', async () => {
    await read(1);
    await read(1);
    await sql`alter table readings add column unit text`.execute(db.db);
    // The one run that meets the old plan fails, as PostgreSQL refuses a cached plan of another shape…
    await expect(read(1)).rejects.toMatchObject({ code: '0A000' });
    // …and the next ones see the new column.
    expect((await read(1)).rows).toEqual([{ id: 1, value: 'một', unit: null }]);
    expect((await read(2)).rows).toEqual([{ id: 2, value: 'hai', unit: null }]);
  });
});
