import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  backupFileName,
  listCompressedBackups,
  restoreCompressedBackup,
  verifyCompressedBackup,
  writeCompressedBackup,
} from '../../../../src/main/core/backups/backup-files';
import { BackupScheduler } from '../../../../src/main/core/backups/backup-scheduler';
import { applyStagedRestore, pendingRestoreFile, stageRestore } from '../../../../src/main/core/backups/staged-restore';
import { REMOVED_SECRET } from '../../../../src/main/core/settings/sealed-secret';
import { readSettings, writeSettings } from '../../../../src/main/core/settings/settings-store';
import { openStore, type Store } from '../../../../src/main/core/store/store';
import type { Logger } from '../../../../src/shared/logger';
import { DEFAULT_SETTINGS, type BackupSettings } from '../../../../src/shared/settings/settings';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';
import type { IntervalClock } from '../../../../src/main/core/clock/interval-clock';

const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const tempDir = useTempDirs();
const stores: Store[] = [];
const schedulers: BackupScheduler[] = [];
afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) {
    scheduler.close();
    await scheduler.idle();
  }
  for (const store of stores.splice(0)) store.close();
});

async function open(file: string): Promise<Store> {
  const store = await openStore({ file, migrationsDir: MIGRATIONS_DIR });
  stores.push(store);
  return store;
}

class FakeClock implements IntervalClock {
  intervals: Array<() => void> = [];
  constructor(public time: number) {}
  now = () => this.time;
  setInterval = (callback: () => void) => this.intervals.push(callback);
  clearInterval = () => undefined;
}

/** Local time on 7 December 2026 plus `days`. */
function local(days: number, hours: number, minutes = 0): number {
  return new Date(2026, 11, 7 + days, hours, minutes).getTime();
}

function schedule(store: Store, clock: FakeClock, settings: Partial<BackupSettings> = {}): BackupScheduler {
  const scheduler = new BackupScheduler({ store, clock, logger: silentLogger, settings: () => ({ ...DEFAULT_SETTINGS.backups, ...settings }) });
  schedulers.push(scheduler);
  return scheduler;
}

const gzFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.gz')).sort() : []);

