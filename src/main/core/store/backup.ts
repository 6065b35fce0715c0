import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, openSync, fsyncSync, closeSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { removeStoredSecrets } from '../settings/remove-secrets';
import { StoreOpenError } from './errors';
import { loadMigrations } from './migrations';
import { withNativeBinding } from './native-binding';
import type { Store } from './store';
import { errorText } from '../../../shared/error-text';

export interface BackupResult {
  file: string;
  bytes: number;
  /** Engine tokens taken out of the copy (none when asked to include secrets). */
  secretsRemoved: number;
}

export interface BackupOptions {
  /** Keep the Engine tokens (still sealed with the database's key) in the copy. */
  includeSecrets?: boolean;
}

/**
 * A consistent copy of a live database through SQLite's online backup, safe while a
 * deduction writes to it; the copy is checked before it is reported as a backup.
 */
export async function backupStore(store: Store, outFile: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (existsSync(outFile)) throw new Error(`${outFile} already exists; choose a new file so no earlier backup is overwritten`);
  await store.db.backup(outFile);
  const secretsRemoved = options.includeSecrets ? 0 : withCopy(outFile, removeStoredSecrets);
  const problems = integrityProblems(outFile);
  if (problems.length > 0) throw new Error(`the backup ${outFile} failed its integrity check: ${problems.join('; ')}`);
  return { file: outFile, bytes: statSync(outFile).size, secretsRemoved };
}

function withCopy<T>(file: string, change: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, withNativeBinding({ fileMustExist: true }));
  try {
    return change(db);
  } finally {
    db.close();
  }
}

/** Runs SQLite's integrity_check on a closed file; an empty list means the file is sound. */
export function integrityProblems(file: string): string[] {
  const db = new BetterSqlite3(file, withNativeBinding({ readonly: true, fileMustExist: true }));
  try {
    return connectionProblems(db, false);
  } finally {
    db.close();
  }
}

/** The same check on an open connection; `quick` skips the slower index cross-checks. */
export function connectionProblems(db: BetterSqlite3.Database, quick: boolean): string[] {
  try {
    const rows = db.pragma(quick ? 'quick_check' : 'integrity_check', { simple: false }) as Array<Record<string, string>>;
    const messages = rows.map((row) => String(Object.values(row)[0] ?? ''));
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  } catch (error) {
    return [errorText(error)];
  }
}

/** Backups of `file` lying beside it (pre-migration ones and user ones), newest first. */
export function findBackups(file: string): string[] {
  const dir = dirname(file);
  const prefix = `${basename(file)}.`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.backup'))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

export interface RestoreOptions {
  backupFile: string;
  targetFile: string;
  migrationsDir: string;
  now?: () => number;
}

export interface RestoreResult {
  restored: string;
  /** Where the database that was replaced now lives; nothing is deleted. */
  previousSavedAs: string | null;
}

/**
 * Replaces the database at `targetFile` with a backup, after checking that the backup is a
 * sound Deduction Console database this app can open. The database being replaced is first
 * saved beside it, and the swap is a rename, so an interruption leaves one whole file.
 * The caller must have closed every connection to `targetFile`.
 */
export async function restoreStore(options: RestoreOptions): Promise<RestoreResult> {
  verifyRestorable(options.backupFile, options.migrationsDir);
  const stamp = new Date((options.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-');
  let previousSavedAs: string | null = null;
  if (existsSync(options.targetFile)) {
    previousSavedAs = await keepCurrent(options.targetFile, stamp);
  }
  const staging = `${options.targetFile}.restoring`;
  copyFileSync(options.backupFile, staging);
  const handle = openSync(staging, 'r+');
  fsyncSync(handle);
  closeSync(handle);
  for (const sidecar of ['-wal', '-shm']) rmSync(`${options.targetFile}${sidecar}`, { force: true });
  renameSync(staging, options.targetFile);
  return { restored: options.targetFile, previousSavedAs };
}

/**
 * Saves the database about to be replaced, returning where. A sound one is copied through
 * SQLite's backup (its WAL included) as a backup. A damaged or unreadable one is copied byte
 * for byte with its WAL under a `.damaged-` name, so it can still be examined and is never
 * offered as a backup to restore.
 */
async function keepCurrent(file: string, stamp: string): Promise<string> {
  if (isSound(file)) {
    const savedAs = `${file}.pre-restore-${stamp}.backup`;
    const current = new BetterSqlite3(file, withNativeBinding());
    try {
      await current.backup(savedAs);
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
    return savedAs;
  }
  const savedAs = `${file}.damaged-${stamp}`;
  copyFileSync(file, savedAs);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${savedAs}-wal`);
  return savedAs;
}

function isSound(file: string): boolean {
  const options = withNativeBinding({ readonly: true, fileMustExist: true });
  try {
    const db = new BetterSqlite3(file, options);
    try {
      return connectionProblems(db, true).length === 0;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

function verifyRestorable(file: string, migrationsDir: string): void {
  if (!existsSync(file)) throw new StoreOpenError('NOT_A_DATABASE', `${file} does not exist`, file);
  const problems = integrityProblems(file);
  if (problems.length > 0) throw new StoreOpenError('INTEGRITY', `${file} cannot be restored: ${problems.slice(0, 5).join('; ')}`, file);
  const db = new BetterSqlite3(file, withNativeBinding({ readonly: true }));
  try {
    const hasLedger = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'`).pluck().get() === 1;
    if (!hasLedger) throw new StoreOpenError('NOT_A_DATABASE', `${file} is not a Deduction Console database`, file);
    const newest = Number(db.prepare('SELECT max(version) FROM schema_migration').pluck().get());
    const known = loadMigrations(migrationsDir).length;
    if (newest > known) {
      throw new StoreOpenError('NEWER_DATABASE', `${file} was made by a newer version of Deduction Console (schema ${newest}; this app knows up to ${known})`, file);
    }
  } finally {
    db.close();
  }
}
