import { type Command, Option } from 'commander';

/** A shared parent command (`import`, `export`…) that several features add their subcommands to. */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** `--mode` of every file import: all-or-nothing stores nothing if a row is rejected; valid-rows the rest. */
export function importModeOption(byDefault: 'all-or-nothing' | 'valid-rows'): Option {
  return new Option(
    '--mode <mode>',
    'all-or-nothing: store nothing if a row is rejected; valid-rows: store the valid rows',
  )
    .choices(['all-or-nothing', 'valid-rows'])
    .default(byDefault);
}