async function seeded(dir: string): Promise<Store> {
  const store = await open(join(dir, 'deduction.sqlite'));
  writeSettings(store, { operatorName: 'night shift', engines: { mode: 'remote', endpoints: [{ url: 'ws://10.0.0.5:7000', token: 'engine-secret-token' }], strategy: 'round_robin' } });
  store.db.prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (?, 'drill', 1, 1)`).run(store.ids.nextBigInt());
  return store;
}

describe('the backup schedule under a fake clock', () => {
  it('writes a verified compressed backup at the set time, once per day, and prunes files past retention', async () => {
    const dir = tempDir();
    const store = await seeded(dir);
    const folder = join(dir, 'backups');
    const clock = new FakeClock(local(0, 1, 30));
    const scheduler = schedule(store, clock);
    expect(await scheduler.start()).toBeNull();
    expect(scheduler.nextRun()).toBe(local(0, 2));
    clock.time = local(0, 1, 59);
    expect(await scheduler.tick()).toBeNull();
    expect(gzFiles(folder)).toEqual([]);

    clock.time = local(0, 2, 0) + 30_000;
    const first = await scheduler.tick();
    expect(first).toMatchObject({ ok: true, backup: { problems: [] } });
    expect(gzFiles(folder)).toEqual([backupFileName(store.file, clock.time)]);
    expect(listCompressedBackups(store, store.file, folder)).toMatchObject([{ verified: true, error: null, time: clock.time }]);
    clock.time = local(0, 2, 5);
    expect(await scheduler.tick()).toBeNull();
    expect(gzFiles(folder)).toHaveLength(1);

    // Files past retention go; a younger one and a file that is not a backup stay.
    const old = join(folder, backupFileName(store.file, local(-40, 2)));
    const young = join(folder, backupFileName(store.file, local(-20, 2)));
    const notes = join(folder, 'notes.gz');
    for (const [file, days] of [[old, -31], [young, -20], [notes, -60]] as const) {
      writeFileSync(file, 'x');
      utimesSync(file, new Date(local(days, 3)), new Date(local(days, 3)));
    }
    clock.time = local(1, 2, 1);
    const second = await scheduler.tick();
    expect(second).toMatchObject({ ok: true, pruned: [backupFileName(store.file, local(-40, 2))] });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(notes)).toBe(true);
    expect(gzFiles(folder)).toHaveLength(4);
    // The schedule is driven by the interval it registered.
    expect(clock.intervals).toHaveLength(1);
  });

  it('runs a backup missed while closed once at start, and of two processes only one writes a slot', async () => {
    const dir = tempDir();
    const store = await seeded(dir);
    const other = await open(store.file);
    const folder = join(dir, 'backups');
    const clock = new FakeClock(local(0, 1));
    const first = schedule(store, clock);
    const second = schedule(other, clock);
    expect(await Promise.all([first.start(), second.start()])).toEqual([null, null]);
    clock.time = local(0, 2, 1);
    const outcomes = await Promise.all([first.tick(), second.tick()]);
    expect(outcomes.filter((outcome) => outcome?.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(gzFiles(folder)).toHaveLength(1);

    // Closed for three days: one backup at the next start, not three.
    clock.time = local(3, 9);
    const restarted = schedule(other, clock);
    expect(await restarted.start()).toMatchObject({ ok: true });
    expect(await restarted.tick()).toBeNull();
    expect(gzFiles(folder)).toHaveLength(2);
    expect(Number(store.db.prepare('SELECT count(*) FROM backup_run WHERE verified = 1').pluck().get())).toBe(2);
  });

  it('does nothing while backups are off, and does not catch up on a database that never had one', async () => {
    const dir = tempDir();
    const store = await seeded(dir);
    const clock = new FakeClock(local(5, 12));
    const off = schedule(store, clock, { enabled: false });
    expect(await off.start()).toBeNull();
    expect(off.nextRun()).toBeNull();
    clock.time = local(6, 2, 1);
    expect(await off.tick()).toBeNull();
    expect(gzFiles(join(dir, 'backups'))).toEqual([]);
  });

  it('reports a failure without throwing and records it', async () => {
    const dir = tempDir();
    const store = await seeded(dir);
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the folder should be');
    const failures: string[] = [];
    const scheduler = new BackupScheduler({ store, clock: new FakeClock(local(0, 3)), logger: silentLogger, settings: () => ({ ...DEFAULT_SETTINGS.backups, folder: blocked }), onFailure: (message) => failures.push(message) });
    const outcome = await scheduler.runNow();
    expect(outcome.ok).toBe(false);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(blocked);
    expect(store.db.prepare('SELECT error FROM backup_run').pluck().get()).toContain('failed');
  });
});

describe('compressed backups', () => {
  it('catch a corrupted, truncated or foreign file on verification', async () => {
    const dir = tempDir();
    const store = await seeded(dir);
    const written = await writeCompressedBackup(store, join(dir, 'b'), { includeSecrets: false, now: local(0, 2) });
    expect(written.problems).toEqual([]);
    expect(await verifyCompressedBackup(written.path, written.sha256)).toEqual([]);

    const bytes = readFileSync(written.path);
    const flipped = Buffer.from(bytes);
    for (let index = 100; index < 140; index += 1) flipped[index] = flipped[index]! ^ 0xff;
    writeFileSync(join(dir, 'flipped.gz'), flipped);
    expect((await verifyCompressedBackup(join(dir, 'flipped.gz'), written.sha256))[0]).toMatch(/does not decompress/);
    writeFileSync(join(dir, 'short.gz'), bytes.subarray(0, bytes.length / 2));
    expect(await verifyCompressedBackup(join(dir, 'short.gz'), written.sha256)).not.toEqual([]);
    writeFileSync(join(dir, 'other.gz'), gzipSync(Buffer.from('not a database at all')));
    const foreign = await verifyCompressedBackup(join(dir, 'other.gz'), written.sha256);
    expect(foreign[0]).toMatch(/checksum/);
    expect(foreign.length).toBeGreaterThan(1);
  });

  it('restores to an identical database; without secrets asked for, settings come along and Engine tokens do not', async () => {
    const dir = tempDir();
    const store = await seeded(dir);
    const full = await writeCompressedBackup(store, join(dir, 'b'), { includeSecrets: true, now: local(0, 2) });
    const bare = await writeCompressedBackup(store, join(dir, 'b'), { includeSecrets: false, now: local(0, 3) });
    const tables = store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).pluck().all() as string[];
    const dump = (db: BetterSqlite3.Database) => Object.fromEntries(tables.map((table) => [table, (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[]).map((row) => JSON.stringify(row, (_, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).sort()]));
    const live = dump(store.db);

    const target = join(dir, 'restored.sqlite');
    await restoreCompressedBackup(full.path, target, MIGRATIONS_DIR);
    const restored = new BetterSqlite3(target, { readonly: true });
    restored.defaultSafeIntegers(true);
    expect(dump(restored)).toEqual(live);
    restored.close();

    const second = join(dir, 'bare.sqlite');
    await restoreCompressedBackup(bare.path, second, MIGRATIONS_DIR);
    const bareDb = new BetterSqlite3(second, { readonly: true });
    const settings = Object.fromEntries((bareDb.prepare('SELECT key, value FROM app_setting').all() as Array<{ key: string; value: string }>).map((row) => [row.key, JSON.parse(row.value)]));
    bareDb.close();
    expect(settings['operatorName']).toBe('night shift');
    expect(settings['engines'].endpoints[0]).toMatchObject({ url: 'ws://10.0.0.5:7000', token: REMOVED_SECRET });
    expect(readFileSync(second).includes(Buffer.from('engine-secret-token'))).toBe(false);
  });

  it('stages a restore for the next start, refusing an unusable file', async () => {
    const dir = tempDir();
    const store = await seeded(dir);
    const written = await writeCompressedBackup(store, join(dir, 'b'), { includeSecrets: true, now: local(0, 2) });
    writeFileSync(join(dir, 'junk.gz'), gzipSync(Buffer.from('junk')));
    await expect(stageRestore(join(dir, 'junk.gz'), store.file)).rejects.toThrow(/junk\.gz cannot be restored/);
    expect(existsSync(pendingRestoreFile(store.file))).toBe(false);

    await stageRestore(written.path, store.file);
    writeSettings(store, { operatorName: 'after the backup' });
    stores.splice(stores.indexOf(store), 1);
    store.close();
    expect(await applyStagedRestore(store.file, MIGRATIONS_DIR)).toMatchObject({ restored: store.file });
    expect(existsSync(pendingRestoreFile(store.file))).toBe(false);
    const reopened = await open(store.file);
    expect(readSettings(reopened, silentLogger).operatorName).toBe('night shift');
    expect(await applyStagedRestore(store.file, MIGRATIONS_DIR)).toBeNull();
  });
});
