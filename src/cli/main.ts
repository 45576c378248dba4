import { Command, Option } from 'commander';
import { loadConfig } from '../core/config.ts';
import { ROLES } from '../features/auth/rules.ts';
import { importDosesCommand } from '../features/vaccination/import/import-doses-command.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import {
  auditVerifyCommand,
  migrateCommand,
  seedCommand,
  serveCommand,
  userAddCommand,
  userDisableCommand,
  userPasswdCommand,
} from './commands.ts';
import { importPersonsCommand } from './import.ts';

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

const user = program.command('user').description('manage accounts');
user
  .command('add <username>')
  .description('create an account (password from --password or SAFEADAPT_PASSWORD)')
  .requiredOption('--unit <code>', 'GSO code of the unit the account acts for (VN for the whole country)')
  .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
  .requiredOption('--name <displayName>', 'full name')
  .option('--password <password>', 'initial password')
  .action((username, o) => userAddCommand(config, username, o));
user
  .command('passwd <username>')
  .description("set a password (from --password or SAFEADAPT_PASSWORD) and end the account's sessions")
  .option('--password <password>', 'new password')
  .action((username, o) => userPasswdCommand(config, username, o.password));
user
  .command('disable <username>')
  .description('disable an account and end its sessions')
  .action((username) => userDisableCommand(config, username));

program
  .command('audit')
  .description('audit log')
  .command('verify')
  .description("check the audit log's hash chain; exits 1 if a row was changed, inserted or deleted")
  .action(() => auditVerifyCommand(config));

const importer = program.command('import').description('import data files');
importer
  .command('persons <file>')
  .description("import a commune's person list (.xlsx or .csv, as communes make them)")
  .requiredOption('--commune <code>', 'GSO code of the commune the list belongs to')
  .addOption(
    new Option(
      '--mode <mode>',
      'all-or-nothing: store nothing if a row is rejected; valid-rows: store the valid rows',
    )
      .choices(['all-or-nothing', 'valid-rows'])
      .default('all-or-nothing'),
  )
  .action((file, o) => importPersonsCommand(config, file, o));
importer
  .command('doses <file>')
  .description(
    'import a dose list laid out like a national-platform export (.xlsx or .csv, one row per dose)',
  )
  .option('--unit <code>', 'GSO code of the unit the list is for: every row must be within it', 'VN')
  .addOption(
    new Option(
      '--mode <mode>',
      'valid-rows: store the valid rows; all-or-nothing: store nothing if a row is rejected',
    )
      .choices(['valid-rows', 'all-or-nothing'])
      .default('valid-rows'),
  )
  .action((file, o) => importDosesCommand(config, file, o));

program
  .command('backup <file>')
  .description('online backup of the SQLite database (PostgreSQL: use pg_dump, see docs/postgresql.md)')
  .action((file) => backupCommand(config, file));
program
  .command('restore <file>')
  .description('replace the SQLite database with a backup (stop the server first)')
  .action((file) => restoreCommand(config, file));

try {
  await program.parseAsync();
} catch (error) {
  console.error(`safeadapt: ${(error as Error).message}`);
  process.exit(1);
}
