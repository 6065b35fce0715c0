import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../../src/main/core/store/migrations';
import { openStore } from '../../../../src/main/core/store/store';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

describe('migration 012 over earlier data', () => {
  it('rebuilds env_instance for the score strategy, keeping every task in its environment', async () => {
    const migrations = join(tempDir(), 'migrations');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    for (const later of loadMigrations(MIGRATIONS_DIR).filter((migration) => migration.version >= 12)) {
      rmSync(join(migrations, `${String(later.version).padStart(3, '0')}_${later.name}.sql`));
    }
    const file = join(tempDir(), 'v11.sqlite');
    const before = await openStore({ file, migrationsDir: migrations });
    before.db.prepare(`INSERT INTO env_instance (id, env_name, engines, strategy, created_at, updated_at) VALUES (5, 'lab', '[]', 'weighted', 1, 1)`).run();
    before.db.prepare(`INSERT INTO env_instance (id, env_name, engines, created_at, updated_at) VALUES (6, 'range', '[]', 1, 1)`).run();
    before.db
      .prepare(`INSERT INTO deduction_task (id, task_name, env_instance_id, root_node_id, total_nodes, total_containers, total_agents, created_at, updated_at) VALUES (?, ?, ?, 'root', 1, 1, 0, 1, 1)`)
      .run(10n, 'in lab', 5n);
    before.db
      .prepare(`INSERT INTO deduction_task (id, task_name, env_instance_id, root_node_id, total_nodes, total_containers, total_agents, created_at, updated_at) VALUES (?, ?, ?, 'root', 1, 1, 0, 1, 1)`)
      .run(11n, 'nowhere', null);
    expect(() => before.db.prepare(`UPDATE env_instance SET strategy = 'score' WHERE id = 6`).run()).toThrow(/CHECK constraint/);
    before.close();

    const after = await openStore({ file, migrationsDir: MIGRATIONS_DIR });
    try {
      expect(after.db.prepare('SELECT id, env_instance_id FROM deduction_task ORDER BY id').raw().all()).toEqual([
        [10n, 5n],
        [11n, null],
      ]);
      expect(after.db.prepare('SELECT id, env_name, strategy FROM env_instance ORDER BY id').raw().all()).toEqual([
        [5n, 'lab', 'weighted'],
        [6n, 'range', 'round_robin'],
      ]);
      after.db.prepare(`UPDATE env_instance SET strategy = 'score' WHERE id = 6`).run();
      expect(() => after.db.prepare(`INSERT INTO env_instance (id, env_name, created_at, updated_at) VALUES (7, 'lab', 1, 1)`).run()).toThrow(/UNIQUE constraint/);
      expect(after.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      // Deleting an environment still frees its tasks, through the rebuilt table.
      after.db.prepare('DELETE FROM env_instance WHERE id = 5').run();
      expect(after.db.prepare('SELECT env_instance_id FROM deduction_task WHERE id = 10').pluck().get()).toBeNull();
    } finally {
      after.close();
    }
  });
});
