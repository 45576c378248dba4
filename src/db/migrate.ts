import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './connection.ts';
import { foundation } from './migrations/0001-foundation.ts';
import { persons } from './migrations/0002-persons.ts';
import { directives } from './migrations/0003-directives.ts';
import { vaccination } from './migrations/0004-vaccination.ts';
import { personEvents } from './migrations/0006-person-events.ts';

/** Migrations in order; each is a function of the engine for the few types that differ. */
function migrations(db: Db): Record<string, Migration> {
  return {
    '0001-foundation': foundation(db.engine),
    '0002-persons': persons(db.engine),
    '0003-directives': directives(db.engine),
    '0004-vaccination': vaccination(db.engine),
    '0006-person-events': personEvents(db.engine),
  };
}

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(db) };
  const { error, results } = await new Migrator({ db: db.db, provider }).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
