import type { Command } from 'commander';
import { commandGroup, importModeOption } from '../../../cli/command-group.ts';
import { runFileImport } from '../../../cli/file-import.ts';
import type { Config } from '../../../core/config.ts';
import { systemScope } from '../../auth/index.ts';
import { type DoseImportMode, importDoses } from './import-doses.ts';

/**
 * `safeadapt import doses FILE [--unit CODE] [--mode valid-rows|all-or-nothing]`: prints rows read, imported,
 * rejected, matched and new persons, then every rejected row; exits 1 when nothing was imported.
 */
function importDosesCommand(config: Config, file: string, o: { unit: string; mode: DoseImportMode }) {
  return runFileImport(config, file, async (db, source) => {
    const result = await importDoses(db, {
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
        `matched persons: ${result.matchedPersons} (by national ID ${result.matchedByNationalId}, by name + birth date + commune ${result.matchedByNameAndBirth})`,
        `new persons (flagged for review): ${result.newPersons}`,
        `ignored (already recorded): ${result.ignored}`,
        `warnings: ${result.warnings}`,
      ],
      rejectedRows: result.report.filter((e) => e.kind === 'rejected'),
      rejected: result.rejected,
      imported: result.imported,
      committed: result.committed,
      mode: o.mode,
      recordedAs: `import: ${result.importId}`,
    };
  });
}

/** `safeadapt import doses FILE`. */
export function vaccinationCli(program: Command, config: Config) {
  commandGroup(program, 'import', 'import data files')
    .command('doses <file>')
    .description(
      'import a dose list laid out like a national-platform export (.xlsx or .csv, one row per dose)',
    )
    .option('--unit <code>', 'GSO code of the unit the list is for: every row must be within it', 'VN')
    .addOption(importModeOption('valid-rows'))
    .action((file, o) => importDosesCommand(config, file, o));
}
