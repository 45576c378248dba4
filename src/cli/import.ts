import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Config } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedReference } from '../demo/seed.ts';
import { type ImportMode, importPersons } from '../features/persons/import/import-persons.ts';

/**
 * `safeadapt import persons FILE --commune CODE [--mode all-or-nothing|valid-rows]`: prints the counts and
 * every rejected row; exits 1 when nothing was imported.
 */
export async function importPersonsCommand(
  config: Config,
  file: string,
  o: { commune: string; mode: ImportMode },
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
    const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
    bar.start(mb(size), 0);
    const result = await importPersons(db, {
      path: file,
      fileName: path.basename(file),
      communeCode: o.commune,
      mode: o.mode,
      actor: { userId: null, username: 'cli', ip: null },
      onProgress: (bytes) => bar.update(mb(bytes)),
    });
    bar.update(mb(size));
    bar.stop();
    console.log(`rows read: ${result.rowsRead}`);
    console.log(`imported: ${result.imported}`);
    console.log(`rejected: ${result.rejected}`);
    console.log(`sent to review: ${result.review}`);
    console.log(`already registered (same national ID): ${result.existing}`);
    if (!result.committed)
      console.log(`mode ${o.mode}: nothing was stored because ${result.rejected} row(s) were rejected`);
    for (const e of result.errors.slice(0, 200))
      console.log(`  row ${e.row}, ${e.column}: ${e.reason.vi} / ${e.reason.en}`);
    if (result.errors.length > 200) console.log(`  … ${result.errors.length - 200} more`);
    console.log(`batch: ${result.batchId}`);
    if (result.imported === 0) process.exitCode = 1;
  } catch (error) {
    bar.stop();
    if (error instanceof AppError) throw new Error(`${error.text.vi} / ${error.text.en}`);
    throw error;
  } finally {
    await db.close();
  }
}
