import type { Command } from 'commander';
import { commandGroup, importModeOption } from '../../../cli/command-group.ts';
import { runFileImport } from '../../../cli/file-import.ts';
import type { Config } from '../../../core/config.ts';
import { type ImportMode, type ImportResult, importPersons } from './import-persons.ts';

function newVillagesLine(villages: ImportResult['newVillages']) {
  if (villages.length === 0) return 'new villages: 0';
  const names = villages.map((v) => `${v.name} (${v.rows} rows)`).join(', ');
  return villages.some((v) => v.id !== null)
    ? `new villages created: ${villages.length}: ${names}`
    : `new villages not created (their rows are rejected; --create-villages creates them): ${villages.length}: ${names}`;
}

/**
 * `safeadapt import persons FILE --commune CODE [--mode all-or-nothing|valid-rows] [--create-villages]`: prints
 * the counts (read, imported, merged, rejected, then new / updated / unchanged), the new villages, every merged
 * and rejected row; exits 1 when nothing was imported.
 */
function importPersonsCommand(
  config: Config,
  file: string,
  o: { commune: string; mode: ImportMode; createVillages?: boolean },
) {
  return runFileImport(config, file, async (db, source) => {
    const result = await importPersons(db, {
      ...source,
      communeCode: o.commune,
      mode: o.mode,
      newVillages: o.createVillages ? 'create' : 'reject',
      actor: { userId: null, username: 'cli', ip: null },
    });
    return {
      counts: [
        `rows read: ${result.rowsRead}`,
        `imported: ${result.imported}`,
        `merged: ${result.merged}`,
        `rejected: ${result.rejected}`,
        `new: ${result.added}`,
        `updated: ${result.updated}`,
        `unchanged: ${result.unchanged}`,
        `sent to review: ${result.review}`,
        newVillagesLine(result.newVillages),
        ...result.mergedRows
          .slice(0, 200)
          .map((e) => `  row ${e.row}, ${e.column}: ${e.reason.vi} / ${e.reason.en}`),
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
    .option('--create-villages', 'create the villages the list names that the commune does not have yet')
    .action((file, o) => importPersonsCommand(config, file, o));
}
