import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Config } from '../core/config.ts';
import { AppError, type Message } from '../core/errors.ts';
import { type Db, openDb } from '../db/connection.ts';
import { seedReference } from '../demo/seed.ts';
import { migrateToLatest } from './commands.ts';

/** What an import command prints once the file is read. */
export interface ImportSummary {
  /** "label: value" lines, in the order the command's contract names them. */
  counts: string[];
  rejectedRows: { row: number; column: string; reason: Message }[];
  rejected: number;
  imported: number;
  committed: boolean;
  mode: string;
  /** The last line: the id of the recorded batch. */
  recordedAs: string;
}

const SHOWN_ROWS = 200;
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/**
 * Runs one file import from the command line: opens and migrates the database, shows a progress bar over the
 * file's bytes on stderr, prints the counts and every rejected row (the first 200), and exits 1 when nothing
 * was imported — the same for every kind of file the CLI takes.
 */
export async function runFileImport(
  config: Config,
  file: string,
  run: (
    db: Db,
    source: { path: string; fileName: string; onProgress: (bytes: number) => void },
  ) => Promise<ImportSummary>,
) {
  const db = openDb(config);
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  const bar = new SingleBar({
    format: 'import [{bar}] {percentage}% | {value}/{total} MB',
    stream: process.stderr,
  });
  try {
    if (!size) throw new Error(`No such file or empty file: ${file}`);
    await migrateToLatest(db);
    await seedReference(db);
    bar.start(mb(size), 0);
    const summary = await run(db, {
      path: file,
      fileName: path.basename(file),
      onProgress: (bytes) => bar.update(mb(bytes)),
    });
    bar.update(mb(size));
    bar.stop();
    for (const line of summary.counts) console.log(line);
    if (!summary.committed)
      console.log(
        `mode ${summary.mode}: nothing was stored because ${summary.rejected} row(s) were rejected`,
      );
    for (const e of summary.rejectedRows.slice(0, SHOWN_ROWS))
      console.log(`  row ${e.row}, ${e.column}: ${e.reason.vi} / ${e.reason.en}`);
    if (summary.rejected > SHOWN_ROWS)
      console.log(`  … ${summary.rejected - SHOWN_ROWS} more in the import report`);
    console.log(summary.recordedAs);
    if (summary.imported === 0) process.exitCode = 1;
  } catch (error) {
    bar.stop();
    if (error instanceof AppError) throw new Error(`${error.text.vi} / ${error.text.en}`);
    throw error;
  } finally {
    await db.close();
  }
}
