import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../../../src/shared/api/contract';
import { backupStore } from '../../../src/main/core/store/backup';
import { openStore } from '../../../src/main/core/store/store';
import { MIGRATIONS_DIR, REPO_ROOT } from '../../helpers/paths';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';

const MAIN_BUNDLE = join(REPO_ROOT, 'out/main/index.js');
let fake: ReturnType<typeof createFakeElectron>;
let dbFile: string;
let damaged: Buffer;

vi.mock('electron', () => fake.electron);

// One app start spans every test here, so the folder lives until the last one is done.
const userData = mkdtempSync(join(tmpdir(), 'deduction-test-'));

/** The user's database, damaged after a backup of it was taken beside it. */
async function damagedUserData(): Promise<string> {
  dbFile = join(userData, 'deduction.sqlite');
  const store = await openStore({ file: dbFile, migrationsDir: MIGRATIONS_DIR });
  const insert = store.db.prepare(`INSERT INTO scheme (id, scheme_name, created_at, updated_at) VALUES (?, ?, 1, 1)`);
  store.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(BigInt(store.ids.next()), `scheme ${i} with a name long enough to fill several pages`);
  });
  await backupStore(store, `${dbFile}.v1-2026-01-01T00-00-00-000Z.backup`);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const handle = openSync(dbFile, 'r+');
  for (const page of [6, 7, 8, 9]) writeSync(handle, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
  closeSync(handle);
  damaged = readFileSync(dbFile);
  return userData;
}

beforeAll(async () => {
  if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run \`npm run build\` first (npm test does)`);
  fake = createFakeElectron(await damagedUserData(), REPO_ROOT);
  fake.record.messageBoxAnswers.push(0);
  await import(/* @vite-ignore */ MAIN_BUNDLE);
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
});

afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe('the built Electron main bundle on a damaged database', () => {
  it('offers the recovery choices before any window opens', () => {
    const offer = fake.record.messageBoxes[0]!;
    expect(offer.message).toMatch(/database is damaged/);
    expect(offer.buttons).toEqual(['Restore the newest backup (deduction.sqlite.v1-2026-01-01T00-00-00-000Z.backup)', 'Choose a backup file…', 'Quit']);
    expect(offer.cancelId).toBe(2);
    expect(fake.record.errors).toEqual([]);
  });

  it('restores the backup it was told to, keeps the damaged file beside it, and starts on the restored data', async () => {
    const told = fake.record.messageBoxes[1]!;
    expect(told.message).toMatch(/^Restored deduction\.sqlite\.v1-2026-01-01T00-00-00-000Z\.backup/);
    const keptAs = /kept as (.+)\.$/.exec(told.detail ?? '')?.[1];
    expect(keptAs).toMatch(/deduction\.sqlite\.damaged-/);
    expect(readFileSync(keptAs!).equals(damaged)).toBe(true);
    const window = FakeBrowserWindow.created[0]!;
    const status = await fake.handlers.get(ipcChannel('getAppStatus'))!({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
    expect(status).toMatchObject({ ok: true, result: { store: { file: dbFile } } });
    fake.electron.app.quit();
    await vi.waitFor(() => expect(fake.record.quitCalls).toBe(2));
  });
});
