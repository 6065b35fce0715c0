import type { Command } from 'commander';
import { requireShippedDir } from '../main/core/paths';
import { exportRun, importRun } from '../main/core/store/run-bundle';
import { openStore } from '../main/core/store/store';
import type { CommandRegistrar } from './index';
import { dbOption } from './db-option';
import { refusingInput } from './input-error';

/** Carrying one task's results between offline workstations. */
export const registerRunBundles: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('export-run')
    .description("write one task's rows (nodes, executions, logs, transitions, samples) to a bundle file")
    .argument('<task>', 'the task id')
    .requiredOption('--out <file>', 'the bundle to create (must not exist)')
    .addOption(dbOption())
    .action(async (task: string, options: { out: string; db: string }) => {
      const store = await openStore({ file: options.db, migrationsDir: requireShippedDir('migrations') });
      try {
        const result = await refusingInput(`task ${task}`, () => exportRun(store, task, options.out));
        const rows = Object.values(result.counts).reduce((sum, count) => sum + count, 0);
        io.out(`exported task ${task} to ${result.file}: ${rows} rows (${result.counts.node_execution_log} log lines)`);
        exit(0);
      } finally {
        store.close();
      }
    });

  program
    .command('import-run')
    .description('add a task from a bundle to the database; importing the same bundle again changes nothing')
    .argument('<file>', 'the bundle')
    .addOption(dbOption())
    .action(async (file: string, options: { db: string }) => {
      const store = await openStore({ file: options.db, migrationsDir: requireShippedDir('migrations') });
      try {
        const result = await refusingInput(file, () => importRun(store, file));
        io.out(result.status === 'imported' ? `imported task ${result.taskId} from ${file}` : `task ${result.taskId} is already in ${options.db}; nothing changed`);
        exit(0);
      } finally {
        store.close();
      }
    });
};
