import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  /** The raw better-sqlite3 handle (SQLite only): online backup and bulk loads. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

// PostgreSQL's COUNT/SUM come back as int8 strings: parse them as numbers (our counts stay far below 2^53).
pg.types.setTypeParser(20, (value) => Number(value));

export function openDb(target: { databaseUrl: string | null; sqliteFile: string }): Db {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', sqlite: null, close: () => db.destroy() };
  }
  fs.mkdirSync(path.dirname(target.sqliteFile), { recursive: true });
  const sqlite = new SQLite(target.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // 128 MB of page cache (the default is 2 MB): a registry of a province's million people keeps its name and
  // ID indexes in memory instead of re-reading them on every insert and search.
  sqlite.pragma('cache_size = -131072');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every query anew, which costs more than running it. Queries repeat (same
 * SQL, new parameters), so prepared statements are kept by SQL text, in a bounded map (oldest out first).
 * Safe because Kysely runs one query at a time on the single connection.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
