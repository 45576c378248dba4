import type { Command } from 'commander';
import { withDb } from '../../cli/commands.ts';
import type { Config } from '../../core/config.ts';
import { verifyAudit } from './store.ts';

async function auditVerifyCommand(config: Config) {
  const { rows, problems } = await withDb(config, verifyAudit);
  if (problems.length === 0) {
    console.log(`Audit log intact: ${rows.toLocaleString('en')} rows, hash chain verified.`);
    return;
  }
  console.log(`Audit log TAMPERED: ${problems.length} problem(s) in ${rows.toLocaleString('en')} rows`);
  for (const p of problems.slice(0, 50)) console.log(`  row ${p.id}: ${p.problem.replace('_', ' ')}`);
  process.exitCode = 1;
}

/** `safeadapt audit verify`. */
export function auditCli(program: Command, config: Config) {
  program
    .command('audit')
    .description('audit log')
    .command('verify')
    .description("check the audit log's hash chain; exits 1 if a row was changed, inserted or deleted")
    .action(() => auditVerifyCommand(config));
}
