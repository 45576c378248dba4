/** PostgreSQL backup and restore with the PostgreSQL tools (pg_dump, pg_restore) in the custom format. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Debian/Ubuntu install the versioned tools here, besides the wrappers in /usr/bin. */
const DEBIAN_BIN = '/usr/lib/postgresql/15/bin';

/** PG_BIN's tool if set, else the one on PATH, else Debian's PostgreSQL 15 one; a clear error if none. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dirs = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), DEBIAN_BIN];
  const found = dirs.map((d) => path.join(d, name)).find((f) => fs.existsSync(f));
  if (!found)
    throw new Error(
      `${name} not found (looked in ${process.env.PG_BIN ? `PG_BIN=${process.env.PG_BIN}` : `PATH and ${DEBIAN_BIN}`}). ` +
        'Install the PostgreSQL 15 client tools (Debian/Ubuntu: apt install postgresql-client-15) or set PG_BIN to their folder.',
    );
  return found;
}

/** Runs a tool; its stderr lines go to `onLine`; fails with the tool's own last words. */
function run(tool: string, args: string[], onLine: (line: string) => void = () => {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const errors: string[] = [];
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    let partial = '';
    child.stderr.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        onLine(line);
        if (/error|fatal/i.test(line)) errors.push(line);
      }
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(
              `${path.basename(tool)} failed (exit ${code}): ${errors.slice(-3).join(' / ') || partial}`,
            ),
          ),
    );
  });
}

/**
 * pg_dump reads one snapshot (a repeatable-read transaction): the server goes on writing and the dump never
 * restarts. Progress: tables dumped of the database's tables.
 */
export async function pgDump(
  url: string,
  target: string,
  tables: number,
  onProgress: (done: number, total: number) => void,
) {
  let done = 0;
  await run(
    pgTool('pg_dump'),
    ['--format=custom', '--verbose', `--file=${target}`, `--dbname=${url}`],
    (line) => {
      if (/dumping contents of table/.test(line)) onProgress(Math.min(++done, tables), tables);
    },
  );
  onProgress(tables, tables);
}

/** Refuses a file that is not a readable pg_dump archive of a SafeAdapt database. */
export async function checkPgArchive(file: string) {
  const listing = await run(pgTool('pg_restore'), ['--list', file]).catch((error: Error) => {
    throw new Error(`${file} is not a SafeAdapt backup (${error.message}).`);
  });
  const missing = ['admin_units', 'audit_log', 'users'].filter(
    (t) => !new RegExp(`TABLE DATA \\S+ ${t} `).test(listing),
  );
  if (missing.length) throw new Error(`${file} is not a SafeAdapt backup (no table ${missing.join(', ')}).`);
}

/** Replaces the database's objects with the archive's, in one transaction: all or nothing. */
export function pgRestore(url: string, file: string) {
  return run(pgTool('pg_restore'), [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    file,
  ]);
}
