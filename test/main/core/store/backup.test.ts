import BetterSqlite3 from 'better-sqlite3';
import { existsSync, openSync, readFileSync, writeFileSync, writeSync, closeSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupStore, findBackups, integrityProblems, restoreStore } from '../../../../src/main/core/store/backup';
import { StoreOpenError } from '../../../../src/main/core/store/errors';
import { loadMigrations } from '../../../../src/main/core/store/migrations';
import { openStore, type Store } from '../../../../src/main/core/store/store';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

async function storeWithSchemes(dir: string, names: string[], file = 'db.sqlite'): Promise<Store> {
  const store = await openStore({ file: join(dir, file), migrationsDir: MIGRATIONS_DIR });
  const insert = store.db.prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (?, ?, 1, 1)`);
  for (const name of names) insert.run(BigInt(store.ids.next()), name);
  return store;
}

function schemeNames(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  const names = db.prepare('SELECT scheme_name FROM scheme ORDER BY scheme_name').pluck().all() as string[];
  db.close();
  return names;
}

describe('backup', () => {
  it('takes a consistent copy while writes go on, and the copy passes integrity_check', async () => {
    const dir = tempDir();
    const store = await storeWithSchemes(dir, ['before']);
    const insert = store.db.prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (?, ?, 1, 1)`);
    let written = 0;
    const writer = setInterval(() => {
      store.transaction(() => {
        for (let i = 0; i < 50; i++) insert.run(BigInt(store.ids.next()), `live-${written++}`);
      });
    }, 1);
    const result = await backupStore(store, join(dir, 'copy.sqlite'));
    clearInterval(writer);
    store.close();
    expect(result.bytes).toBeGreaterThan(0);
    expect(integrityProblems(result.file)).toEqual([]);
    const names = schemeNames(result.file);
    expect(names).toContain('before');
    expect(names.length % 50).toBe(1);
  });

  it('never overwrites an existing file', async () => {
    const dir = tempDir();
    const store = await storeWithSchemes(dir, ['x']);
    writeFileSync(join(dir, 'taken.sqlite'), 'keep me');
    await expect(backupStore(store, join(dir, 'taken.sqlite'))).rejects.toThrow(/already exists/);
    expect(readFileSync(join(dir, 'taken.sqlite'), 'utf8')).toBe('keep me');
    store.close();
  });
});

describe('restore', () => {
  it('replaces the database with a backup and keeps the replaced one beside it', async () => {
    const dir = tempDir();
    const store = await storeWithSchemes(dir, ['old plan']);
    const backup = (await backupStore(store, join(dir, 'saved.sqlite'))).file;
    store.db.prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (?, 'newer plan', 1, 1)`).run(BigInt(store.ids.next()));
    store.close();
    const target = join(dir, 'db.sqlite');
    const result = await restoreStore({ backupFile: backup, targetFile: target, migrationsDir: MIGRATIONS_DIR, now: () => Date.UTC(2026, 5, 1) });
    expect(schemeNames(target)).toEqual(['old plan']);
    expect(result.previousSavedAs).toMatch(/db\.sqlite\.pre-restore-2026-06-01T00-00-00-000Z\.backup$/);
    expect(schemeNames(result.previousSavedAs!)).toEqual(['newer plan', 'old plan']);
    const reopened = await openStore({ file: target, migrationsDir: MIGRATIONS_DIR });
    expect(reopened.status().schemaVersion).toBe(loadMigrations(MIGRATIONS_DIR).length);
    reopened.close();
  });

  it('refuses a file that is not a sound Deduction Console database of this version, leaving the target as it was', async () => {
    const dir = tempDir();
    (await storeWithSchemes(dir, ['keep'])).close();
    const target = join(dir, 'db.sqlite');
    const before = readFileSync(target);
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'x'.repeat(4096));
    const foreign = join(dir, 'foreign.sqlite');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const newerMigrations = join(tempDir(), 'migrations');
    cpSync(MIGRATIONS_DIR, newerMigrations, { recursive: true });
    const next = String(loadMigrations(MIGRATIONS_DIR).length + 1).padStart(3, '0');
    writeFileSync(join(newerMigrations, `${next}_next.sql`), 'CREATE TABLE next_thing (id INTEGER);');
    (await openStore({ file: join(dir, 'newer.sqlite'), migrationsDir: newerMigrations })).close();
    for (const [file, pattern] of [
      [garbage, /cannot be restored/],
      [foreign, /not a Deduction Console database/],
      [join(dir, 'newer.sqlite'), /newer version/],
      [join(dir, 'missing.sqlite'), /does not exist/],
    ] as const) {
      await expect(restoreStore({ backupFile: file, targetFile: target, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(pattern);
    }
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(existsSync(`${target}.restoring`)).toBe(false);
  });
});

describe('integrity at open', () => {
  it('refuses a damaged database, leaves it as it is, and names the backups to restore from', async () => {
    const dir = tempDir();
    const store = await storeWithSchemes(dir, Array.from({ length: 3000 }, (_, i) => `scheme number ${i} with a long enough name to fill pages`));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const file = join(dir, 'db.sqlite');
    writeFileSync(`${file}.v1-2026-01-01T00-00-00-000Z.backup`, '');
    const handle = openSync(file, 'r+');
    const pageSize = 4096;
    for (const page of [6, 7, 8, 9]) writeSync(handle, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
    closeSync(handle);
    const damaged = readFileSync(file);
    const error = await openStore({ file, migrationsDir: MIGRATIONS_DIR }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).code).toBe('INTEGRITY');
    expect((error as StoreOpenError).message).toMatch(/is damaged.*left as it is.*deduction restore .*db\.sqlite\.v1-2026-01-01T00-00-00-000Z\.backup/s);
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });
});

describe('restore over a damaged database', () => {
  it('keeps the damaged file byte for byte under a name never offered as a backup', async () => {
    const dir = tempDir();
    const store = await storeWithSchemes(dir, Array.from({ length: 3000 }, (_, i) => `scheme number ${i} with a long enough name to fill pages`));
    const backup = (await backupStore(store, join(dir, 'db.sqlite.mine.backup'))).file;
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const target = join(dir, 'db.sqlite');
    const handle = openSync(target, 'r+');
    for (const page of [6, 7, 8, 9]) writeSync(handle, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
    closeSync(handle);
    const damaged = readFileSync(target);
    const result = await restoreStore({ backupFile: backup, targetFile: target, migrationsDir: MIGRATIONS_DIR, now: () => Date.UTC(2026, 5, 1) });
    expect(result.previousSavedAs).toBe(`${target}.damaged-2026-06-01T00-00-00-000Z`);
    expect(readFileSync(result.previousSavedAs!).equals(damaged)).toBe(true);
    expect(findBackups(target)).toEqual([backup]);
    expect(integrityProblems(target)).toEqual([]);
  });

  it('keeps a file SQLite cannot read at all the same way', async () => {
    const dir = tempDir();
    const store = await storeWithSchemes(dir, ['saved']);
    const backup = (await backupStore(store, join(dir, 'saved.backup'))).file;
    store.close();
    const target = join(dir, 'db.sqlite');
    writeFileSync(target, 'x'.repeat(8192));
    const result = await restoreStore({ backupFile: backup, targetFile: target, migrationsDir: MIGRATIONS_DIR, now: () => Date.UTC(2026, 5, 1) });
    expect(readFileSync(result.previousSavedAs!, 'utf8')).toBe('x'.repeat(8192));
    expect(schemeNames(target)).toEqual(['saved']);
  });
});
