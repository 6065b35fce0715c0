import { Scheduler } from '../../../../../src/main/core/scheduler/scheduler';
import { openStore } from '../../../../../src/main/core/store/store';
import type { Logger } from '../../../../../src/shared/logger';
import { IpcEngine, type FromChild } from '../../../../helpers/ipc-engine';

/**
 * The console of the crash test, in its own process: opens the database file, recovers what a
 * killed predecessor left, starts the task if nobody had, and reports when it has ended.
 * Usage: node child.js <database file> <migrations folder> <task id>
 */
const [file, migrationsDir, taskId] = process.argv.slice(2) as [string, string, string];
const send = (message: FromChild) => process.send!(message);
const logger: Logger = { debug: () => undefined, info: () => undefined, warn: (message) => process.stderr.write(`warn: ${message}\n`), error: (message) => process.stderr.write(`error: ${message}\n`) };

const store = await openStore({ file, migrationsDir });
const engine = new IpcEngine(process);
const scheduler = new Scheduler({ store, engine, logger });
const report = (status: string) => {
  if (['completed', 'failed', 'stopped'].includes(status)) send({ kind: 'ended', status });
};
scheduler.onChange((changes) => {
  for (const change of changes) if (change.taskId === taskId && change.task) report(change.task.status);
});
await scheduler.recover();
const status = () => store.first(store.kysely.selectFrom('deduction_task').select('status').where('id', '=', taskId))!.status;
if (status() === 'pending') await scheduler.startTask(taskId);
send({ kind: 'ready' });
report(status());
