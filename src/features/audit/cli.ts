import type { Command } from 'commander';
import { withDb } from '../../cli/commands.ts';
import type { Config } from '../../core/config.ts';
import { type ChainProblem, firstProblem } from './rules.ts';
import { verifyAudit } from './store.ts';

const DESCRIBED: Record<ChainProblem['problem'], string> = {
  changed: 'changed (its MAC does not match: edited, or re-chained without the key)',
  broken_link: 'broken link (does not follow the entry before it)',
  gap: 'gap (the entry before it in its chain is missing)',
  truncated: 'missing (the tail of its chain was cut; the checkpoint file recorded it)',
  head_mismatch: "differs from its chain's head",
};

function entry(p: ChainProblem) {
  const chain = `province ${p.province || 'national'}`;
  return p.id == null ? `seq ${p.seq} (${chain})` : `id ${p.id} (${chain}, seq ${p.seq})`;
}

async function auditVerifyCommand(config: Config) {
  const { rows, chains, problems } = await withDb(config, verifyAudit);
  const size = `${rows.toLocaleString('en')} entries in ${chains} chain(s)`;
  const first = firstProblem(problems);
  if (!first) {
    console.log(`Audit log intact: ${size}, keyed chains and checkpoints verified.`);
    return;
  }
  console.log(`Audit log TAMPERED: ${problems.length} problem(s) in ${size}`);
  console.log(`first bad entry: ${entry(first)}: ${DESCRIBED[first.problem]}`);
  for (const p of problems.slice(0, 50)) console.log(`  ${entry(p)}: ${p.problem.replace('_', ' ')}`);
  process.exitCode = 1;
}

/** `safeadapt audit verify`. */
export function auditCli(program: Command, config: Config) {
  program
    .command('audit')
    .description('audit log')
    .command('verify')
    .description(
      "check the audit log's keyed chains and checkpoints; exits 1 naming the first entry changed, missing or cut",
    )
    .action(() => auditVerifyCommand(config));
}
