import BetterSqlite3 from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import { SnowflakeGenerator } from '../ids/snowflake';
import { connectionProblems, findBackups } from './backup';
import { StoreOpenError } from './errors';
import { loadMigrations, type Migration } from './migrations';
import { withNativeBinding } from './native-binding';
import { bindable, mapRow, RowMappingPlugin } from './rows';
import type { Database } from './tables';
import type { StoreStatus } from '../../../shared/api/app-status';
import { errorText } from '../../../shared/error-text';

export interface StoreOptions {
  /** Path of the database file, or ':memory:'. */
  file: string;
  migrationsDir: string;
  appVersion?: string;
  busyTimeoutMs?: number;
  /** Where pre-migration backups go; defaults to the database's folder. */
  backupDir?: string;
  /** Check the file's integrity (quick_check) before using it; on by default for files. */
  checkIntegrity?: boolean;
  /** Snowflake worker number of this process (0–1023); random by default. */
  worker?: number;
  now?: () => number;
}

export interface Store {
  readonly file: string;
  readonly db: BetterSqlite3.Database;
  readonly kysely: Kysely<Database>;
  readonly ids: SnowflakeGenerator;
  /** The backup taken before migrations were applied at open, if any. */
  readonly backupFile: string | null;
  /** Runs a kysely query synchronously and returns its rows (or nothing for writes). */
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  run(query: Compilable<unknown>): BetterSqlite3.RunResult;
  /** A synchronous transaction; nested calls become savepoints. */
  transaction<T>(fn: () => T): T;
  status(): StoreStatus;
  close(): void;
}

interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

interface Inspection {
  applied: AppliedMigration[];
  empty: boolean;
}

/**
 * Opens (creating if needed) the database, refusing files it must not touch: ones made by a
 * newer app, ones whose applied migrations differ from ours, and files that are not ours.
 * Those checks run on a read-only connection so a refused file is left byte-for-byte as it was.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const migrations = loadMigrations(options.migrationsDir);
  const inMemory = options.file === ':memory:';
  const exists = !inMemory && existsSync(options.file) && statSync(options.file).size > 0;
  let backupFile: string | null = null;

  if (exists) {
    const readonly = openReadonly(options.file);
    try {
      if (options.checkIntegrity !== false) refuseDamaged(readonly, options.file);
      const inspection = inspect(readonly, options.file);
      const pending = checkCompatible(inspection.applied, migrations, options.file);
      if (pending.length > 0 && !inspection.empty) {
        backupFile = backupPath(options, inspection.applied.length);
        await readonly.backup(backupFile);
      }
    } finally {
      readonly.close();
    }
  }

  const db = new BetterSqlite3(options.file, withNativeBinding());
  try {
    configure(db, options.busyTimeoutMs ?? 5000);
    applyPending(db, migrations, options.appVersion ?? 'dev', options.now ?? Date.now);
  } catch (error) {
    db.close();
    throw error;
  }
  return createStore(db, options, backupFile);
}

/**
 * A second, read-only connection to a store another connection writes (WAL lets it read beside
 * the writer), for work done on another thread. Opening it migrates and checks nothing.
 */
export function openReadonlyStore(file: string, busyTimeoutMs = 5000): Store {
  const db = openReadonly(file);
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.defaultSafeIntegers(true);
  return createStore(db, { file }, null);
}

function refuseDamaged(db: BetterSqlite3.Database, file: string): void {
  const problems = connectionProblems(db, true);
  if (problems.length === 0) return;
  const backups = findBackups(file);
  const recovery =
    backups.length > 0
      ? `Restore the newest backup with \`deduction restore ${backups[0]}\` (backups found: ${backups.join(', ')}), or one of your own.`
      : 'Restore one of your own backups with `deduction restore FILE`.';
  throw new StoreOpenError(
    'INTEGRITY',
    `${file} is damaged (${problems.slice(0, 3).join('; ')}). It was left as it is. ${recovery}`,
    file,
  );
}

function openReadonly(file: string): BetterSqlite3.Database {
  const options = withNativeBinding({ readonly: true, fileMustExist: true });
  try {
    const db = new BetterSqlite3(file, options);
    db.pragma('schema_version');
    return db;
  } catch (error) {
    throw new StoreOpenError('NOT_A_DATABASE', `${file} is not a readable SQLite database: ${errorText(error)}`, file);
  }
}

function inspect(db: BetterSqlite3.Database, file: string): Inspection {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  if (tables.length === 0) return { applied: [], empty: true };
  if (!tables.includes('schema_migration')) {
    throw new StoreOpenError(
      'NOT_A_DATABASE',
      `${file} is a SQLite database but not a Deduction Console one (it has no schema_migration table); it was left untouched`,
      file,
    );
  }
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migration ORDER BY version').all() as AppliedMigration[];
  return { applied, empty: false };
}

