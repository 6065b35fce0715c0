import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { restoreStore, type RestoreResult } from '../store/backup';
import { decompressBackup, verifyCompressedBackup } from './backup-files';

/**
 * A restore chosen while the console runs waits for its next start: the live database is open
 * (tasks may run, other processes may read it), and swapping it under them is not safe. The
 * backup is checked and decompressed beside the database now, and swapped in before the store
 * opens next time.
 */

export function pendingRestoreFile(dbFile: string): string {
  return `${dbFile}.restore-pending`;
}

export class UnusableBackupError extends Error {
  override name = 'UnusableBackupError';

  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`the backup ${file} cannot be restored: ${detail}`);
  }
}

/** Checks a compressed backup and stages it to replace `dbFile` at the next start; replaces a restore staged before. */
export async function stageRestore(gzFile: string, dbFile: string): Promise<string> {
  const problems = await verifyCompressedBackup(gzFile);
  if (problems.length > 0) throw new UnusableBackupError(basename(gzFile), problems.slice(0, 3).join('; '));
  const staged = pendingRestoreFile(dbFile);
  const partial = `${staged}.partial`;
  rmSync(partial, { force: true });
  await decompressBackup(gzFile, partial);
  renameSync(partial, staged);
  return staged;
}

/** Applies a staged restore, if there is one; the caller has no connection open to `dbFile`. */
export async function applyStagedRestore(dbFile: string, migrationsDir: string): Promise<RestoreResult | null> {
  const staged = pendingRestoreFile(dbFile);
  if (!existsSync(staged)) return null;
  try {
    return await restoreStore({ backupFile: staged, targetFile: dbFile, migrationsDir });
  } finally {
    rmSync(staged, { force: true });
  }
}
