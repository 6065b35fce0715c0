import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalCheckpoints } from '../../../../src/main/core/scheduler/checkpoints';
import type { Store } from '../../../../src/main/core/store/store';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

/** Rows committed to the WAL only: the database file grows when a checkpoint copies them in. */
function writeSchemes(db: Store, count: number): void {
  const insert = db.db.prepare(`INSERT INTO scheme (id, scheme_name, description, created_at, updated_at) VALUES (?, ?, ?, 1, 1)`);
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(BigInt(db.ids.next()), `scheme ${db.ids.next()}`, 'x'.repeat(1000));
  });
}

describe('WAL checkpoints between steps', () => {
  it('leaves the WAL alone until about a thousand pages were written, then copies it into the database', async () => {
    const dir = tempDir();
    store = await openTestStore(dir);
    const file = join(dir, 'test.sqlite');
    const checkpoints = new WalCheckpoints(store.db);
    writeSchemes(store, 200);
    const before = statSync(file).size;

    checkpoints.wrote(990);
    checkpoints.runIfDue();
    expect(statSync(file).size).toBe(before);

    checkpoints.wrote(10);
    checkpoints.runIfDue();
    expect(statSync(file).size).toBeGreaterThan(before + 100 * 1000);
  });

  it('never checkpoints inside an open transaction', async () => {
    const dir = tempDir();
    store = await openTestStore(dir);
    const file = join(dir, 'test.sqlite');
    const checkpoints = new WalCheckpoints(store.db, 10);
    writeSchemes(store, 200);
    const before = statSync(file).size;
    checkpoints.wrote(100);
    store.transaction(() => checkpoints.runIfDue());
    expect(statSync(file).size).toBe(before);
    checkpoints.runIfDue();
    expect(statSync(file).size).toBeGreaterThan(before);
  });
});
