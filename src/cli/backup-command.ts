import { InvalidArgumentError, type Command } from 'commander';
import { backupFolder, listCompressedBackups, restoreCompressedBackup } from '../main/core/backups/backup-files';
import { BackupScheduler } from '../main/core/backups/backup-scheduler';
import { readSettings, useSecretKey } from '../main/core/settings/settings-store';
import { backupStore, restoreStore } from '../main/core/store/backup';
import { openStore } from '../main/core/store/store';
import { requireShippedDir } from '../main/core/paths';
import { formatBytes } from '../shared/format/bytes';
import type { BackupEntry } from '../shared/api/backups';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { dbOption } from './db-option';
import { CliInputError, refusingInput } from './input-error';

function positive(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('expected a number from 1 up, as `deduction backup list` numbers them');
  return value;
}

/** The compressed backups of a database, newest first, in the folder given or the one its settings name. */
async function backupsOf(db: string, dir: string | undefined): Promise<{ folder: string; backups: BackupEntry[] }> {
  const store = await openStore({ file: db, migrationsDir: requireShippedDir('migrations') });
  try {
    const folder = dir ?? backupFolder(store.file, readSettings(store).backups);
    return { folder, backups: listCompressedBackups(store, store.file, folder) };
  } finally {
    store.close();
  }
}

function backupLine(entry: BackupEntry, index: number): string {
  const state = entry.verified === null ? 'not checked here' : entry.verified ? 'verified' : `NOT verified${entry.error ? `: ${entry.error}` : ''}`;
  return `${String(index + 1).padStart(3)}  ${entry.file}  ${formatBytes(entry.bytes)}  ${new Date(entry.time).toISOString()}  ${state}`;
}

export const registerBackup: CommandRegistrar = (program: Command, io, exit) => {
  const backup = program
    .command('backup')
    .description(describeCommand('backup'))
    .option('--out <file>', 'an uncompressed copy at this path (must not exist) instead of a compressed one in the backup folder')
    .option('--include-secrets', 'keep the Engine tokens in the backup (sealed with the key file beside the database, <db>.key: keep it with the backup)')
    .addOption(dbOption())
    .action(async (options: { out?: string; db: string; includeSecrets?: boolean }) => {
      const store = await openStore({ file: options.db, migrationsDir: requireShippedDir('migrations') });
      try {
        useSecretKey(store);
        if (options.out !== undefined) {
          const out = options.out;
          const result = await refusingInput(out, () => backupStore(store, out, { includeSecrets: options.includeSecrets === true }));
          io.out(`backed up ${options.db} to ${result.file} (${result.bytes} bytes, integrity ok)`);
          if (result.secretsRemoved > 0) io.out(`  ${result.secretsRemoved} Engine token(s) left out (--include-secrets keeps them)`);
          exit(0);
          return;
        }
        const settings = readSettings(store).backups;
        const scheduler = new BackupScheduler({ store, settings: () => ({ ...settings, includeSecrets: options.includeSecrets === true }), logger: { debug: () => undefined, info: () => undefined, warn: (text) => io.err(text), error: () => undefined } });
        const outcome = await scheduler.runNow();
        if (!outcome.ok) {
          io.err(`deduction: ${outcome.error}`);
          exit(1);
          return;
        }
        io.out(`backed up ${options.db} to ${outcome.backup.path} (${formatBytes(outcome.backup.bytes)} compressed, verified)`);
        if (outcome.pruned.length > 0) io.out(`  removed backups older than ${settings.retentionDays} days: ${outcome.pruned.join(', ')}`);
        exit(0);
      } finally {
        store.close();
      }
    });

  backup
    .command('list')
    .description('the compressed backups, newest first, numbered for `deduction restore --from-list N` (--db FILE names the database)')
    .option('--dir <folder>', 'the backup folder (default: the one the settings name, <db folder>/backups)')
    .option('--json', 'print JSON')
    // --db is the parent's option (`deduction backup list --db FILE` reaches it there).
    .action(async (_options: unknown, command: Command) => {
      const options = command.optsWithGlobals<{ db: string; dir?: string; json?: boolean }>();
      const { folder, backups } = await backupsOf(options.db, options.dir);
      if (options.json) io.out(JSON.stringify(backups, null, 2));
      else io.out(backups.length === 0 ? `no backups in ${folder}` : [`backups in ${folder}:`, ...backups.map(backupLine)].join('\n'));
      exit(0);
    });

  program
    .command('restore')
    .description(describeCommand('restore'))
    .argument('[file]', 'the backup to restore')
    .option('--from-list <n>', 'the backup numbered n by `deduction backup list`', positive)
    .option('--dir <folder>', 'with --from-list: the backup folder')
    .addOption(dbOption())
    .action(async (given: string | undefined, options: { db: string; fromList?: number; dir?: string }) => {
      if ((given === undefined) === (options.fromList === undefined)) throw new CliInputError('give either a backup file or --from-list N');
      let file = given;
      if (options.fromList !== undefined) {
        const { folder, backups } = await backupsOf(options.db, options.dir);
        const entry = backups[options.fromList - 1];
        if (!entry) throw new CliInputError(`there is no backup number ${options.fromList} in ${folder} (${backups.length} there; see \`deduction backup list\`)`);
        file = entry.path;
      }
      const source = file!;
      const migrationsDir = requireShippedDir('migrations');
      const result = await refusingInput(source, () =>
        source.endsWith('.gz') ? restoreCompressedBackup(source, options.db, migrationsDir) : restoreStore({ backupFile: source, targetFile: options.db, migrationsDir }),
      );
      io.out(`restored ${source} into ${result.restored}`);
      if (result.previousSavedAs) io.out(`the database it replaced is kept as ${result.previousSavedAs}`);
      exit(0);
    });
};
