import type { Command } from 'commander';
import { commandGroup, importModeOption } from '../../../cli/command-group.ts';
import { runFileImport } from '../../../cli/file-import.ts';
import type { Config } from '../../../core/config.ts';
import { type ImportMode, importPersons } from './import-persons.ts';

/**
 * `safeadapt import persons FILE --commune CODE [--mode all-or-nothing|valid-rows]`: prints the counts and
 * every rejected row; exits 1 when nothing was imported.
 */
function importPersonsCommand(config: Config, file: string, o: { commune: string; mode: ImportMode }) {
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

/** `safeadapt import persons FILE`. */
export function personsCli(program: Command, config: Config) {
  commandGroup(program, 'import', 'import data files')
    .command('persons <file>')
    .description("import a commune's person list (.xlsx or .csv, as communes make them)")
    .requiredOption('--commune <code>', 'GSO code of the commune the list belongs to')
    .addOption(importModeOption('all-or-nothing'))
    .action((file, o) => importPersonsCommand(config, file, o));
}
