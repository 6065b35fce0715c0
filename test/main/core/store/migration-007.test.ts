import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../../src/main/core/store/migrations';
import { openStore, type Store } from '../../../../src/main/core/store/store';
import { MIGRATIONS_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

/** A database at schema version 6: migrations 1–6 only, in a file of its own. */
async function openVersion6(): Promise<{ store: Store; file: string }> {
  const migrations = join(tempDir(), 'migrations');
  cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
  for (const later of loadMigrations(MIGRATIONS_DIR).filter((migration) => migration.version > 6)) {
    rmSync(join(migrations, `${String(later.version).padStart(3, '0')}_${later.name}.sql`));
  }
  const file = join(tempDir(), 'v6.sqlite');
  const store = await openStore({ file, migrationsDir: migrations });
  expect(store.status().schemaVersion).toBe(6);
  return { store, file };
}

function insertTask(store: Store, id: bigint, name: string): void {
  store.db
    .prepare(
      `INSERT INTO deduction_task (id, task_name, root_node_id, total_nodes, total_containers, total_agents, created_at, updated_at)
       VALUES (?, ?, 'root', 3, 1, 2, 1, 1)`,
    )
    .run(id, name);
  store.db.prepare(`INSERT INTO deduction_task_snapshot (task_id, workflow_snapshot) VALUES (?, '{}')`).run(id);
  const node = store.db.prepare(
    `INSERT INTO workflow_node (task_id, node_id, node_type, parent_node_id, is_root, agent_load, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, 1)`,
  );
  node.run(id, 'root', 'container', null, 1, null);
  node.run(id, 'a', 'agent', 'root', 0, 'sim');
  node.run(id, 'b', 'agent', 'root', 0, 'sim');
}

describe('migration 007 over version 6 data', () => {
  it('renames tasks that share a name, collapses repeated edges, and then enforces both', async () => {
    const { store: old, file } = await openVersion6();
    // Three "drill"s, and a task already called "drill (2)": the renamed ones skip that name.
    old.transaction(() => {
      insertTask(old, 10n, 'drill');
      insertTask(old, 11n, 'drill (2)');
      insertTask(old, 12n, 'drill');
      insertTask(old, 13n, 'drill');
      insertTask(old, 14n, 'solo');
      insertTask(old, 15n, 'solo (2)');
      insertTask(old, 16n, 'solo (2)');
      const edge = old.db.prepare(`INSERT INTO node_dependency (id, task_id, node_id, source_node_id, dependency_type, created_at) VALUES (?, ?, 'b', 'a', ?, 1)`);
      edge.run(100n, 10n, 'failure');
      edge.run(101n, 10n, 'success');
      edge.run(102n, 10n, 'failure');
      edge.run(103n, 12n, 'any');
    });
    old.close();

    const store = await openStore({ file, migrationsDir: MIGRATIONS_DIR });
    try {
      expect(store.status().schemaVersion).toBe(loadMigrations(MIGRATIONS_DIR).length);
      const names = store.db.prepare('SELECT id, task_name FROM deduction_task ORDER BY id').all() as Array<{ id: bigint; task_name: string }>;
      expect(names.map((row) => [Number(row.id), row.task_name])).toEqual([
        [10, 'drill'],
        [11, 'drill (2)'],
        [12, 'drill (3)'],
        [13, 'drill (4)'],
        [14, 'solo'],
        [15, 'solo (2)'],
        [16, 'solo (2) (2)'],
      ]);
      const edges = store.db.prepare('SELECT id, task_id, dependency_type FROM node_dependency ORDER BY id').all() as Array<{ id: bigint; task_id: bigint; dependency_type: string }>;
      expect(edges.map((row) => [Number(row.id), Number(row.task_id), row.dependency_type])).toEqual([
        [100, 10, 'failure'],
        [103, 12, 'any'],
      ]);

      expect(() => store.db.prepare(`UPDATE deduction_task SET task_name = 'drill' WHERE id = 12`).run()).toThrow(/UNIQUE constraint failed: deduction_task.task_name/);
      expect(() => store.db.prepare(`INSERT INTO node_dependency (task_id, node_id, source_node_id, created_at) VALUES (10, 'b', 'a', 1)`).run()).toThrow(
        /UNIQUE constraint failed: node_dependency.task_id, node_dependency.node_id, node_dependency.source_node_id/,
      );
      store.db.prepare(`INSERT INTO node_dependency (task_id, node_id, source_node_id, created_at) VALUES (10, 'a', 'b', 1)`).run();
      expect(store.db.prepare(`SELECT dependency_type FROM node_dependency WHERE task_id = 10 AND node_id = 'a'`).pluck().get()).toBe('finish');
      // The rebuilt table still cascades and still refuses edges to nodes that do not exist.
      expect(() => store.db.prepare(`INSERT INTO node_dependency (task_id, node_id, source_node_id, created_at) VALUES (10, 'b', 'ghost', 1)`).run()).toThrow(/FOREIGN KEY/);
      store.db.prepare('DELETE FROM deduction_task WHERE id = 10').run();
      expect(Number(store.db.prepare('SELECT count(*) FROM node_dependency WHERE task_id = 10').pluck().get())).toBe(0);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);

      const columns = (table: string) => store.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table);
      expect(columns('deduction_task')).toEqual(expect.arrayContaining(['description', 'engine_task_id', 'engine_url']));
      expect(columns('workflow_node')).toEqual(expect.arrayContaining(['agent_meta_id', 'agent_url', 'container_type', 'env_config', 'biz_value']));
      expect(() => store.db.prepare(`UPDATE workflow_node SET biz_value = '{oops' WHERE task_id = 12`).run()).toThrow(/CHECK constraint/);
    } finally {
      store.close();
    }
  });
});
