import { type Insertable, type Kysely, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';

type BulkTable =
  | 'doses'
  | 'vaccination_status'
  | 'contact_outcomes'
  | 'coverage_counters'
  | 'milestone_counters';

/** On a key already present: replace the row's other columns, or add to a count. */
export type OnConflict = { replace: string } | { add: string; keys: readonly string[] };

function conflictClause(table: string, columns: string[], on?: OnConflict): string {
  if (!on) return '';
  if ('replace' in on)
    return ` on conflict (${on.replace}) do update set ${columns
      .filter((c) => c !== on.replace)
      .map((c) => `${c} = excluded.${c}`)
      .join(', ')}`;
  return ` on conflict (${on.keys.join(', ')}) do update set ${on.add} = ${table}.${on.add} + excluded.${on.add}`;
}

/**
 * Inserts many rows inside the caller's transaction (imports, status refreshes, counters, demo data), or
 * upserts them (one statement instead of a read, a delete and an insert). As for persons, SQLite runs one
 * prepared statement per row on the transaction's connection (cheaper than building large statements);
 * PostgreSQL takes multi-row statements.
 */
export async function insertRows<T extends BulkTable>(
  db: Db,
  trx: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  on?: OnConflict,
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const upsert = conflictClause(table, columns, on);
  if (db.sqlite) {
    // Positional parameters: binding by name costs a property lookup per value.
    const insert = db.sqlite.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})${upsert}`,
    );
    for (const row of rows) insert.run(columns.map((c) => (row as Record<string, unknown>)[c]));
    return;
  }
  const perStatement = Math.floor(30_000 / columns.length);
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows
      .slice(i, i + perStatement)
      .map((row) => sql`(${sql.join(columns.map((c) => (row as Record<string, unknown>)[c]))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}${sql.raw(upsert)}`.execute(
      trx,
    );
  }
}
