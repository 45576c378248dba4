import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db, Engine } from './connection.ts';

/** A migration for an engine; the handle gives one that rewrites data what it needs beside the schema (a key). */
export type MigrationSet = Record<string, (engine: Engine, db: Db) => Migration>;

/** Brings the schema up to date with the given migrations (applied in name order); returns those applied now. */
export async function runMigrations(db: Db, set: MigrationSet): Promise<string[]> {
  const migrations = Object.fromEntries(
    Object.entries(set).map(([name, make]) => [name, make(db.engine, db)]),
  );
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const { error, results } = await new Migrator({ db: db.db, provider }).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
