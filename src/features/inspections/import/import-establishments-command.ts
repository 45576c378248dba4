import type { Command } from 'commander';
import { commandGroup } from '../../../cli/command-group.ts';
import { runFileImport } from '../../../cli/file-import.ts';
import type { Config } from '../../../core/config.ts';
import { vietnamToday } from '../../../core/dates.ts';
import { systemScope } from '../../auth/index.ts';
import { importEstablishments } from './import-establishments.ts';

/**
 * `safeadapt import establishments FILE --unit CODE`: a district's or commune's list of establishments
 * (all-or-nothing): prints rows read, imported, rejected, then every rejected row.
 */
export function establishmentsCli(program: Command, config: Config) {
  commandGroup(program, 'import', 'import data files')
    .command('establishments <file>')
    .description("import a district's or commune's establishments (.xlsx or .csv; all-or-nothing)")
    .requiredOption('--unit <code>', 'GSO code of the district or commune the list belongs to')
    .action((file, o: { unit: string }) =>
      runFileImport(config, file, async (db, source) => {
        const result = await importEstablishments(
          db,
          systemScope('cli'),
          { ...source, unitCode: o.unit },
          vietnamToday(),
        );
        return {
          counts: [
            `rows read: ${result.rowsRead}`,
            `imported: ${result.imported}`,
            `rejected: ${result.rejected}`,
          ],
          rejectedRows: result.errors,
          rejected: result.rejected,
          imported: result.imported,
          committed: result.committed,
          mode: 'all-or-nothing',
          recordedAs: `establishments: ${result.imported}`,
        };
      }),
    );
}
