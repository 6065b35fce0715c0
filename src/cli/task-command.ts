import { InvalidArgumentError, Option, type Command } from 'commander';
import { dbOption } from './db-option';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import type { CliIo } from './io';
import { listOption, MAINTENANCE_EXIT, withMaintenanceStore } from './maintenance-store';
import { deleteTasks, previewTaskDeletion, setTasksArchived } from '../main/core/tasks/task-removal';
import type { TaskStatus } from '../shared/status';
import type { RemovableTask, TaskSelection } from '../shared/task/removal';

/** `30d`, `30` (days) or `12h`, as days. */
export function parseAge(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([dh]?)$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError('expected an age such as 30d (days) or 12h (hours)');
  const value = Number(match[1]);
  return match[2] === 'h' ? value / 24 : value;
}

function taskLine(task: RemovableTask): string {
  const ended = task.endTime === null ? 'not ended' : `ended ${new Date(task.endTime).toISOString()}`;
  return `${task.taskId}  ${task.name}  ${task.status}  ${ended}  ${task.logLines} log line(s)`;
}

async function removeTasks(io: CliIo, db: string, exit: (code: number) => void, selection: TaskSelection): Promise<void> {
  await withMaintenanceStore(db, io, exit, async (store) => {
    const result = await deleteTasks(store, selection);
    io.out(`deleted ${result.deleted.length} task(s) and ${result.logLines} log line(s)`);
    if (result.skipped.length > 0) io.out(`left alone, started meanwhile: ${result.skipped.join(', ')}`);
    exit(MAINTENANCE_EXIT.ok);
  });
}

export const registerTask: CommandRegistrar = (program: Command, io, exit) => {
  const task = program.command('task').description(describeCommand('task'));

  task
    .command('archive')
    .description('archive tasks: left out of the task list, kept whole and viewable')
    .argument('<ids...>', 'task ids')
    .addOption(dbOption())
    .action(async (ids: string[], options: { db: string }) =>
      withMaintenanceStore(options.db, io, exit, (store) => {
        io.out(`archived ${setTasksArchived(store, { taskIds: ids }, true)} task(s)`);
        exit(MAINTENANCE_EXIT.ok);
      }),
    );

  task
    .command('unarchive')
    .description('bring archived tasks back into the task list')
    .argument('<ids...>', 'task ids')
    .addOption(dbOption())
    .action(async (ids: string[], options: { db: string }) =>
      withMaintenanceStore(options.db, io, exit, (store) => {
        io.out(`brought back ${setTasksArchived(store, { taskIds: ids }, false)} task(s)`);
        exit(MAINTENANCE_EXIT.ok);
      }),
    );

  task
    .command('delete')
    .description('delete tasks with all their nodes, executions, transitions and log lines')
    .argument('<ids...>', 'task ids')
    .addOption(dbOption())
    .action(async (ids: string[], options: { db: string }) => removeTasks(io, options.db, exit, { taskIds: ids }));

  task
    .command('prune')
    .description('delete ended tasks older than an age; without --yes, only lists what would go')
    .requiredOption('--older-than <age>', 'ended longer ago than this: 30d, 12h', parseAge)
    .addOption(new Option('--status <statuses>', 'only these ended statuses (completed, failed, stopped), comma-separated').argParser(listOption))
    .option('--yes', 'delete them (without it: a dry run)')
    .addOption(dbOption())
    .action(async (options: { db: string; olderThan: number; status?: string[]; yes?: boolean }) => {
      const selection: TaskSelection = { olderThanDays: options.olderThan, ...(options.status && { status: options.status as TaskStatus[] }) };
      if (options.yes) return removeTasks(io, options.db, exit, selection);
      return withMaintenanceStore(options.db, io, exit, (store) => {
        const preview = previewTaskDeletion(store, selection);
        const lines = preview.tasks.map(taskLine);
        io.out([...lines, `${preview.tasks.length} task(s) and ${preview.logLines} log line(s) would be deleted; run again with --yes to delete them`].join('\n'));
        exit(MAINTENANCE_EXIT.ok);
      });
    });
};
