import { type Command, InvalidArgumentError, Option } from 'commander';
import { ApiError } from '../shared/api/errors';
import { errorText } from '../shared/error-text';
import type { TriggerSpecInput } from '../shared/triggers/trigger-spec';
import type { TriggerView } from '../shared/triggers/trigger-view';
import { requireShippedDir } from '../main/core/paths';
import { readSettings } from '../main/core/settings/settings-store';
import { openStore, type Store } from '../main/core/store/store';
import { createTrigger, deleteTrigger, listTriggers, setTriggerPaused } from '../main/core/triggers/trigger-rows';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { dbOption } from './db-option';
import { CliInputError } from './input-error';

/**
 * `deduction trigger …`: list, add, pause, resume and remove triggers on a database, and fire
 * one through a running headless host. The process holding the scheduler (the app or
 * `deduction serve`) picks changes made here up within half a minute.
 */
export const registerTrigger: CommandRegistrar = (program: Command, io, exit) => {
  const trigger = program.command('trigger').description(describeCommand('trigger'));

  trigger
    .command('list')
    .description('list the triggers, with their next firing, owner and last result')
    .option('--template <name>', 'only the triggers of this template')
    .option('--json', 'print the triggers as JSON')
    .addOption(dbOption())
    .action(async (options: { template?: string; json?: boolean; db: string }) => {
      await withStore(options.db, (store) => {
        const triggers = listTriggers(store, options.template === undefined ? {} : { templateName: options.template });
        if (options.json) io.out(JSON.stringify(triggers, null, 2));
        else if (triggers.length === 0) io.out('no triggers');
        else for (const line of triggerTable(triggers)) io.out(line);
      });
      exit(0);
    });

  trigger
    .command('add')
    .description('add a trigger to a template: a schedule (--cron), a watched folder (--folder) or an HTTP trigger (--http)')
    .argument('<template>', 'the template it starts a task of (its latest version)')
    .option('--cron <expression>', 'fire on this cron schedule: five fields, or six with seconds first')
    .option('--timezone <zone>', "the schedule's IANA time zone (Asia/Shanghai); this machine's when left out")
    .addOption(new Option('--catch-up <policy>', 'what to do about firings missed while no console ran').choices(['skip', 'once']).default('skip'))
    .option('--folder <path>', 'fire once per new file in this folder (an absolute path)')
    .option('--pattern <glob>', 'only files whose name matches (* and ? as wildcards)')
    .option('--http', 'fire on POST /api/v1/deduction/trigger/<id>/fire to `deduction serve`')
    .option('--name <name>', 'a name to tell the trigger by')
    .option('--var <name=value>', 'a variable of the tasks it starts (value read as JSON where it is JSON); repeatable', collectVariable, {})
    .option('--owner <name>', "who owns the trigger (default: the operator name in the settings)")
    .addOption(dbOption())
    .action(async (template: string, options: AddOptions) => {
      const spec = specOf(options);
      await withStore(options.db, (store) => {
        const owner = options.owner ?? readSettings(store).operatorName;
        const made = refused(() => createTrigger(store, { templateName: template, spec, source: 'manual', owner }, Date.now()));
        io.out(`added trigger ${made.id}: ${describe(made)}`);
      });
      exit(0);
    });

  for (const [name, paused, words] of [
    ['pause', true, 'paused'],
    ['resume', false, 'resumed'],
  ] as const) {
    trigger
      .command(name)
      .description(paused ? 'pause a trigger: it never fires until resumed' : 'resume a paused trigger; its schedule starts afresh from now')
      .argument('<id>', "the trigger's id")
      .addOption(dbOption())
      .action(async (id: string, options: { db: string }) => {
        await withStore(options.db, (store) => {
          const changed = refused(() => setTriggerPaused(store, id, paused, Date.now()));
          io.out(`${words} trigger ${id}${changed.nextFireAt === null ? '' : `; next firing ${new Date(changed.nextFireAt).toISOString()}`}`);
        });
        exit(0);
      });
  }

  trigger
    .command('remove')
    .description('delete a trigger and its firing history')
    .argument('<id>', "the trigger's id")
    .addOption(dbOption())
    .action(async (id: string, options: { db: string }) => {
      await withStore(options.db, (store) => refused(() => deleteTrigger(store, id)));
      io.out(`removed trigger ${id}`);
      exit(0);
    });

  trigger
    .command('fire')
    .description('fire a trigger now through a running `deduction serve` (where its task runs)')
    .argument('<id>', "the trigger's id")
    .requiredOption('--url <url>', 'the headless host, e.g. http://127.0.0.1:8787')
    .option('--token <token>', 'an operator token of the host (default: $DEDUCTION_TOKEN)')
    .option('--var <name=value>', 'a variable of the task (value read as JSON where it is JSON); repeatable', collectVariable, {})
    .action(async (id: string, options: { url: string; token?: string; var: Record<string, unknown> }) => {
      const token = options.token ?? process.env.DEDUCTION_TOKEN;
      if (!token) throw new CliInputError('an operator token is needed: give --token or set DEDUCTION_TOKEN');
      let response: Response;
      try {
        response = await fetch(new URL(`/api/v1/deduction/trigger/${encodeURIComponent(id)}/fire`, options.url), {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(options.var),
        });
      } catch (error) {
        throw new Error(`${options.url} could not be reached: ${errorText(error)}`, { cause: error });
      }
      const answer = (await response.json().catch(() => null)) as { message?: string; data?: { task_id: string; status: string } } | null;
      if (!response.ok || !answer?.data) throw new Error(`the host refused (${response.status}): ${answer?.message ?? response.statusText}`);
      io.out(`fired trigger ${id}: task ${answer.data.task_id} is ${answer.data.status}`);
      exit(0);
    });
};

