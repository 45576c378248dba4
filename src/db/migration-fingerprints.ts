import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { openDb } from './connection.ts';
import type { MigrationSet } from './migrate.ts';

/**
 * What each migration did, as a fingerprint: the SQLite schema after applying the migrations in order up to
 * and including it, hashed. An applied migration must never change; comparing fingerprints with the recorded
 * ones (migration-fingerprints.json) catches an edit however it is written, and ignores moves and formatting.
 */
export async function migrationFingerprints(set: MigrationSet): Promise<Record<string, string>> {
  const db = openDb({ databaseUrl: null, sqliteFile: ':memory:' });
  try {
    const fingerprints: Record<string, string> = {};
    for (const name of Object.keys(set).sort()) {
      await set[name]!(db.engine, db).up(db.db);
      const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
        select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`.execute(
        db.db,
      );
      fingerprints[name] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    }
    return fingerprints;
  } finally {
    await db.close();
  }
}
