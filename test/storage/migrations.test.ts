import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Db, Engine } from '../../src/db/connection.ts';
import type { MigrationSet } from '../../src/db/migrate.ts';
import { migrationFingerprints } from '../../src/db/migration-fingerprints.ts';
import { allMigrations } from '../../src/server/migrations.ts';

const recorded: Record<string, string> = JSON.parse(
  fs.readFileSync(new URL('../../src/db/migration-fingerprints.json', import.meta.url), 'utf8'),
);

describe('applied migrations', () => {
  it('are unchanged: each one still leaves the schema it left when it was recorded', async () => {
    const now = await migrationFingerprints(allMigrations());
    for (const [name, hash] of Object.entries(recorded)) expect(now[name], name).toBe(hash);
    // A new migration must be recorded (npm run migrations:record) in the commit that adds it.
    expect(Object.keys(now).sort()).toEqual(Object.keys(recorded).sort());
  });

  it('catch an edit to an applied migration', async () => {
    const set = allMigrations();
    const [first] = Object.keys(set).sort() as [string];
    const edited: MigrationSet = {
      ...set,
      [first]: (engine: Engine, handle: Db) => ({
        up: async (db) => {
          await set[first]!(engine, handle).up(db);
          await db.schema.alterTable('meta').addColumn('sneaked_in', 'text').execute();
        },
      }),
    };
    const now = await migrationFingerprints(edited);
    expect(now[first]).not.toBe(recorded[first]);
  });
});
