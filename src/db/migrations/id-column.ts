import type { ColumnDefinitionBuilder } from 'kysely';
import type { Engine } from '../connection.ts';

/** The surrogate key of a table: bigserial on PostgreSQL, an autoincrement rowid on SQLite. */
export function idColumn(engine: Engine) {
  const type = engine === 'postgres' ? 'bigserial' : 'integer';
  const build = (c: ColumnDefinitionBuilder) =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  return [type, build] as const;
}
