import type { Command } from 'commander';

/** A shared parent command (`import`, `export`…) that several features add their subcommands to. */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}