interface AddOptions {
  cron?: string;
  timezone?: string;
  catchUp: 'skip' | 'once';
  folder?: string;
  pattern?: string;
  http?: boolean;
  name?: string;
  var: Record<string, unknown>;
  owner?: string;
  db: string;
}

function specOf(options: AddOptions): TriggerSpecInput {
  const kinds = [options.cron !== undefined && '--cron', options.folder !== undefined && '--folder', options.http === true && '--http'].filter((kind) => kind !== false);
  if (kinds.length !== 1) throw new CliInputError(kinds.length === 0 ? 'say what fires the trigger: --cron, --folder or --http' : `give one of ${kinds.join(', ')}, not several`);
  const common = { ...(options.name !== undefined && { name: options.name }), ...(Object.keys(options.var).length > 0 && { variables: options.var as never }) };
  if (options.cron !== undefined) return { type: 'schedule', cron: options.cron, catchUp: options.catchUp, ...(options.timezone !== undefined && { timezone: options.timezone }), ...common };
  if (options.folder !== undefined) return { type: 'file', folder: options.folder, ...(options.pattern !== undefined && { pattern: options.pattern }), ...common };
  return { type: 'http', ...common };
}

function collectVariable(text: string, previous: Record<string, unknown>): Record<string, unknown> {
  const at = text.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`${JSON.stringify(text)} is not name=value`);
  const value = text.slice(at + 1);
  let parsed: unknown = value;
  try {
    parsed = JSON.parse(value);
  } catch {
    // Not JSON: the text itself.
  }
  return { ...previous, [text.slice(0, at)]: parsed };
}

async function withStore<T>(db: string, body: (store: Store) => T): Promise<T> {
  const store = await openStore({ file: db, migrationsDir: requireShippedDir('migrations') });
  try {
    return body(store);
  } finally {
    store.close();
  }
}

/** A refusal of what the command was given (no such trigger or template, a bad cron) exits 2. */
function refused<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_ARGUMENT')) throw new CliInputError(error.message, { cause: error });
    throw error;
  }
}

function describe(trigger: TriggerView): string {
  const { spec } = trigger;
  const what =
    spec.type === 'schedule'
      ? `schedule "${spec.cron}"${spec.timezone ? ` (${spec.timezone})` : ''}, catch-up ${spec.catchUp}`
      : spec.type === 'file'
        ? `new files${spec.pattern ? ` matching ${spec.pattern}` : ''} in ${spec.folder}`
        : `HTTP: POST /api/v1/deduction/trigger/${trigger.id}/fire`;
  return `${trigger.templateName} ← ${what}${spec.name ? ` [${spec.name}]` : ''}`;
}

function triggerTable(triggers: readonly TriggerView[]): string[] {
  const time = (at: number | null) => (at === null ? '-' : new Date(at).toISOString());
  const rows = triggers.map((trigger) => [
    trigger.id,
    trigger.kind,
    trigger.templateName,
    trigger.spec.type === 'schedule' ? `${trigger.spec.cron}${trigger.spec.timezone ? ` ${trigger.spec.timezone}` : ''}` : trigger.spec.type === 'file' ? `${trigger.spec.folder}/${trigger.spec.pattern ?? '*'}` : 'POST …/fire',
    trigger.paused ? 'paused' : time(trigger.nextFireAt),
    trigger.owner ?? '-',
    trigger.lastError ? `error: ${trigger.lastError}` : trigger.lastTaskId ? `task ${trigger.lastTaskId} at ${time(trigger.lastFiredAt)}` : '-',
  ]);
  const header = ['ID', 'KIND', 'TEMPLATE', 'FIRES ON', 'NEXT', 'OWNER', 'LAST'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '));
}
