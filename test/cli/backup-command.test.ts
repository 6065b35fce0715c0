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

  it('requires --out for a backup', async () => {
    const io = recordingIo();
    expect(await main(['backup', '--db', join(tempDir(), 'db.sqlite')], io)).toBe(2);
    expect(io.stderr()).toMatch(/--out/);
  });
});
