import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { BackupEntry } from '../../../shared/api/backups';
import { errorText } from '../../../shared/error-text';
import type { BackupSettings } from '../../../shared/settings/settings';
import { backupStore, integrityProblems, restoreStore, type RestoreResult } from '../store/backup';
import { withNativeBinding } from '../store/native-binding';
import type { Store } from '../store/store';

/**
 * Compressed backups: a consistent copy of the database (settings included, as they live in
 * it; Engine tokens left out unless asked) gzipped into `<database name>.<UTC time>.gz` in the
 * backup folder. A file appears under its final name only once whole (written beside it and
 * renamed), and is read back before it counts as verified.
 */

const DAY_MS = 86_400_000;

export function backupFolder(dbFile: string, settings: Pick<BackupSettings, 'folder'>): string {
  return settings.folder ?? join(dirname(dbFile), 'backups');
}

function stampOf(time: number): string {
  return new Date(time).toISOString().replace(/[:.]/g, '-');
}

/** When the name says the backup was written, or undefined for a file that is not one of ours. */
export function backupTimeOf(dbFile: string, file: string): number | undefined {
  const prefix = `${basename(dbFile)}.`;
  if (!file.startsWith(prefix) || !file.endsWith('.gz')) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(file.slice(prefix.length, -'.gz'.length));
  if (!match) return undefined;
  const time = Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return Number.isNaN(time) ? undefined : time;
}

export function backupFileName(dbFile: string, time: number): string {
  return `${basename(dbFile)}.${stampOf(time)}.gz`;
}

export interface WrittenBackup {
  file: string;
  path: string;
  bytes: number;
  /** SHA-256 of the database copy inside. */
  sha256: string;
  /** What reading it back found wrong; empty: verified. */
  problems: string[];
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function syncFile(file: string): void {
  const handle = openSync(file, 'r+');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

/** Writes a compressed, verified backup of `store` into `folder`. */
export async function writeCompressedBackup(store: Store, folder: string, options: { includeSecrets: boolean; now: number }): Promise<WrittenBackup> {
  mkdirSync(folder, { recursive: true });
  const file = backupFileName(store.file, options.now);
  const path = join(folder, file);
  if (existsSync(path)) throw new Error(`${path} already exists`);
  const copy = join(folder, `.${file}.sqlite.partial`);
  const partial = join(folder, `.${file}.partial`);
  try {
    await backupStore(store, copy, { includeSecrets: options.includeSecrets });
    // A rollback journal instead of WAL: the copy is one self-contained file, which opens read-only anywhere.
    const db = new BetterSqlite3(copy, withNativeBinding({ fileMustExist: true }));
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    const sha256 = await sha256Of(copy);
    await pipeline(createReadStream(copy), createGzip({ level: 6 }), createWriteStream(partial));
    syncFile(partial);
    renameSync(partial, path);
    const problems = await verifyCompressedBackup(path, sha256);
    return { file, path, bytes: statSync(path).size, sha256, problems };
  } finally {
    rmSync(copy, { force: true });
    rmSync(partial, { force: true });
  }
}

/** Decompresses a backup into `target` (which must not exist). */
export async function decompressBackup(gzFile: string, target: string): Promise<void> {
  if (existsSync(target)) throw new Error(`${target} already exists`);
  try {
    await pipeline(createReadStream(gzFile), createGunzip(), createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  }
}

/**
 * Reads a compressed backup back: it must decompress whole, match the checksum taken when it
 * was written (when one is given), pass SQLite's integrity check and be a Deduction Console
 * database. Returns what is wrong; empty when it is sound.
 */
export async function verifyCompressedBackup(gzFile: string, expectedSha256?: string): Promise<string[]> {
  const copy = join(dirname(gzFile), `.${basename(gzFile)}.verify-${process.pid}-${Date.now()}`);
  try {
    try {
      await decompressBackup(gzFile, copy);
    } catch (error) {
      return [`it does not decompress: ${errorText(error)}`];
    }
    const problems: string[] = [];
    if (expectedSha256 !== undefined) {
      const actual = await sha256Of(copy);
      if (actual !== expectedSha256) problems.push(`its checksum ${actual.slice(0, 12)}… differs from the one written (${expectedSha256.slice(0, 12)}…)`);
    }
    try {
      problems.push(...integrityProblems(copy));
      if (problems.length === 0 && !hasLedger(copy)) problems.push('it is not a Deduction Console database');
    } catch (error) {
      problems.push(`it does not open as a database: ${errorText(error)}`);
    }
    return problems;
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${copy}${suffix}`, { force: true });
  }
}

function hasLedger(file: string): boolean {
  const db = new BetterSqlite3(file, withNativeBinding({ readonly: true, fileMustExist: true }));
  try {
    return db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'`).pluck().get() === 1;
  } finally {
    db.close();
  }
}

/** The compressed backups of `dbFile` in `folder`, newest first; `verified` from the runs this database recorded. */
export function listCompressedBackups(store: Store | null, dbFile: string, folder: string): BackupEntry[] {
  if (!existsSync(folder)) return [];
  const entries = readdirSync(folder)
    .map((file) => ({ file, time: backupTimeOf(dbFile, file) }))
    .filter((entry): entry is { file: string; time: number } => entry.time !== undefined)
    .map(({ file, time }) => ({ file, path: join(folder, file), time, bytes: statSync(join(folder, file)).size }));
  const runs = new Map<string, { verified: 0 | 1; error: string | null }>();
  if (store && entries.length > 0) {
    for (const row of store.all(store.kysely.selectFrom('backup_run').select(['file', 'verified', 'error']).where('file', 'in', entries.map((entry) => entry.file)))) {
      runs.set(row.file!, { verified: Number(row.verified) === 1 ? 1 : 0, error: row.error });
    }
  }
  return entries
    .map((entry) => {
      const run = runs.get(entry.file);
      return { ...entry, verified: run ? run.verified === 1 : null, error: run?.error ?? null };
    })
    .sort((a, b) => b.time - a.time);
}

/** Deletes the backups of `dbFile` in `folder` last written more than `retentionDays` days before `now`; returns their names. */
export function pruneBackups(dbFile: string, folder: string, retentionDays: number, now: number): string[] {
  if (!existsSync(folder)) return [];
  const cutoff = now - retentionDays * DAY_MS;
  const pruned: string[] = [];
  for (const file of readdirSync(folder)) {
    if (backupTimeOf(dbFile, file) === undefined) continue;
    const path = join(folder, file);
    if (statSync(path).mtimeMs < cutoff) {
      rmSync(path, { force: true });
      pruned.push(file);
    }
  }
  return pruned;
}

/** Replaces the (closed) database at `targetFile` with a compressed backup; see restoreStore. */
export async function restoreCompressedBackup(gzFile: string, targetFile: string, migrationsDir: string): Promise<RestoreResult> {
  const copy = `${targetFile}.from-backup-${process.pid}`;
  rmSync(copy, { force: true });
  try {
    await decompressBackup(gzFile, copy);
    return await restoreStore({ backupFile: copy, targetFile, migrationsDir });
  } finally {
    rmSync(copy, { force: true });
  }
}