/** Returns the migrations still to apply, or throws if this app must not open the file. */
function checkCompatible(applied: AppliedMigration[], known: Migration[], file: string): Migration[] {
  const newest = known[known.length - 1]!.version;
  const ahead = applied.filter((row) => row.version > newest);
  if (ahead.length > 0) {
    throw new StoreOpenError(
      'NEWER_DATABASE',
      `${file} was made by a newer version of Deduction Console (schema version ${ahead[ahead.length - 1]!.version}; this app knows up to ${newest}). Update the app to open it; the file was left untouched.`,
      file,
    );
  }
  for (const row of applied) {
    const ours = known[row.version - 1]!;
    if (ours.checksum !== row.checksum) {
      throw new StoreOpenError(
        'EDITED_MIGRATION',
        `${file} was migrated with a different migration ${String(row.version).padStart(3, '0')}_${row.name} than this app ships (checksum ${row.checksum.slice(0, 12)} ≠ ${ours.checksum.slice(0, 12)}): a landed migration was edited. The file was left untouched.`,
        file,
      );
    }
  }
  return known.slice(applied.length);
}

function backupPath(options: StoreOptions, fromVersion: number): string {
  const dir = options.backupDir ?? dirname(options.file);
  const stamp = new Date((options.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-');
  return join(dir, `${basename(options.file)}.v${fromVersion}-${stamp}.backup`);
}

function configure(db: BetterSqlite3.Database, busyTimeoutMs: number): void {
  db.pragma('journal_mode = WAL');
  // NORMAL is safe against a crashed process in WAL mode; only a power cut can lose the last commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // The scheduler checkpoints between its steps (scheduler/checkpoints.ts), outside its commits;
  // the automatic checkpoint stays as a backstop for a WAL that nothing else keeps short.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.defaultSafeIntegers(true);
}

function applyPending(db: BetterSqlite3.Database, migrations: Migration[], appVersion: string, now: () => number): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version     INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    checksum    TEXT    NOT NULL,
    applied_at  INTEGER NOT NULL,
    app_version TEXT    NOT NULL
  )`);
  const applied = Number(db.prepare('SELECT count(*) FROM schema_migration').pluck().get());
  const record = db.prepare('INSERT INTO schema_migration (version, name, checksum, applied_at, app_version) VALUES (?, ?, ?, ?, ?)');
  for (const migration of migrations.slice(applied)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, migration.checksum, now(), appVersion);
    })();
  }
  db.pragma(`user_version = ${migrations.length}`);
}

function createStore(db: BetterSqlite3.Database, options: Pick<StoreOptions, 'file' | 'worker' | 'now'>, backupFile: string | null): Store {
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: db }), plugins: [new RowMappingPlugin()] });
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (query: Compilable<unknown>) => {
    const compiled = query.compile();
    let statement = statements.get(compiled.sql);
    if (!statement) {
      statement = db.prepare(compiled.sql);
      statements.set(compiled.sql, statement);
    }
    return { statement, parameters: bindable(compiled.parameters) };
  };
  // One wrapper for every transaction: better-sqlite3 builds four functions per db.transaction()
  // call, which costs as much as a small commit on the scheduler's one-commit-per-link path.
  const inTransaction = db.transaction((fn: () => unknown) => fn());
  return {
    file: options.file,
    db,
    kysely,
    // Each process picks its own worker number, so the app and a CLI writing the same file at
    // the same millisecond do not mint the same id.
    ids: new SnowflakeGenerator(options.worker ?? randomInt(1024), options.now),
    backupFile,
    all<R>(query: Compilable<R>): R[] {
      const { statement, parameters } = prepare(query);
      return (statement.all(...parameters) as Record<string, unknown>[]).map((row) => mapRow<R>(row));
    },
    first<R>(query: Compilable<R>): R | undefined {
      const { statement, parameters } = prepare(query);
      const row = statement.get(...parameters) as Record<string, unknown> | undefined;
      return row === undefined ? undefined : mapRow<R>(row);
    },
    run(query: Compilable<unknown>): BetterSqlite3.RunResult {
      const { statement, parameters } = prepare(query);
      return statement.run(...parameters);
    },
    transaction<T>(fn: () => T): T {
      return inTransaction(fn) as T;
    },
    status(): StoreStatus {
      return {
        file: options.file,
        schemaVersion: Number(db.pragma('user_version', { simple: true })),
        journalMode: String(db.pragma('journal_mode', { simple: true })),
        foreignKeys: Number(db.pragma('foreign_keys', { simple: true })) === 1,
        backupFile,
      };
    },
    close(): void {
      statements.clear();
      if (db.open) db.close();
    },
  };
}
