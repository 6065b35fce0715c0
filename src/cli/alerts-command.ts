import { InvalidArgumentError, type Command } from 'commander';
import { ALERT_STATES, type Alert, type AlertState } from '../shared/api/alerts';
import { ApiError } from '../shared/api/errors';
import { idSchema } from '../shared/ids';
import { AlertStore } from '../main/core/alerts/alert-store';
import { requireShippedDir } from '../main/core/paths';
import { readSettings } from '../main/core/settings/settings-store';
import { openStore, type Store } from '../main/core/store/store';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import type { CliIo } from './io';
import { dbOption } from './db-option';

/** Exit codes of the alerts commands: done, no such alert, refused (already resolved). */
export const ALERTS_EXIT = { ok: 0, notFound: 1, refused: 2 } as const;

function states(text: string, previous: AlertState[] = []): AlertState[] {
  const words = text.split(',').map((word) => word.trim()).filter((word) => word !== '');
  const unknown = words.find((word) => !(ALERT_STATES as readonly string[]).includes(word));
  if (unknown !== undefined || words.length === 0) throw new InvalidArgumentError(`"${unknown ?? text}" is not an alert state (one of ${ALERT_STATES.join(', ')})`);
  return [...new Set([...previous, ...(words as AlertState[])])];
}

function alertId(text: string): string {
  if (!idSchema.safeParse(text).success) throw new InvalidArgumentError(`"${text}" is not an alert id (a decimal number)`);
  return text;
}

/** One line per alert: id, state and who took it, level, what, where, when. */
export function alertLine(alert: Alert): string {
  const taken = alert.state === 'acknowledged' ? ` by ${alert.acknowledgedBy}` : alert.state === 'resolved' ? ` by ${alert.resolvedBy ?? 'itself'}` : '';
  const level = alert.escalationLevel > 0 ? ` level ${alert.escalationLevel}` : '';
  const where = alert.taskName ? ` [${alert.taskName}]` : '';
  const count = alert.count > 1 ? ` (×${alert.count})` : '';
  return `${alert.id}  ${new Date(alert.time).toISOString()}  ${alert.state}${taken}  ${alert.severity}${level}  ${alert.kind}${where}: ${alert.message}${count}`;
}

async function withAlerts(db: string, io: CliIo, exit: (code: number) => void, operation: (alerts: AlertStore, store: Store) => void): Promise<void> {
  const store = await openStore({ file: db, migrationsDir: requireShippedDir('migrations') });
  try {
    operation(new AlertStore(store), store);
    exit(ALERTS_EXIT.ok);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    io.err(`deduction: ${error.message}`);
    exit(error.code === 'NOT_FOUND' ? ALERTS_EXIT.notFound : ALERTS_EXIT.refused);
  } finally {
    store.close();
  }
}

export const registerAlerts: CommandRegistrar = (program: Command, io, exit) => {
  const alerts = program.command('alerts').description(describeCommand('alerts'));

  alerts
    .command('list', { isDefault: true })
    .description('list alerts, newest first (the default)')
    .option('--state <states>', `only these states, comma-separated (${ALERT_STATES.join(', ')})`, states)
    .option('--task <id>', 'only the alerts of this task', alertId)
    .option('--limit <n>', 'at most this many (default 500)', (text) => {
      const value = Number(text);
      if (!Number.isInteger(value) || value < 1 || value > 5000) throw new InvalidArgumentError('expected a whole number from 1 to 5000');
      return value;
    })
    .option('--json', 'print the alerts as JSON')
    .addOption(dbOption())
    .action(async (options: { state?: AlertState[]; task?: string; limit?: number; json?: boolean; db: string }) => {
      await withAlerts(options.db, io, exit, (store) => {
        const list = store.list({ ...(options.state && { state: options.state }), ...(options.task && { taskId: options.task }), ...(options.limit && { limit: options.limit }) });
        if (options.json) io.out(JSON.stringify(list, null, 2));
        else if (list.length === 0) io.out('no alerts');
        else for (const alert of list) io.out(alertLine(alert));
      });
    });

  for (const [name, verb] of [
    ['ack', 'acknowledge'],
    ['resolve', 'resolve'],
  ] as const) {
    alerts
      .command(name)
      .argument('<id>', 'the alert id (deduction alerts lists them)', alertId)
      .description(`${verb} an alert, as the settings' operator name or --by`)
      .option('--by <name>', 'who does it (default: the operator name in the settings)')
      .addOption(dbOption())
      .action(async (id: string, options: { by?: string; db: string }) => {
        await withAlerts(options.db, io, exit, (store, db) => {
          const by = options.by?.trim() || readSettings(db).operatorName;
          const alert = verb === 'acknowledge' ? store.acknowledge(id, by) : store.resolve(id, by);
          io.out(alertLine(alert));
        });
      });
  }
};
