/**
 * The one bulk inserter, per engine, for every feature's many-row writes (imports, status refreshes,
 * counters, demo data), always inside the caller's transaction. SQLite runs one prepared statement per row
 * on the transaction's own connection (building a 400-row insert through the query builder cost more than
 * SQLite's work); PostgreSQL takes multi-row statements of at most ~30,000 parameters, keeping round trips
 * few.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Db } from './connection.ts';
import type { Database } from './schema.ts';

/** On a key already present (its columns, as the unique key lists them): replace the row's other columns, or add to a count. */
export type OnConflict = { replace: readonly string[] } | { add: string; keys: readonly string[] };

/** Tables with an integer `id` primary key. */
type TableWithId = { [T in keyof Database]: Database[T] extends { id: unknown } ? T : never }[keyof Database];

const MAX_PARAMETERS = 30_000;

function conflictClause(table: string, columns: string[], on?: OnConflict): string {
  if (!on) return '';
  if ('replace' in on)
    return ` on conflict (${on.replace.join(', ')}) do update set ${columns
      .filter((c) => !on.replace.includes(c))
      .map((c) => `${c} = excluded.${c}`)
      .join(', ')}`;
  return ` on conflict (${on.keys.join(', ')}) do update set ${on.add} = ${table}.${on.add} + excluded.${on.add}`;
}

const cell = (row: unknown, column: string) => (row as Record<string, unknown>)[column];

async function insert<T extends keyof Database>(
  db: Db,
  trx: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  options: { on?: OnConflict; returnIds: boolean },
): Promise<number[]> {
  const ids: number[] = [];
  if (rows.length === 0) return ids;
  const columns = Object.keys(rows[0]!);
  const upsert = conflictClause(table, columns, options.on);
  if (db.sqlite) {
    // Positional parameters: binding by name costs a property lookup per value.
    const statement = db.sqlite.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})${upsert}`,
    );
    for (const row of rows) {
      const info = statement.run(columns.map((c) => cell(row, c)));
      if (options.returnIds) ids.push(Number(info.lastInsertRowid));
    }
    return ids;
  }
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const returning = sql.raw(options.returnIds ? ' returning id' : '');
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows
      .slice(i, i + perStatement)
      .map((row) => sql`(${sql.join(columns.map((c) => cell(row, c)))})`);
    const result = await sql<{ id: number }>`insert into ${sql.table(table)} (${sql.join(
      columns.map((c) => sql.ref(c)),
    )}) values ${sql.join(values)}${sql.raw(upsert)}${returning}`.execute(trx);
    for (const r of result.rows) ids.push(Number(r.id));
  }
  return ids;
}

/** Inserts many rows inside the caller's transaction, or upserts them (one statement instead of a read, a delete and an insert). */
export async function insertRows<T extends keyof Database>(
  db: Db,
  trx: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  on?: OnConflict,
): Promise<void> {
  await insert(db, trx, table, rows, { on, returnIds: false });
}

/** Inserts many rows inside the caller's transaction and answers their ids, in order. */
export function insertReturningIds<T extends TableWithId>(
  db: Db,
  trx: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<number[]> {
  return insert(db, trx, table, rows, { returnIds: true });
}
