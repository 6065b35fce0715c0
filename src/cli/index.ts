import { Command, CommanderError, Help } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { COMMANDS, isCommandName, type CommandName } from './commands';
import { invalidInputMessage } from './input-error';
import { processIo, type CliIo } from './io';
import { errorText } from '../shared/error-text';

/** A subcommand adds itself to the program; its action returns the process exit code. */
export type CommandRegistrar = (program: Command, io: CliIo, exit: (code: number) => void) => void;

/**
 * The command `argv` runs, if it names one: the first word, or the word after `help`. Only
 * its module is loaded; the program has no options of its own that take a value, so the
 * first word that is not an option is the command.
 */
function commandOf(argv: string[]): CommandName | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return isCommandName(name) ? name : undefined;
}

/**
 * Lists every command by name, usage and description, without loading any: used when no
 * command is named (`deduction --help`, a mistyped name), where nothing runs.
 */
function listCommands(program: Command): void {
  const usages = new Map<Command, string>();
  for (const [name, entry] of Object.entries(COMMANDS)) {
    usages.set(program.command(name).description(entry.description), entry.usage);
  }
  const standard = new Help();
  program.configureHelp({
    subcommandTerm: (command) => {
      const usage = usages.get(command);
      if (usage === undefined) return standard.subcommandTerm(command);
      return usage ? `${command.name()} ${usage}` : command.name();
    },
  });
}

/**
 * Entry of the `deduction` command. `main` returns the exit code instead of exiting so that
 * tests call it in-process with a recording CliIo.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('deduction')
    .description('Deduction Console, headless: validate, convert and run deduction workflows')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });
  try {
    const name = commandOf(argv);
    if (name) (await COMMANDS[name].load())(program, io, (code) => (exitCode = code));
    else listCommands(program);
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const invalid = invalidInputMessage(error);
    if (invalid !== undefined) {
      io.err(`deduction: ${invalid}`);
      return 2;
    }
    io.err(`deduction: ${errorText(error)}`);
    return 1;
  }
  return exitCode;
}
