import type { Db } from '../db/connection.ts';
import { type MigrationSet, runMigrations } from '../db/migrate.ts';
import { foundation } from '../db/migrations/0001-foundation.ts';
import { jobs } from '../db/migrations/0005-jobs.ts';
import { importProgress } from '../db/migrations/0013-import-progress.ts';
import { distributionKeys } from '../db/migrations/0099-distribution-keys.ts';
import { features } from './features.ts';

/** The core schema and every feature's migrations, by name (a name is never reused or edited once applied). */
export function allMigrations(): MigrationSet {
  // The core's own tables (units, accounts, audit; the job runner's leases; the import pipeline's progress); the rest come with their features.
  const set: MigrationSet = {
    '0001-foundation': foundation,
    '0005-jobs': jobs,
    '0013-import-progress': importProgress,
    // After every migration that adds tables or keys (keep their numbers below it): the keys of a schema Citus
    // can distribute by province, read from the catalog. Later ones may only add plain indexes.
    '0099-distribution-keys': distributionKeys,
  };
  for (const feature of features())
    for (const [name, migration] of Object.entries(feature.migrations ?? {})) {
      if (set[name]) throw new Error(`Migration ${name} is declared twice (${feature.name})`);
      set[name] = migration;
    }
  return set;
}

/** Brings the schema up to date; returns the names of the migrations applied now. */
export function migrateToLatest(db: Db): Promise<string[]> {
  return runMigrations(db, allMigrations());
}
