import { existsSync } from 'node:fs';
import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import type { BackupEntry, BackupListing, StagedRestore } from '../../../shared/api/backups';
import type { Logger } from '../../../shared/logger';
import { readSettings } from '../settings/settings-store';
import type { Store } from '../store/store';
import { backupFolder, listCompressedBackups } from './backup-files';
import { BackupScheduler } from './backup-scheduler';
import { pendingRestoreFile, stageRestore, UnusableBackupError } from './staged-restore';

/** The backups as the ConsoleApi offers them: listed, made now, and restored at the next start. */
export interface BackupDirectory {
  list(): BackupListing;
  runNow(): Promise<BackupEntry>;
  stageRestore(file: string): Promise<StagedRestore>;
}

export function backupDirectory(store: Store, schedule: BackupScheduler | null, logger: Logger): BackupDirectory {
  const settings = () => readSettings(store, logger).backups;
  const requireFile = () => {
    if (store.db.memory) throw new ApiError('UNAVAILABLE', errorReason('backup.failed', { detail: 'the database is held in memory, not in a file' }));
  };
  const list = (): BackupListing => {
    if (store.db.memory) return { folder: '', backups: [], lastError: null, nextRun: null, pendingRestore: null };
    const folder = backupFolder(store.file, settings());
    const last = store.first(store.kysely.selectFrom('backup_run').select(['error', 'finished_at']).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1));
    const pending = pendingRestoreFile(store.file);
    return {
      folder,
      backups: listCompressedBackups(store, store.file, folder),
      lastError: last?.error ?? null,
      nextRun: schedule?.nextRun() ?? null,
      pendingRestore: existsSync(pending) ? pending : null,
    };
  };
  return {
    list,
    async runNow() {
      requireFile();
      const runner = schedule ?? new BackupScheduler({ store, settings, logger });
      const outcome = await runner.runNow();
      if (!outcome.ok) throw new ApiError('UNAVAILABLE', errorReason('backup.failed', { detail: outcome.error }));
      const entry = list().backups.find((backup) => backup.file === outcome.backup.file);
      if (!entry) throw new ApiError('UNAVAILABLE', errorReason('backup.failed', { detail: `${outcome.backup.path} was pruned at once; check the retention setting` }));
      return entry;
    },
    async stageRestore(file) {
      requireFile();
      const listing = list();
      // Only a file of the listing: a name, never a path to anywhere else.
      const entry = listing.backups.find((backup) => backup.file === file);
      if (!entry) throw new ApiError('NOT_FOUND', errorReason('backup.notFound', { file, dir: listing.folder }));
      try {
        return { file, stagedAs: await stageRestore(entry.path, store.file) };
      } catch (error) {
        if (error instanceof UnusableBackupError) throw new ApiError('INVALID_ARGUMENT', errorReason('backup.unusable', { file, detail: error.detail }));
        throw error;
      }
    },
  };
}
