import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, type Dialect, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { withAfterCommit } from './after-commit.ts';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  /** The raw better-sqlite3 handle (SQLite only): online backup and bulk loads. */
  sqlite: SQLite.Database | null;
  /** Where files kept beside the database live (the audit key and checkpoints); null if it has none. */
  dataDir: string | null;
  /** The audit log's MAC key from SAFEADAPT_AUDIT_KEY; null: the key file in `dataDir`. */
  auditKey: string | null;
  /** What it was opened with: a worker thread opens its own connection to the same database. */
  target: DbTarget;
  close(): Promise<void>;
}

export interface DbTarget {
  databaseUrl: string | null;
  sqliteFile: string;
  pgPoolMax?: number;
  /** Opening a PostgreSQL connection gives up after this (default 10 s): the request answers 503, never hangs. */
  pgConnectTimeoutMs?: number;
  /** PostgreSQL cancels a statement running longer (default 60 s; 0: no limit). */
  pgStatementTimeoutMs?: number;
  /**
   * How long a SQLite connection waits for the write lock (default 5 s). A worker thread waits longer: it
   * blocks nobody by waiting, and several background writers (an import's chunks, the status catch-up, an
   * export's audit rows) can keep the lock busy for more than 5 s together on a loaded machine.
   */
  busyTimeoutMs?: number;
  /** Defaults to the SQLite file's folder. */
  dataDir?: string;
  auditKey?: string | null;
}

// PostgreSQL's COUNT/SUM come back as int8 strings: parse them as numbers (our counts stay far below 2^53).
pg.types.setTypeParser(20, (value) => Number(value));

export function openDb(target: DbTarget): Db {
  const auditKey = target.auditKey ?? null;
  if (target.databaseUrl) {
    const pool = new pg.Pool({
      Client: PreparingClient,
      connectionString: target.databaseUrl,
      max: target.pgPoolMax ?? 10,
      // A request fails (503) instead of waiting forever for a connection: a free one from the pool, or a new
      // one from a server that accepts and never answers the handshake (a wrong port, a hung PostgreSQL).
      connectionTimeoutMillis: target.pgConnectTimeoutMs ?? 10_000,
      idleTimeoutMillis: 30_000,
      // Sent at connect: PostgreSQL itself cancels a runaway statement (57014), which frees its connection.
      statement_timeout: target.pgStatementTimeoutMs ?? 60_000,
    });
    // An idle connection that PostgreSQL closes (a restart, pg_terminate_backend) is an 'error' event on the
    // pool: without a listener it would end the process. The pool has dropped that client already and opens a
    // new one when next needed.
    pool.on('error', (err) =>
      console.error(`PostgreSQL connection lost (${err.message}); reconnecting on demand`),
    );
    const db = new Kysely<Database>({ dialect: withAfterCommit(new PostgresDialect({ pool })) });
    const dataDir = target.dataDir ?? null;
    return { db, engine: 'postgres', sqlite: null, dataDir, auditKey, target, close: () => db.destroy() };
  }
  fs.mkdirSync(path.dirname(target.sqliteFile), { recursive: true });
  const sqlite = new SQLite(target.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const busyTimeoutMs = Math.trunc(target.busyTimeoutMs ?? 5000);
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // 128 MB of page cache (the default is 2 MB): a registry of a province's million people keeps its name and
  // ID indexes in memory instead of re-reading them on every insert and search.
  sqlite.pragma('cache_size = -131072');
  const db = new Kysely<Database>({
    dialect: withAfterCommit(
      immediate(new SqliteDialect({ database: withStatementCache(sqlite) }), sqlite, busyTimeoutMs),
    ),
  });
  const dataDir =
    target.dataDir ?? (target.sqliteFile === ':memory:' ? null : path.dirname(target.sqliteFile));
  return { db, engine: 'sqlite', sqlite, dataDir, auditKey, target, close: () => db.destroy() };
}

/**
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it at each run: a name search spent more
 * in planning than in running. As SQLite's statement cache does, each connection prepares (names) the
 * statements that repeat, by SQL text: a statement seen twice is named, up to `PREPARED_MOST`; PostgreSQL then
 * plans it once, when its generic plan is as good as a fresh one (plan_cache_mode auto). Writes, and statements
 * without parameters (BEGIN, COMMIT), stay unnamed.
 */
const PREPARED_MOST = 200;
/** Reads only: a write plans in microseconds, and a batch's INSERT differs in text with its number of rows. */
const READ = /^select\s/;
const SEEN_MOST = 2000;
class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();
  readonly #seen = new Set<string>();
  /** Renamed after a statement's result changed shape (a migration altered its table); see `query`. */
  #generation = 0;

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this passes them through.
  override query(config: any, values?: any, callback?: any): any {
    if (
      typeof config !== 'string' ||
      !Array.isArray(values) ||
      values.length === 0 ||
      callback ||
      !READ.test(config)
    )
      return super.query(config, values, callback);
    const name = this.#nameOf(config);
    if (!name) return super.query(config, values);
    return (super.query({ name, text: config, values }) as Promise<pg.QueryResult>).catch((error) => {
      // "cached plan must not change result type": a migration changed the statement's tables under it. This
      // run fails; new names make the next runs prepare afresh.
      if ((error as { code?: string }).code === '0A000') this.#renew();
      throw error;
    });
  }

  #nameOf(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known || this.#names.size >= PREPARED_MOST) return known;
    if (!this.#seen.has(text)) {
      if (this.#seen.size >= SEEN_MOST) this.#seen.clear();
      this.#seen.add(text);
      return undefined;
    }
    const name = `safeadapt_${this.#generation}_${this.#names.size}`;
    this.#names.set(text, name);
    return name;
  }

  #renew() {
    this.#generation += 1;
    this.#names.clear();
    this.#seen.clear();
  }
}

/**
 * SQLite transactions begin IMMEDIATE (Kysely's driver says BEGIN, a deferred one): a deferred transaction
 * that reads, then writes after another connection committed (the server and a worker thread or the CLI on
 * one file) fails at once with SQLITE_BUSY_SNAPSHOT, which busy_timeout does not wait out. An immediate one
 * takes the write lock first, waiting for it up to busy_timeout.
 *
 * It waits without blocking its thread (issue 13): busy_timeout's wait is a sleep of the calling thread, and
 * in the server's thread every request (/api/health too) stalled for as long as a worker's transaction held
 * the lock. So the lock is asked for with busy_timeout 0, and asked again after a growing pause (1 to 25 ms)
 * until busy_timeout has passed; statements inside the transaction have the lock already.
 */
function immediate(dialect: Dialect, sqlite: SQLite.Database, timeoutMs: number): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver() {
      const driver = dialect.createDriver();
      driver.beginTransaction = async (connection) => {
        const until = Date.now() + timeoutMs;
        for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
          sqlite.pragma('busy_timeout = 0');
          try {
            await connection.executeQuery(CompiledQuery.raw('begin immediate'));
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= until) throw error;
          } finally {
            sqlite.pragma(`busy_timeout = ${timeoutMs}`);
          }
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      };
      return driver;
    },
  };
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
