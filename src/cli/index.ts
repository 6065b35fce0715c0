import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { registerAlerts } from './alerts-command';
import { registerBackup } from './backup-command';
import { registerCatalog } from './catalog-command';
import { registerConvert } from './convert-command';
import { registerEngine } from './engine-command';
import { invalidInputMessage } from './input-error';
import { processIo, type CliIo } from './io';
import { registerRunBundles } from './run-bundle-command';
import { registerRun } from './run-command';
import { registerReport } from './report-command';
import { registerServe } from './serve-command';
import { registerTask } from './task-command';
import { registerTemplate } from './template-command';
import { registerOperator } from './operator-command';
import { registerTrigger } from './trigger-command';
import { registerValidate } from './validate-command';
import { errorText } from '../shared/error-text';

/** A subcommand adds itself to the program; its action returns the process exit code. */
export type CommandRegistrar = (program: Command, io: CliIo, exit: (code: number) => void) => void;

const COMMANDS: CommandRegistrar[] = [registerRun, registerServe, registerEngine, registerValidate, registerConvert, registerRunBundles, registerBackup, registerReport, registerCatalog, registerAlerts, registerTemplate, registerTask, registerOperator, registerTrigger];

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
  for (const register of COMMANDS) register(program, io, (code) => (exitCode = code));
  try {
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
