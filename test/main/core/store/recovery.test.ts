import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupStore } from '../../../../src/main/core/store/backup';
import { StoreOpenError } from '../../../../src/main/core/store/errors';
import { openWithRecovery, planRecovery, type RecoveryPlan, type RecoveryUi } from '../../../../src/main/core/store/recovery';
import { openStore } from '../../../../src/main/core/store/store';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

describe('the recovery plan', () => {
  const damaged = new StoreOpenError('INTEGRITY', '/data/deduction.sqlite is damaged (page 7 is never used)', '/data/deduction.sqlite');

  it('offers the newest backup first, then choosing one, then quitting (also on Escape)', () => {
    const plan = planRecovery(damaged, ['/data/deduction.sqlite.v1-b.backup', '/data/deduction.sqlite.v1-a.backup'])!;
    expect(plan.options.map((option) => option.action)).toEqual([
      { kind: 'restore', backup: '/data/deduction.sqlite.v1-b.backup' },
      { kind: 'choose-backup' },
      { kind: 'quit' },
    ]);
    expect(plan.options[0]!.label).toMatch(/newest backup \(deduction\.sqlite\.v1-b\.backup\)/);
    expect(plan.defaultIndex).toBe(0);
    expect(plan.options[plan.cancelIndex]!.action).toEqual({ kind: 'quit' });
    expect(plan.message).toMatch(/damaged: \/data\/deduction\.sqlite/);
    expect(plan.detail).toMatch(/page 7 is never used[\s\S]*v1-b\.backup\n\/data\/deduction\.sqlite\.v1-a\.backup[\s\S]*nothing is deleted or overwritten/);
  });

  it('without backups, offers choosing one or quitting', () => {
    const plan = planRecovery(new StoreOpenError('NOT_A_DATABASE', 'x is not a readable SQLite database', 'x'), [])!;
    expect(plan.options.map((option) => option.action.kind)).toEqual(['choose-backup', 'quit']);
    expect(plan.message).toMatch(/cannot be read/);
    expect(plan.detail).toMatch(/No backups were found/);
  });

  it('offers nothing a backup cannot fix', () => {
    for (const code of ['NEWER_DATABASE', 'EDITED_MIGRATION', 'BAD_MIGRATIONS'] as const) {
      expect(planRecovery(new StoreOpenError(code, 'm', 'f'), ['f.v1.backup'])).toBeNull();
    }
    expect(planRecovery(new Error('disk full'), ['f.v1.backup'])).toBeNull();
  });
});

/** A database with some rows, a backup of it beside it, then damage to the database. */
async function damagedDatabaseWithBackup(): Promise<{ file: string; backup: string; damaged: Buffer }> {
  const dir = tempDir();
  const file = join(dir, 'deduction.sqlite');
  const store = await openStore({ file, migrationsDir: MIGRATIONS_DIR });
  const insert = store.db.prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (?, ?, 1, 1)`);
  store.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(BigInt(store.ids.next()), `scheme ${i} with a name long enough to fill several pages`);
  });
  const backup = (await backupStore(store, `${file}.v1-2026-01-01T00-00-00-000Z.backup`)).file;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const handle = openSync(file, 'r+');
  for (const page of [6, 7, 8, 9]) writeSync(handle, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
  closeSync(handle);
  return { file, backup, damaged: readFileSync(file) };
}

function scriptedUi(answers: Array<number | string | null>) {
  const shown: RecoveryPlan[] = [];
  const told: string[] = [];
  const ui: RecoveryUi = {
    choose: async (plan) => {
      shown.push(plan);
      return answers.shift() as number;
    },
    pickBackup: async () => answers.shift() as string | null,
    tell: async (kind, message, detail) => {
      told.push(`${kind}: ${message} ${detail}`);
    },
  };
  return { ui, shown, told };
}

const open = (file: string) => () => openStore({ file, migrationsDir: MIGRATIONS_DIR });

describe('opening with recovery', () => {
  it('restores the newest backup when chosen, keeps the damaged file beside it, and opens', async () => {
    const { file, damaged } = await damagedDatabaseWithBackup();
    const { ui, shown, told } = scriptedUi([0]);
    const store = await openWithRecovery(open(file), { dbFile: file, migrationsDir: MIGRATIONS_DIR, ui, now: () => Date.UTC(2026, 5, 1) });
    expect(store).not.toBeNull();
    expect(Number(store!.db.prepare('SELECT count(*) FROM scheme').pluck().get())).toBe(3000);
    store!.close();
    expect(shown).toHaveLength(1);
    const kept = `${file}.damaged-2026-06-01T00-00-00-000Z`;
    expect(told).toEqual([`info: Restored deduction.sqlite.v1-2026-01-01T00-00-00-000Z.backup. The file it replaced is kept as ${kept}.`]);
    expect(readFileSync(kept).equals(damaged)).toBe(true);
  });

  it('quits without touching anything when the user quits', async () => {
    const { file, damaged } = await damagedDatabaseWithBackup();
    // SQLite's own -wal/-shm sidecars may appear when the file is inspected; nothing else may.
    const files = () => readdirSync(join(file, '..')).filter((name) => !/-(wal|shm)$/.test(name)).sort();
    const before = files();
    const { ui } = scriptedUi([2]);
    expect(await openWithRecovery(open(file), { dbFile: file, migrationsDir: MIGRATIONS_DIR, ui })).toBeNull();
    expect(readFileSync(file).equals(damaged)).toBe(true);
    expect(files()).toEqual(before);
  });

  it('asks again after a cancelled file choice or a refused backup, then restores the chosen one', async () => {
    const { file, backup } = await damagedDatabaseWithBackup();
    const garbage = join(tempDir(), 'not-a-backup.sqlite');
    writeFileSync(garbage, 'x'.repeat(4096));
    const { ui, shown, told } = scriptedUi([1, null, 1, garbage, 1, backup]);
    const store = await openWithRecovery(open(file), { dbFile: file, migrationsDir: MIGRATIONS_DIR, ui });
    expect(store).not.toBeNull();
    store!.close();
    expect(shown).toHaveLength(3);
    expect(told[0]).toMatch(/^error: not-a-backup\.sqlite was not restored\. .*cannot be restored/);
    expect(told[1]).toMatch(/^info: Restored/);
  });

  it('rethrows what no backup can fix, and passes a sound database straight through', async () => {
    const dir = tempDir();
    const newer = join(dir, 'newer.sqlite');
    const db = new BetterSqlite3(newer);
    db.exec(`CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT, checksum TEXT, applied_at INTEGER, app_version TEXT);
             INSERT INTO schema_migration VALUES (999, 'future', 'x', 0, '9.0.0');`);
    db.close();
    const { ui, shown } = scriptedUi([]);
    await expect(openWithRecovery(open(newer), { dbFile: newer, migrationsDir: MIGRATIONS_DIR, ui })).rejects.toMatchObject({ code: 'NEWER_DATABASE' });
    const sound = await openWithRecovery(open(join(dir, 'fresh.sqlite')), { dbFile: join(dir, 'fresh.sqlite'), migrationsDir: MIGRATIONS_DIR, ui });
    sound!.close();
    expect(shown).toEqual([]);
    expect(existsSync(join(dir, 'fresh.sqlite'))).toBe(true);
  });
});
