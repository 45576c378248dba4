import { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import { features } from '../server/features.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { migrateCommand, seedCommand, serveCommand } from './commands.ts';

const program = new Command('safeadapt')
  .description('SafeAdapt (Thích ứng an toàn): COVID-19 steering committees')
  .showHelpAfterError();
const config = loadConfig();

program
  .command('serve')
  .description('migrate, load the administrative units and serve the web app and API on PORT')
  .option('--demo', 'load the demo district (Hữu Lũng, Lạng Sơn) and its demo accounts')
  .action((o) => serveCommand(config, Boolean(o.demo)));
program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(() => migrateCommand(config));
program
  .command('seed')
  .description('load the administrative units (and with --demo the demo district)')
  .option('--demo', 'also load the demo district and its accounts')
  .action((o) => seedCommand(config, Boolean(o.demo)));

for (const feature of features()) feature.cli?.(program, config);

program
  .command('backup <file>')
  .description(
    'online backup while the server runs: a copy of the SQLite file, or a pg_dump archive (PostgreSQL)',
  )
  .action((file) => backupCommand(config, file));
program
  .command('restore <file>')
  .description('replace the database with a backup (refused while a server uses the database)')
  .action((file) => restoreCommand(config, file));

try {
  await program.parseAsync();
} catch (error) {
  console.error(`safeadapt: ${(error as Error).message}`);
  process.exit(1);
}
