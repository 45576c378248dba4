import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Config } from '../../../core/config.ts';
import { AppError } from '../../../core/errors.ts';
import { openDb } from '../../../db/connection.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { seedReference } from '../../../demo/seed.ts';
import { type DoseImportMode, importDoses } from './import-doses.ts';

/**
 * `safeadapt import doses FILE [--unit CODE] [--mode valid-rows|all-or-nothing]`: prints rows read, imported,
 * rejected, matched and new persons, then every rejected row; exits 1 when nothing was imported.
 */
export async function importDosesCommand(
  config: Config,
  file: string,
  o: { unit: string; mode: DoseImportMode },
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
    const result = await importDoses(db, {
      path: file,
      fileName: path.basename(file),
      unitCode: o.unit,
      mode: o.mode,
      scope: null,
      actor: { userId: null, username: 'cli', ip: null },
      onProgress: (bytes) => bar.update(mb(bytes)),
    });
    bar.update(mb(size));
    bar.stop();
    console.log(`rows read: ${result.rowsRead}`);
    console.log(`imported: ${result.imported}`);
    console.log(`rejected: ${result.rejected}`);
    console.log(
      `matched persons: ${result.matchedPersons} (by national ID ${result.matchedByNationalId}, by name + birth date + commune ${result.matchedByNameAndBirth})`,
    );
    console.log(`new persons (flagged for review): ${result.newPersons}`);
    console.log(`ignored (already recorded): ${result.ignored}`);
    console.log(`warnings: ${result.warnings}`);
    if (!result.committed)
      console.log(`mode ${o.mode}: nothing was stored because ${result.rejected} row(s) were rejected`);
    const rejected = result.report.filter((e) => e.kind === 'rejected');
    for (const e of rejected.slice(0, 200))
      console.log(`  row ${e.row}, ${e.column}: ${e.reason.vi} / ${e.reason.en}`);
    if (result.rejected > 200) console.log(`  … more rejected rows in the import report`);
    console.log(`import: ${result.importId}`);
    if (result.imported === 0) process.exitCode = 1;
  } catch (error) {
    bar.stop();
    if (error instanceof AppError) throw new Error(`${error.text.vi} / ${error.text.en}`);
    throw error;
  } finally {
    await db.close();
  }
}
