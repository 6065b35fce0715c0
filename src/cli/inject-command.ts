import type { Command } from 'commander';
import { listInjects, requestInject } from '../main/core/injects/inject-rows';
import { readSettings } from '../main/core/settings/settings-store';
import type { Store } from '../main/core/store/store';
import type { InjectView } from '../shared/injects/inject-view';
import { describeCommand } from './commands';
import { dbOption } from './db-option';
import type { CommandRegistrar } from './index';
import { MAINTENANCE_EXIT, withMaintenanceStore } from './maintenance-store';

/** How long `deduction inject` waits for the console running the task to fire what it asked for. */
const WAIT_MS = 10_000;
const POLL_MS = 100;

function injectLine(inject: InjectView): string {
  const when = inject.firedAt === null ? '' : `  ${new Date(inject.firedAt).toISOString()}`;
  const by = inject.firedBy === null ? '' : `  by ${inject.firedBy}`;
  const detail = inject.detail === null ? '' : `  ${inject.detail}`;
  return `${inject.id}  ${inject.when.type}  ${inject.state}${when}${by}${detail}`;
}

async function fireAndWait(store: Store, taskId: string, injectId: string): Promise<InjectView> {
  const operator = readSettings(store).operatorName;
  let view = requestInject(store, taskId, injectId, operator, Date.now());
  for (let waited = 0; view.state === 'pending' && waited < WAIT_MS; waited += POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    view = listInjects(store, taskId).find((inject) => inject.id === injectId) ?? view;
  }
  return view;
}

/**
 * `deduction inject TASK INJECT_ID` fires an inject by hand: the request is recorded in the
 * database and the console that runs the task carries it out (once); the command waits for it.
 * `--list` shows the task's injects with their state.
 */
export const registerInject: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('inject')
    .description(describeCommand('inject'))
    .argument('<task>', 'task id')
    .argument('[inject]', 'the inject to fire')
    .option('--list', "list the task's injects: pending, fired or failed, when and by whom")
    .addOption(dbOption())
    .action(async (taskId: string, injectId: string | undefined, options: { db: string; list?: boolean }) =>
      withMaintenanceStore(options.db, io, exit, async (store) => {
        if (options.list || injectId === undefined) {
          const injects = listInjects(store, taskId);
          io.out(injects.length === 0 ? `task ${taskId} has no injects` : injects.map(injectLine).join('\n'));
          exit(MAINTENANCE_EXIT.ok);
          return;
        }
        const view = await fireAndWait(store, taskId, injectId);
        io.out(injectLine(view));
        if (view.state === 'pending') io.err(`deduction: inject ${injectId} is requested; no console running task ${taskId} fired it within ${WAIT_MS / 1000} s. The console that runs it fires it when it next looks`);
        exit(view.state === 'fired' ? MAINTENANCE_EXIT.ok : MAINTENANCE_EXIT.refused);
      }),
    );
};
