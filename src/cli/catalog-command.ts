import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ZodError } from 'zod';
import { ApiError } from '../shared/api/errors';
import { BALANCING_STRATEGIES, type EngineEndpointInput } from '../shared/engine/endpoints';
import type { EnvironmentView } from '../shared/environments/environments';
import type { SchemeView } from '../shared/environments/schemes';
import { errorText } from '../shared/error-text';
import { archiveEnvironment, createEnvironment, findEnvironment, listEnvironments, updateEnvironment } from '../main/core/environments/environments';
import { archiveScheme, createScheme, findScheme, listSchemes, updateScheme } from '../main/core/environments/schemes';
import { requireShippedDir } from '../main/core/paths';
import { useSecretKey } from '../main/core/settings/settings-store';
import { openStore, type Store } from '../main/core/store/store';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import type { CliIo } from './io';
import { dbOption } from './db-option';

/** Exit codes of the scheme and env commands: done, no such scheme or environment, bad input (a clash of names included). */
export const CATALOG_EXIT = { ok: 0, notFound: 1, invalid: 2 } as const;

interface Common {
  db: string;
  json?: boolean;
}

function jsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError(`not JSON: ${errorText(error)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InvalidArgumentError('expected a JSON object');
  return value as Record<string, unknown>;
}

function weight(text: string, previous: number[] = []): number[] {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 1000) throw new InvalidArgumentError('expected a whole number from 1 to 1000');
  return [...previous, value];
}

/**
 * Opens the store, runs one operation and prints its outcome. A refusal is printed with its
 * reason and exits 1 when the scheme or environment does not exist, 2 for bad input.
 */
export async function withStore(options: Common, io: CliIo, exit: (code: number) => void, operation: (store: Store) => unknown, describe: (result: never) => string): Promise<void> {
  const store = await openStore({ file: options.db, migrationsDir: requireShippedDir('migrations') });
  try {
    useSecretKey(store);
    let result: unknown;
    try {
      result = operation(store);
    } catch (error) {
      if (error instanceof ApiError) {
        exit(error.code === 'NOT_FOUND' ? CATALOG_EXIT.notFound : CATALOG_EXIT.invalid);
        io.err(`deduction: ${error.message}`);
        return;
      }
      if (error instanceof ZodError) {
        const issue = error.issues[0]!;
        exit(CATALOG_EXIT.invalid);
        io.err(`deduction: ${issue.path.join('.') || 'input'}: ${issue.message}`);
        return;
      }
      throw error;
    }
    exit(CATALOG_EXIT.ok);
    io.out(options.json ? JSON.stringify(result, null, 2) : describe(result as never));
  } finally {
    store.close();
  }
}

function schemeLine(scheme: SchemeView): string {
  return `${scheme.id}  ${scheme.name}${scheme.status === 'archived' ? '  (archived)' : ''}  ${scheme.taskCount} task(s)${scheme.description ? `  ${scheme.description}` : ''}`;
}

function environmentLine(environment: EnvironmentView): string {
  const engines = environment.engines.map((engine) => `${engine.name ? `${engine.name}=` : ''}${engine.url}${environment.strategy === 'weighted' ? `×${engine.weight}` : ''}`).join(', ');
  return `${environment.id}  ${environment.name}${environment.status === 'disabled' ? '  (archived)' : ''}  ${environment.strategy}  [${engines}]  ${environment.taskCount} task(s)`;
}

const listing = <T>(line: (row: T) => string, empty: string) => (rows: T[]) => (rows.length === 0 ? empty : rows.map(line).join('\n'));

interface EngineFlags {
  engine?: string[];
  weight?: number[];
  engineToken?: string;
  enginesFile?: string;
}

/**
 * The Engines given on the command line: `--engines-file` (a JSON array of endpoints: url,
 * token, weight, name, ca), or `--engine` URLs sharing one token, weighted by `--weight` in the
 * same order. Undefined when neither was given.
 */
function enginesFrom(flags: EngineFlags, io: CliIo): EngineEndpointInput[] | undefined {
  if (flags.enginesFile !== undefined) {
    if (flags.engine) throw new ApiError('INVALID_ARGUMENT', 'give the Engines either with --engine or with --engines-file, not both');
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(flags.enginesFile, 'utf8'));
    } catch (error) {
      throw new ApiError('INVALID_ARGUMENT', `--engines-file ${flags.enginesFile}: ${errorText(error)}`);
    }
    if (!Array.isArray(parsed)) throw new ApiError('INVALID_ARGUMENT', `--engines-file ${flags.enginesFile}: expected a JSON array of Engines (url, token, weight, name, ca, skills)`);
    return parsed as EngineEndpointInput[];
  }
  if (!flags.engine) return undefined;
  const token = flags.engineToken ?? (process.env['DEDUCTION_ENGINE_TOKEN'] || undefined);
  if (!token) throw new ApiError('INVALID_ARGUMENT', '--engine needs --engine-token or $DEDUCTION_ENGINE_TOKEN');
  if (flags.engineToken !== undefined) io.err('warning: a token given on the command line is visible to every user of this machine (ps); use DEDUCTION_ENGINE_TOKEN');
  if (flags.weight && flags.weight.length !== flags.engine.length) throw new ApiError('INVALID_ARGUMENT', `--weight was given ${flags.weight.length} time(s) for ${flags.engine.length} --engine: give one per Engine, in the same order`);
  return flags.engine.map((url, index) => ({ url, token, weight: flags.weight?.[index] ?? 1 }));
}

function engineOptions(command: Command): Command {
  return command
    .option('--engine <url...>', 'an Engine of the environment (repeatable)')
    .addOption(new Option('--weight <n>', 'the share of nodes of each --engine, in the same order, under the weighted strategy (repeatable)').argParser(weight))
    .option('--engine-token <token>', 'the token of the Engines given with --engine (default: $DEDUCTION_ENGINE_TOKEN); visible to other users in the process list')
    .option('--engines-file <file>', 'the Engines as a JSON array of {url, token, weight?, name?, ca?, skills?}, instead of --engine');
}

/** The name and description an edit changes: only those given. */
function namedPatch(options: { name?: string; description?: string }): { name?: string; description?: string } {
  return { ...(options.name === undefined ? {} : { name: options.name }), ...(options.description === undefined ? {} : { description: options.description }) };
}

export const registerCatalog: CommandRegistrar = (program: Command, io, exit) => {
  const run = <T>(options: Common, operation: (store: Store) => T, describe: (result: T) => string) => withStore(options, io, exit, operation, describe);
  const listCommand = <T>(parent: Command, description: string, allHelp: string, list: (store: Store, includeArchived: boolean) => T[], describe: (rows: T[]) => string) =>
    parent
      .command('list')
      .description(description)
      .option('--all', allHelp)
      .option('--json', 'print JSON instead of text')
      .addOption(dbOption())
      .action((options: Common & { all?: boolean }) => run(options, (store) => list(store, options.all === true), describe));
  const archiveCommand = <T>(parent: Command, noun: string, description: string, archive: (store: Store, ref: string) => T, line: (row: T) => string) =>
    parent
      .command('archive')
      .description(description)
      .argument(`<${parent.name()}>`, `the ${noun} id or name`)
      .option('--json', 'print JSON instead of text')
      .addOption(dbOption())
      .action((ref: string, options: Common) => run(options, (store) => archive(store, ref), (archived: T) => `archived ${noun} ${line(archived)}`));

  const scheme = program.command('scheme').description(describeCommand('scheme'));
  listCommand(scheme, 'list the schemes', 'archived schemes too', (store, includeArchived) => listSchemes(store, { includeArchived }), listing(schemeLine, 'no scheme'));
  scheme
    .command('create')
    .description('create a scheme; names are unique')
    .argument('<name>', 'the scheme name')
    .option('--description <text>', 'what the scheme is for')
    .addOption(new Option('--config <json>', 'the scheme settings, a JSON object').argParser(jsonObject))
    .option('--json', 'print JSON instead of text')
    .addOption(dbOption())
    .action((name: string, options: Common & { description?: string; config?: Record<string, never> }) =>
      run(
        options,
        (store) => createScheme(store, { name, ...(options.description === undefined ? {} : { description: options.description }), ...(options.config ? { config: options.config } : {}) }, null),
        (created: SchemeView) => `created scheme ${schemeLine(created)}`,
      ),
    );
  scheme
    .command('edit')
    .description('change a scheme (only what is given); --restore makes an archived one active again')
    .argument('<scheme>', 'the scheme id or name')
    .option('--name <name>', 'a new name')
    .option('--description <text>', 'a new description')
    .addOption(new Option('--config <json>', 'new scheme settings, a JSON object').argParser(jsonObject))
    .option('--restore', 'make an archived scheme active again')
    .option('--json', 'print JSON instead of text')
    .addOption(dbOption())
    .action((ref: string, options: Common & { name?: string; description?: string; config?: Record<string, never>; restore?: boolean }) =>
      run(
        options,
        (store) =>
          updateScheme(store, findScheme(store, ref).id, {
            ...namedPatch(options),
            ...(options.config ? { config: options.config } : {}),
            ...(options.restore ? { status: 'active' as const } : {}),
          }),
        (edited: SchemeView) => `edited scheme ${schemeLine(edited)}`,
      ),
    );
  archiveCommand(scheme, 'scheme', 'archive a scheme: it stays for the tasks made in it, and takes no new task', (store, ref) => archiveScheme(store, findScheme(store, ref).id), schemeLine);

  const env = program.command('env').description(describeCommand('env'));
  listCommand(env, 'list the environments (Engine tokens are never shown)', 'archived (disabled) environments too', (store, includeArchived) => listEnvironments(store, { includeArchived }), listing(environmentLine, 'no environment'));
  engineOptions(
    env
      .command('create')
      .description('create an environment; names are unique, tokens are sealed in the database')
      .argument('<name>', 'the environment name'),
  )
    .option('--description <text>', 'what the environment is')
    .addOption(new Option('--strategy <strategy>', 'how nodes are spread over its Engines').choices(BALANCING_STRATEGIES).default('round_robin'))
    .option('--json', 'print JSON instead of text')
    .addOption(dbOption())
    .action((name: string, options: Common & EngineFlags & { description?: string; strategy: (typeof BALANCING_STRATEGIES)[number] }) =>
      run(
        options,
        (store) => {
          const engines = enginesFrom(options, io);
          if (!engines) throw new ApiError('INVALID_ARGUMENT', 'an environment needs its Engines: give --engine (repeatable) or --engines-file');
          return createEnvironment(store, { name, engines, strategy: options.strategy, ...(options.description === undefined ? {} : { description: options.description }) });
        },
        (created: EnvironmentView) => `created environment ${environmentLine(created)}`,
      ),
    );
  engineOptions(
    env
      .command('edit')
      .description('change an environment (only what is given; Engines given replace its list; in --engines-file, a token of ******** keeps the stored token of that URL)')
      .argument('<env>', 'the environment id or name'),
  )
    .option('--name <name>', 'a new name')
    .option('--description <text>', 'a new description')
    .addOption(new Option('--strategy <strategy>', 'how nodes are spread over its Engines').choices(BALANCING_STRATEGIES))
    .option('--enable', 'make an archived (disabled) environment active again')
    .option('--json', 'print JSON instead of text')
    .addOption(dbOption())
    .action((ref: string, options: Common & EngineFlags & { name?: string; description?: string; strategy?: (typeof BALANCING_STRATEGIES)[number]; enable?: boolean }) =>
      run(
        options,
        (store) => {
          const engines = enginesFrom(options, io);
          return updateEnvironment(store, findEnvironment(store, ref).id, {
            ...namedPatch(options),
            ...(options.strategy === undefined ? {} : { strategy: options.strategy }),
            ...(engines ? { engines } : {}),
            ...(options.enable ? { status: 'active' as const } : {}),
          });
        },
        (edited: EnvironmentView) => `edited environment ${environmentLine(edited)}`,
      ),
    );
  archiveCommand(env, 'environment', 'archive (disable) an environment: it stays for the tasks made in it, and takes and starts no new task', (store, ref) => archiveEnvironment(store, findEnvironment(store, ref).id), environmentLine);
};
