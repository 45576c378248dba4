import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import pg from 'pg';
import type { Config } from '../core/config.ts';
import { whileNoServer } from '../db/server-hold.ts';
import { checkPgArchive, pgDump, pgRestore } from './pg-backup.ts';
import { checkSqliteBackup, replaceSqliteFile, vacuumInto } from './sqlite-backup.ts';

/**
 * Online backup: the server may keep running and writing. SQLite: a copy of the database file; PostgreSQL: a
 * pg_dump archive (custom format). Written beside the target and checked before it takes the target's name.
 */
export async function backupCommand(config: Config, file: string) {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const bar = new SingleBar({ format: 'backup [{bar}] {percentage}% | {value}/{total} {unit}' });
  let started = false;
  const progress = (unit: string) => (done: number, total: number) => {
    if (!started) bar.start(total, 0, { unit });
    started = true;
    bar.update(done);
  };
  try {
    if (config.databaseUrl) {
      await pgDump(config.databaseUrl, partial, await tableCount(config.databaseUrl), progress('tables'));
      await checkPgArchive(partial);
    } else {
      if (!fs.existsSync(config.sqliteFile)) throw new Error(`No database at ${config.sqliteFile}`);
      const mb = progress('MB');
      await vacuumInto(config.sqliteFile, partial, (done, total) => mb(megabytes(done), megabytes(total)));
      checkSqliteBackup(partial);
    }
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    if (started) bar.stop();
  }
  fs.renameSync(partial, target);
  console.log(`Backup written to ${target} (checked)`);
}

const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Replaces the database with a checked backup, refused while a server holds the database. */
export async function restoreCommand(config: Config, file: string) {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`No backup at ${source}`);
  const databaseUrl = config.databaseUrl;
  if (databaseUrl) await checkPgArchive(source);
  else checkSqliteBackup(source);
  await whileNoServer(config, async () => {
    if (databaseUrl) await pgRestore(databaseUrl, source);
    else replaceSqliteFile(config.sqliteFile, source);
  });
  console.log(`Database restored from ${source}`);
}
