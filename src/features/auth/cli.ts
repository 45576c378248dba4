import { type Command, Option } from 'commander';
import { withDb } from '../../cli/commands.ts';
import type { Config } from '../../core/config.ts';
import { seedReference } from '../../demo/seed.ts';
import { ROLES, type Role, systemScope } from './rules.ts';
import { createUser, updateUser, userIdByUsername } from './store.ts';

function passwordFrom(option: string | undefined): string {
  const password = option ?? process.env.SAFEADAPT_PASSWORD;
  if (!password) throw new Error('Give the password with --password or the SAFEADAPT_PASSWORD variable.');
  return password;
}

async function userAddCommand(
  config: Config,
  username: string,
  o: { unit: string; role: Role; name: string; password?: string },
) {
  await withDb(config, async (db) => {
    await seedReference(db);
    const user = await createUser(db, systemScope('cli'), {
      username,
      displayName: o.name,
      password: passwordFrom(o.password),
      role: o.role,
      unitCode: o.unit,
    });
    console.log(`Created account ${user.username} (id ${user.id}).`);
  });
}

async function userPasswdCommand(config: Config, username: string, password: string | undefined) {
  await withDb(config, async (db) => {
    await updateUser(db, systemScope('cli'), await userIdByUsername(db, username), {
      password: passwordFrom(password),
    });
    console.log(`Password of ${username} changed; its sessions have ended.`);
  });
}

async function userDisableCommand(config: Config, username: string) {
  await withDb(config, async (db) => {
    await updateUser(db, systemScope('cli'), await userIdByUsername(db, username), { disabled: true });
    console.log(`Account ${username} disabled; its sessions have ended.`);
  });
}

/** `safeadapt user add | passwd | disable`. */
export function authCli(program: Command, config: Config) {
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
}
