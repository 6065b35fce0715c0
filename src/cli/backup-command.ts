import type { Command } from 'commander';
import { backupStore, restoreStore } from '../main/core/store/backup';
import { openStore } from '../main/core/store/store';
import { requireShippedDir } from '../main/core/paths';
import type { CommandRegistrar } from './index';
import { dbOption } from './db-option';
import { refusingInput } from './input-error';

export const registerBackup: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('backup')
    .description('copy the database to a new file, consistently, even while a deduction runs')
    .requiredOption('--out <file>', 'the backup file to create (must not exist)')
    .option('--include-secrets', 'keep the Engine tokens in the backup (sealed with the key file beside the database, <db>.key: keep it with the backup)')
    .addOption(dbOption())
    .action(async (options: { out: string; db: string; includeSecrets?: boolean }) => {
      const store = await openStore({ file: options.db, migrationsDir: requireShippedDir('migrations') });
      try {
        const result = await refusingInput(options.out, () => backupStore(store, options.out, { includeSecrets: options.includeSecrets === true }));
        io.out(`backed up ${options.db} to ${result.file} (${result.bytes} bytes, integrity ok)`);
        if (result.secretsRemoved > 0) io.out(`  ${result.secretsRemoved} Engine token(s) left out (--include-secrets keeps them)`);
        exit(0);
      } finally {
        store.close();
      }
    });

  program
    .command('restore')
    .description('replace the database with a backup; the replaced database is kept beside it')
    .argument('<file>', 'the backup to restore')
    .addOption(dbOption())
    .action(async (file: string, options: { db: string }) => {
      const result = await refusingInput(file, () => restoreStore({ backupFile: file, targetFile: options.db, migrationsDir: requireShippedDir('migrations') }));
      io.out(`restored ${file} into ${result.restored}`);
      if (result.previousSavedAs) io.out(`the database it replaced is kept as ${result.previousSavedAs}`);
      exit(0);
    });
};
