/** SQLite backup and restore of the database file. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/**
 * VACUUM INTO reads one snapshot of the database (a WAL read transaction): writers go on and the copy never
 * restarts, unlike the page-by-page backup API, which starts over whenever another connection writes. It
 * runs in a worker thread, so this thread can show its progress meanwhile (plain JS: workers load no TS).
 */
const VACUUM_INTO = `
const { workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.source, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
try { db.prepare('vacuum into ?').run(workerData.target); } finally { db.close(); }
`;

/** Copies the live database into `target` (which must not exist); progress in bytes written of about `total`. */
export async function vacuumInto(
  source: string,
  target: string,
  onProgress: (done: number, total: number) => void,
) {
  const probe = new SQLite(source, { readonly: true, fileMustExist: true });
  const pages =
    Number(probe.pragma('page_count', { simple: true })) -
    Number(probe.pragma('freelist_count', { simple: true }));
  const total = pages * Number(probe.pragma('page_size', { simple: true }));
  probe.close();
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(VACUUM_INTO, { eval: true, workerData: { driver, source, target } });
  const timer = setInterval(() => {
    if (fs.existsSync(target)) onProgress(Math.min(fs.statSync(target).size, total), total);
  }, 200);
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`backup worker exited with ${code}`)),
      );
    });
  } finally {
    clearInterval(timer);
  }
  onProgress(total, total);
}

/** Refuses a file that is not a whole SafeAdapt database: integrity check, then its core tables. */
export function checkSqliteBackup(file: string) {
  const check = new SQLite(file, { readonly: true, fileMustExist: true });
  let integrity: unknown;
  let tables = 0;
  try {
    integrity = check.pragma('integrity_check', { simple: true });
    tables = (
      check
        .prepare(
          "select count(*) n from sqlite_master where type = 'table' and name in ('admin_units', 'audit_log', 'users')",
        )
        .get() as { n: number }
    ).n;
  } catch (error) {
    integrity = (error as Error).message; // not a database at all
  } finally {
    check.close();
  }
  if (integrity !== 'ok' || tables !== 3)
    throw new Error(`${file} is not a SafeAdapt backup (integrity: ${integrity}).`);
}

/** Puts the backup in place of the database file; the old file is kept beside it as .before-restore. */
export function replaceSqliteFile(sqliteFile: string, source: string) {
  fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
  if (fs.existsSync(sqliteFile)) fs.renameSync(sqliteFile, `${sqliteFile}.before-restore`);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(sqliteFile + suffix, { force: true });
  fs.copyFileSync(source, `${sqliteFile}.restoring`);
  fs.renameSync(`${sqliteFile}.restoring`, sqliteFile);
}
