import { cpSync, readFileSync, writeFileSync, existsSync, appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../src/main/core/store/store';
import { StoreOpenError } from '../../../../src/main/core/store/errors';
import { loadMigrations } from '../../../../src/main/core/store/migrations';
import { queryLogs } from '../../../../src/main/core/logs/query-logs';
import { insertNode, insertTask } from '../../../helpers/rows';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
/** The schema version this app ships, and the file name of a migration that would come after it. */
const LATEST = loadMigrations(MIGRATIONS_DIR).length;
const migrationFile = (version: number, name: string): string => `${String(version).padStart(3, '0')}_${name}.sql`;

function copyMigrations(): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

function fileBytes(file: string): Buffer {
  return readFileSync(file);
}

async function expectRefused(promise: Promise<unknown>, code: StoreOpenError['code'], pattern: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreOpenError);
  expect((error as StoreOpenError).code).toBe(code);
  expect((error as StoreOpenError).message).toMatch(pattern);
}

describe('migration runner', () => {
  it('applies every migration to an empty file and records each with its checksum', async () => {
    const file = join(tempDir(), 'db.sqlite');
    const store = await openStore({ file, migrationsDir: MIGRATIONS_DIR, appVersion: '1.2.3' });
    const rows = store.db.prepare('SELECT version, name, checksum, app_version FROM schema_migration').all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(LATEST);
    expect(rows[0]).toMatchObject({ version: 1n, name: 'deduction_schema', app_version: '1.2.3' });
    expect(rows[1]).toMatchObject({ version: 2n, name: 'scheduler_write_path', app_version: '1.2.3' });
    for (const row of rows) expect(String(row['checksum'])).toMatch(/^[0-9a-f]{64}$/);
    expect(store.status()).toMatchObject({ schemaVersion: LATEST, journalMode: 'wal', foreignKeys: true, backupFile: null });
    store.close();
  });

  it('is a no-op on a second open: nothing re-applied, no backup taken', async () => {
    const dir = tempDir();
    const file = join(dir, 'db.sqlite');
    (await openStore({ file, migrationsDir: MIGRATIONS_DIR, now: () => 1000 })).close();
    const again = await openStore({ file, migrationsDir: MIGRATIONS_DIR, now: () => 2000 });
    const appliedAt = again.db.prepare('SELECT applied_at FROM schema_migration').pluck().all();
    expect(appliedAt).toEqual(Array.from({ length: LATEST }, () => 1000n));
    expect(again.backupFile).toBeNull();
    again.close();
  });

  it('refuses a database whose landed migration was edited, leaving the file untouched', async () => {
    const migrations = copyMigrations();
    const file = join(tempDir(), 'db.sqlite');
    (await openStore({ file, migrationsDir: migrations })).close();
    const before = fileBytes(file);
    appendFileSync(join(migrations, '001_deduction_schema.sql'), '\n-- an edit\nCREATE TABLE sneaky (x INTEGER);\n');
    await expectRefused(openStore({ file, migrationsDir: migrations }), 'EDITED_MIGRATION', /001_deduction_schema.*was edited.*untouched/);
    expect(fileBytes(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
  });

  it('treats CRLF line endings as the same migration', async () => {
    const migrations = copyMigrations();
    const file = join(tempDir(), 'db.sqlite');
    (await openStore({ file, migrationsDir: migrations })).close();
    const path = join(migrations, '001_deduction_schema.sql');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    (await openStore({ file, migrationsDir: migrations })).close();
  });

  it('refuses a database made by a newer version of the app, leaving the file untouched', async () => {
    const newer = copyMigrations();
    writeFileSync(join(newer, migrationFile(LATEST + 1, 'future')), 'CREATE TABLE future_thing (id INTEGER PRIMARY KEY);');
    const file = join(tempDir(), 'db.sqlite');
    (await openStore({ file, migrationsDir: newer })).close();
    const before = fileBytes(file);
    await expectRefused(openStore({ file, migrationsDir: MIGRATIONS_DIR }), 'NEWER_DATABASE', new RegExp(`newer version.*schema version ${LATEST + 1}.*knows up to ${LATEST}\\b`));
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('backs up a non-empty database before migrating it, and the backup holds the old rows', async () => {
    const migrations = copyMigrations();
    const dir = tempDir();
    const file = join(dir, 'db.sqlite');
    const first = await openStore({ file, migrationsDir: migrations });
    first.db
      .prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (?, ?, 1, 1)`)
      .run(9007199254740993n, 'red versus blue');
    first.close();

    writeFileSync(join(migrations, migrationFile(LATEST + 1, 'scheme_owner')), 'ALTER TABLE scheme ADD COLUMN owner TEXT;');
    const second = await openStore({ file, migrationsDir: migrations, now: () => Date.UTC(2026, 0, 2) });
    expect(second.backupFile).toMatch(new RegExp(`db\\.sqlite\\.v${LATEST}-2026-01-02T00-00-00-000Z\\.backup$`));
    expect(second.status().schemaVersion).toBe(LATEST + 1);
    second.close();

    const backup = new BetterSqlite3(second.backupFile!, { readonly: true });
    backup.defaultSafeIntegers(true);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backup.prepare('SELECT id, scheme_name FROM scheme').all()).toEqual([{ id: 9007199254740993n, scheme_name: 'red versus blue' }]);
    expect(backup.prepare('SELECT max(version) FROM schema_migration').pluck().get()).toBe(BigInt(LATEST));
    const columns = backup.prepare(`SELECT name FROM pragma_table_info('scheme')`).pluck().all();
    expect(columns).not.toContain('owner');
    backup.close();
  });

  it('re-indexes log lines written before version 4, so searches still find them', async () => {
    const migrations = copyMigrations();
    for (const later of loadMigrations(MIGRATIONS_DIR).filter((migration) => migration.version > 3)) {
      rmSync(join(migrations, migrationFile(later.version, later.name)));
    }
    const file = join(tempDir(), 'db.sqlite');
    const old = await openStore({ file, migrationsDir: migrations });
    const taskId = insertTask(old);
    insertNode(old, taskId, 'scout');
    const insert = old.db.prepare(`INSERT INTO node_execution_log (task_id, node_id, message, log_time, created_at) VALUES (?, 'scout', ?, 1, 1)`);
    for (const message of ['enemy radar detected', '敌方雷达 报告', 'all quiet']) insert.run(BigInt(taskId), message);
    old.close();

    const upgraded = await openStore({ file, migrationsDir: MIGRATIONS_DIR });
    expect(upgraded.status().schemaVersion).toBe(LATEST);
    const found = (search: string) => queryLogs(upgraded, { taskId, search }).lines.map((line) => line.message);
    expect(found('RADAR')).toEqual(['enemy radar detected']);
    expect(found('敌方雷达')).toEqual(['敌方雷达 报告']);
    expect(() => upgraded.db.exec(`INSERT INTO node_execution_log_fts (node_execution_log_fts) VALUES ('integrity-check')`)).not.toThrow();
    upgraded.close();
  });

  it('brings a version 7 log and executions to version 8: ids, search, levels and categories kept; new columns empty', async () => {
    const migrations = copyMigrations();
    for (const later of loadMigrations(MIGRATIONS_DIR).filter((migration) => migration.version >= 8)) {
      rmSync(join(migrations, migrationFile(later.version, later.name)));
    }
    const file = join(tempDir(), 'db.sqlite');
    const old = await openStore({ file, migrationsDir: migrations });
    expect(old.status().schemaVersion).toBe(7);
    const taskId = insertTask(old);
    insertNode(old, taskId, 'scout');
    old.db.prepare(`INSERT INTO node_execution (id, task_id, node_id, batch, status, created_at, updated_at) VALUES (77, ?, 'scout', 1, 'completed', 1, 1)`).run(BigInt(taskId));
    const insert = old.db.prepare(
      `INSERT INTO node_execution_log (id, task_id, node_id, execution_id, log_level, log_type, message, log_time, created_at, line) VALUES (?, ?, 'scout', 77, ?, ?, ?, 1, 1, ?)`,
    );
    insert.run(501, BigInt(taskId), 'info', 'stdout', 'enemy radar detected', 1);
    insert.run(502, BigInt(taskId), 'error', 'system', 'console lost the Engine', null);
    old.close();

    const upgraded = await openStore({ file, migrationsDir: MIGRATIONS_DIR });
    expect(upgraded.status().schemaVersion).toBe(LATEST);
    const lines = queryLogs(upgraded, { taskId }).lines;
    expect(lines.map((line) => [line.id, line.level, line.type, line.category, line.extra])).toEqual([
      ['501', 'info', 'stdout', 'execution', null],
      ['502', 'error', 'system', 'system', null],
    ]);
    expect(queryLogs(upgraded, { taskId, search: 'radar' }).lines.map((line) => line.id)).toEqual(['501']);
    expect(upgraded.db.prepare(`SELECT line FROM node_execution_log WHERE id = 501`).pluck().get()).toBe(1n);
    const execution = upgraded.db.prepare(`SELECT engine_node_id, queue_time_ms, cpu_peak, memory_mean, managed_nodes_total FROM node_execution WHERE id = 77`).get();
    expect(execution).toEqual({ engine_node_id: null, queue_time_ms: null, cpu_peak: null, memory_mean: null, managed_nodes_total: null });
    upgraded.db
      .prepare(`INSERT INTO node_execution_log (task_id, node_id, log_level, log_category, message, log_time, created_at, extra_data) VALUES (?, 'scout', 'critical', 'network', 'link down', 2, 2, '{"port":7}')`)
      .run(BigInt(taskId));
    expect(queryLogs(upgraded, { taskId, search: 'link down' }).lines.map((line) => [line.level, line.category, line.extra])).toEqual([['critical', 'network', { port: 7 }]]);
    expect(() =>
      upgraded.db.prepare(`INSERT INTO node_execution_log (task_id, node_id, message, log_time, created_at, extra_data) VALUES (?, 'scout', 'm', 2, 2, '[1]')`).run(BigInt(taskId)),
    ).toThrow(/CHECK constraint/);
    expect(() => upgraded.db.exec(`INSERT INTO node_execution_log_fts (node_execution_log_fts) VALUES ('integrity-check')`)).not.toThrow();
    expect(upgraded.db.pragma('foreign_key_check')).toEqual([]);
    upgraded.close();
  });

  it('does not back up an empty file it migrates for the first time', async () => {
    const file = join(tempDir(), 'db.sqlite');
    writeFileSync(file, '');
    const store = await openStore({ file, migrationsDir: MIGRATIONS_DIR });
    expect(store.backupFile).toBeNull();
    store.close();
  });

  it('refuses a file that is not a SQLite database, or not one of ours, without touching it', async () => {
    const dir = tempDir();
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database at all, just text that is long enough to have a header');
    const before = fileBytes(garbage);
    await expectRefused(openStore({ file: garbage, migrationsDir: MIGRATIONS_DIR }), 'NOT_A_DATABASE', /not a readable SQLite database/);
    expect(fileBytes(garbage).equals(before)).toBe(true);

    const foreign = join(dir, 'foreign.sqlite');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    other.close();
    const foreignBefore = fileBytes(foreign);
    await expectRefused(openStore({ file: foreign, migrationsDir: MIGRATIONS_DIR }), 'NOT_A_DATABASE', /not a Deduction Console one/);
    expect(fileBytes(foreign).equals(foreignBefore)).toBe(true);
  });

  it('refuses a migrations folder with a gap in its numbering', async () => {
    const migrations = copyMigrations();
    writeFileSync(join(migrations, migrationFile(LATEST + 2, 'skipped_one')), 'SELECT 1;');
    await expectRefused(openStore({ file: ':memory:', migrationsDir: migrations }), 'BAD_MIGRATIONS', new RegExp(`without gaps.*found ${LATEST + 2} at position ${LATEST + 1}\\b`));
  });

  it('rolls back a migration that fails halfway, keeping the database at its last good version', async () => {
    const migrations = copyMigrations();
    const file = join(tempDir(), 'db.sqlite');
    (await openStore({ file, migrationsDir: migrations })).close();
    writeFileSync(join(migrations, migrationFile(LATEST + 1, 'broken')), 'CREATE TABLE half_done (id INTEGER);\nTHIS IS NOT SQL;');
    await expect(openStore({ file, migrationsDir: migrations })).rejects.toThrow(/syntax error/);
    const db = new BetterSqlite3(file, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT max(version) FROM schema_migration').pluck().get()).toBe(LATEST);
    db.close();
  });
});
