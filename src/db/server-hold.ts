/**
 * A running server holds its database, so that `safeadapt restore` refuses to replace it under the server
 * (the server would go on writing to the file it has open, or into the tables being dropped, and those
 * writes would be lost without a word).
 *
 * SQLite: one holder file per server process beside the database (`<db>.server-<pid>`), removed on close; a
 * file whose process is gone (a crash) is stale and ignored. PostgreSQL: a shared advisory lock on a session
 * of its own, which PostgreSQL releases itself when the server goes away; restore takes it exclusively, so a
 * server that starts meanwhile waits for the restore to end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface DbTarget {
  databaseUrl: string | null;
  sqliteFile: string;
}

/** The advisory lock's key: any constant; "safeada" in hex. */
const LOCK_KEY = 0x5afeada;
const APPLICATION = 'safeadapt serve';

export class DatabaseHeld extends Error {}

/** Holds the database for this server process; the returned function lets it go (on close). */
export async function holdAsServer(target: DbTarget): Promise<() => Promise<void>> {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl, application_name: APPLICATION });
    await client.connect();
    // A lost connection releases the lock: the server carries on, restore is no longer refused (logged).
    client.on('error', (err) => console.error(`server hold on the database lost: ${err.message}`));
    await client.query('select pg_advisory_lock_shared($1)', [LOCK_KEY]);
    return () => client.end();
  }
  const file = `${target.sqliteFile}.server-${process.pid}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date() }));
  return async () => fs.rmSync(file, { force: true });
}

const STOP_FIRST =
  'Stop the server first (it would keep writing to the database being replaced), then restore.';

/** Runs the work only while no server holds the database; otherwise fails saying which server holds it. */
export async function whileNoServer<T>(target: DbTarget, work: () => Promise<T>): Promise<T> {
  if (!target.databaseUrl) {
    const holders = liveHolderFiles(target.sqliteFile);
    if (holders.length)
      throw new DatabaseHeld(
        `A SafeAdapt server is using ${target.sqliteFile} (${holders.join(', ')}). ${STOP_FIRST}`,
      );
    return work();
  }
  const client = new pg.Client({
    connectionString: target.databaseUrl,
    application_name: 'safeadapt restore',
  });
  await client.connect();
  try {
    const { rows } = await client.query('select pg_try_advisory_lock($1) as free', [LOCK_KEY]);
    if (!rows[0].free) throw new DatabaseHeld(`${await pgHolders(client)} ${STOP_FIRST}`);
    return await work();
  } finally {
    await client.end();
  }
}

/** The holder files of live processes; stale ones (their process ended without closing) are removed. */
function liveHolderFiles(sqliteFile: string): string[] {
  const dir = path.dirname(sqliteFile);
  const prefix = `${path.basename(sqliteFile)}.server-`;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .flatMap((name) => {
      const file = path.join(dir, name);
      const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; host: string };
      // Another machine's process cannot be checked from here: it counts as live.
      if (holder.host === os.hostname() && !alive(holder.pid)) {
        fs.rmSync(file, { force: true });
        return [];
      }
      return [`process ${holder.pid} on ${holder.host}`];
    });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

async function pgHolders(client: pg.Client): Promise<string> {
  const { rows } = await client.query(
    `select a.pid, coalesce(host(a.client_addr), 'local socket') as addr from pg_locks l
       join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.objid = $1 and l.granted and l.database = (
        select oid from pg_database where datname = current_database())`,
    [LOCK_KEY],
  );
  const who = rows.map((r) => `PostgreSQL session ${r.pid} from ${r.addr}`).join(', ');
  return `A SafeAdapt server is using this database (${who || 'a session that just ended'}).`;
}
