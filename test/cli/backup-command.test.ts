import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { openStore } from '../../src/main/core/store/store';
import { MIGRATIONS_DIR } from '../helpers/paths';
import { recordingIo } from '../helpers/cli-io';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();

describe('deduction backup / restore', () => {
  it('backs up a database and restores it, keeping the replaced one', async () => {
    const dir = tempDir();
    const db = join(dir, 'console.sqlite');
    const store = await openStore({ file: db, migrationsDir: MIGRATIONS_DIR });
    store.db.prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (1, 'kept', 1, 1)`).run();
    store.close();

    const backupIo = recordingIo();
    expect(await main(['backup', '--db', db, '--out', join(dir, 'saved.sqlite')], backupIo)).toBe(0);
    expect(backupIo.stdout()).toMatch(/backed up .*saved\.sqlite \(\d+ bytes, integrity ok\)/);

    const writer = new BetterSqlite3(db);
    writer.prepare(`DELETE FROM scheme`).run();
    writer.close();

    const restoreIo = recordingIo();
    expect(await main(['restore', join(dir, 'saved.sqlite'), '--db', db], restoreIo)).toBe(0);
    expect(restoreIo.stdout()).toMatch(/the database it replaced is kept as .*pre-restore/);
    const reader = new BetterSqlite3(db, { readonly: true });
    expect(reader.prepare('SELECT scheme_name FROM scheme').pluck().all()).toEqual(['kept']);
    reader.close();
  });

  it('refuses a backup that does not exist with exit code 2 (invalid input), naming the file', async () => {
    const dir = tempDir();
    const io = recordingIo();
    expect(await main(['restore', join(dir, 'nothing-here.sqlite'), '--db', join(dir, 'db.sqlite')], io)).toBe(2);
    expect(io.stderr()).toMatch(/^deduction: .*nothing-here\.sqlite does not exist$/);
  });

  it('without --out, writes a compressed verified backup into the backup folder, lists it, and restores it by number', async () => {
    const dir = tempDir();
    const db = join(dir, 'console.sqlite');
    const store = await openStore({ file: db, migrationsDir: MIGRATIONS_DIR });
    store.db.prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (1, 'kept', 1, 1)`).run();
    store.close();

    const backupIo = recordingIo();
    expect(await main(['backup', '--db', db], backupIo)).toBe(0);
    expect(backupIo.stdout()).toMatch(/backed up .* to .*backups[\\/]console\.sqlite\.[0-9T-]+Z\.gz \(.* compressed, verified\)/);

    const listIo = recordingIo();
    expect(await main(['backup', 'list', '--db', db], listIo), listIo.stderr()).toBe(0);
    expect(listIo.stdout()).toMatch(/^backups in .*backups:\n +1 {2}console\.sqlite\..*\.gz {2}.* {2}verified$/);
    const [entry] = JSON.parse(await (async () => {
      const json = recordingIo();
      await main(['backup', 'list', '--json', '--db', db], json);
      return json.stdout();
    })()) as Array<{ path: string }>;

    const writer = new BetterSqlite3(db);
    writer.prepare(`DELETE FROM scheme`).run();
    writer.close();
    const restoreIo = recordingIo();
    expect(await main(['restore', '--from-list', '1', '--db', db], restoreIo)).toBe(0);
    expect(restoreIo.stdout()).toContain(`restored ${entry!.path}`);
    const reader = new BetterSqlite3(db, { readonly: true });
    expect(reader.prepare('SELECT scheme_name FROM scheme').pluck().all()).toEqual(['kept']);
    reader.close();

    const gzIo = recordingIo();
    expect(await main(['restore', entry!.path, '--db', join(dir, 'fresh.sqlite')], gzIo)).toBe(0);
    const fresh = new BetterSqlite3(join(dir, 'fresh.sqlite'), { readonly: true });
    expect(fresh.prepare('SELECT scheme_name FROM scheme').pluck().all()).toEqual(['kept']);
    fresh.close();

    const missing = recordingIo();
    expect(await main(['restore', '--from-list', '7', '--db', db], missing)).toBe(2);
    expect(missing.stderr()).toMatch(/there is no backup number 7 in .*backups \(1 there/);
    const both = recordingIo();
    expect(await main(['restore', entry!.path, '--from-list', '1', '--db', db], both)).toBe(2);
    expect(both.stderr()).toContain('give either a backup file or --from-list N');
  });
});
