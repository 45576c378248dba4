import type { Config } from '../core/config.ts';
import { type ImportMode, importPersons } from '../features/persons/import/import-persons.ts';
import { runFileImport } from './file-import.ts';

/**
 * `safeadapt import persons FILE --commune CODE [--mode all-or-nothing|valid-rows]`: prints the counts and
 * every rejected row; exits 1 when nothing was imported.
 */
export function importPersonsCommand(config: Config, file: string, o: { commune: string; mode: ImportMode }) {
  return runFileImport(config, file, async (db, source) => {
    const result = await importPersons(db, {
      ...source,
      communeCode: o.commune,
      mode: o.mode,
      actor: { userId: null, username: 'cli', ip: null },
    });
    return {
      counts: [
        `rows read: ${result.rowsRead}`,
        `imported: ${result.imported}`,
        `rejected: ${result.rejected}`,
        `sent to review: ${result.review}`,
        `already registered (same national ID): ${result.existing}`,
      ],
      rejectedRows: result.errors,
      rejected: result.rejected,
      imported: result.imported,
      committed: result.committed,
      mode: o.mode,
      recordedAs: `batch: ${result.batchId}`,
    };
  });
}
