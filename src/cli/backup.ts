import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { SingleBar } from 'cli-progress';
import type { Config } from '../core/config.ts';
import { openDb } from '../db/connection.ts';

function requireSqlite(config: Config) {
  if (config.databaseUrl)
    throw new Error(
      'backup/restore work on the embedded SQLite database; for PostgreSQL use pg_dump / pg_restore (docs/postgresql.md).',
    );
}

/** Online backup: the server may keep running; pages are copied in steps with a progress bar. */
export async function backupCommand(config: Config, file: string) {
  requireSqlite(config);
  if (!fs.existsSync(config.sqliteFile)) throw new Error(`No database at ${config.sqliteFile}`);
  const db = openDb(config);
  const bar = new SingleBar({ format: 'backup [{bar}] {percentage}% | {value}/{total} pages' });
  try {
    let started = false;
    await db.sqlite!.backup(path.resolve(file), {
      progress({ totalPages, remainingPages }) {
        if (!started) bar.start(totalPages, 0);
        started = true;
        bar.update(totalPages - remainingPages);
        return 1000;
      },
    });
    bar.stop();
    console.log(`Backup written to ${path.resolve(file)}`);
  } finally {
    await db.close();
  }
}

/** Replaces the database file with a checked backup; the old file is kept beside it as .before-restore. */
export async function restoreCommand(config: Config, file: string) {
  requireSqlite(config);
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`No backup at ${source}`);
  const check = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    const tables = check
      .prepare(
        "select count(*) n from sqlite_master where type = 'table' and name in ('admin_units', 'audit_log', 'users')",
      )
      .get() as { n: number };
    if (ok !== 'ok' || tables.n !== 3)
      throw new Error(`${source} is not a SafeAdapt backup (integrity: ${ok}).`);
  } finally {
    check.close();
  }
  fs.mkdirSync(path.dirname(config.sqliteFile), { recursive: true });
  if (fs.existsSync(config.sqliteFile))
    fs.renameSync(config.sqliteFile, `${config.sqliteFile}.before-restore`);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(config.sqliteFile + suffix, { force: true });
  fs.copyFileSync(source, `${config.sqliteFile}.restoring`);
  fs.renameSync(`${config.sqliteFile}.restoring`, config.sqliteFile);
  console.log(`Database restored from ${source}`);
}
