import type { Command } from 'commander';
import { commandGroup, importModeOption } from '../../../cli/command-group.ts';
import { runFileImport } from '../../../cli/file-import.ts';
import type { Config } from '../../../core/config.ts';
import type { ImportMode } from '../../../core/import/pipeline.ts';
import { systemScope } from '../../auth/index.ts';
import { importCases } from './import-cases.ts';

/**
 * `safeadapt import cases FILE --unit CODE [--mode valid-rows|all-or-nothing]`: prints rows read, imported,
 * rejected, matched and new persons, then every rejected row; exits 1 when nothing was imported.
 */
function importCasesCommand(config: Config, file: string, o: { unit: string; mode: ImportMode }) {
  return runFileImport(config, file, async (db, source) => {
    const result = await importCases(db, {
      ...source,
      unitCode: o.unit,
      mode: o.mode,
      scope: systemScope('cli'),
      actor: { userId: null, username: 'cli', ip: null },
    });
    return {
      counts: [
        `rows read: ${result.rowsRead}`,
        `imported: ${result.imported}`,
        `rejected: ${result.rejected}`,
        `matched persons: ${result.matched}`,
        `new persons (flagged for review): ${result.newPersons}`,
      ],
      rejectedRows: result.errors,
      rejected: result.rejected,
      imported: result.imported,
      committed: result.committed,
      mode: o.mode,
      recordedAs: `import: ${result.importId}`,
    };
  });
}

/** `safeadapt import cases FILE`. */
export function casesCli(program: Command, config: Config) {
  commandGroup(program, 'import', 'import data files')
    .command('cases <file>')
    .description("import a commune's F0 list (.xlsx or .csv, as communes keep it)")
    .requiredOption('--unit <code>', 'GSO code of the commune the list belongs to')
    .addOption(importModeOption('valid-rows'))
    .action((file, o) => importCasesCommand(config, file, o));
}
