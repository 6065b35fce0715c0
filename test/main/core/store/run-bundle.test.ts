import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRun, importRun } from '../../../../src/main/core/store/run-bundle';
import type { Store } from '../../../../src/main/core/store/store';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

function seedRun(store: Store): string {
  const taskId = insertTask(store, store.ids.next(), 'completed');
  insertNode(store, taskId, 'root', { type: 'container', status: 'completed' });
  insertNode(store, taskId, '侦察', { parent: 'root', status: 'completed' });
  insertNode(store, taskId, 'strike', { parent: 'root', status: 'completed' });
  const task = BigInt(taskId);
  store.db.prepare(`INSERT INTO node_dependency (task_id, node_id, source_node_id, condition, created_at) VALUES (?, 'strike', '侦察', '{"==":[1,1]}', 1)`).run(task);
  const execution = store.db
    .prepare(`INSERT INTO node_execution (task_id, node_id, batch, status, result, created_at, updated_at) VALUES (?, '侦察', 1, 'completed', '{"route":"north"}', 1, 2)`)
    .run(task).lastInsertRowid;
  const log = store.db.prepare(`INSERT INTO node_execution_log (task_id, node_id, execution_id, message, log_time, created_at) VALUES (?, '侦察', ?, ?, ?, 1)`);
  for (let i = 0; i < 100; i++) log.run(task, execution, `敌情 line ${i} 🚩`, i);
  store.db.prepare(`INSERT INTO node_state_transition (task_id, node_id, from_status, to_status, trigger_type, operator, created_at) VALUES (?, 'strike', 'ready', 'running', 'user', '张三', 5)`).run(task);
  store.db.prepare(`INSERT INTO resource_sample (task_id, node_id, engine_id, cpu_percent, memory_bytes, sample_time) VALUES (?, '侦察', 'e1', 12.5, 1048576, 3)`).run(task);
  return taskId;
}

function contentOf(store: Store, taskId: string): Record<string, unknown> {
  const task = BigInt(taskId);
  const strip = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), id: undefined, execution_id: undefined }));
  const tables = ['workflow_node', 'node_dependency', 'node_execution', 'node_execution_log', 'node_state_transition', 'resource_sample'];
  return {
    task: store.db
      .prepare('SELECT task_name, status, workflow_snapshot, total_nodes FROM deduction_task JOIN deduction_task_snapshot s ON s.task_id = id WHERE id = ?')
      .get(task),
    ...Object.fromEntries(tables.map((table) => [table, strip(store.db.prepare(`SELECT * FROM ${table} WHERE task_id = ? ORDER BY rowid`).all(task))])),
    logsLinkedToExecution: store.db
      .prepare(`SELECT count(*) FROM node_execution_log l JOIN node_execution e ON e.id = l.execution_id WHERE l.task_id = ?`)
      .pluck()
      .get(task),
  };
}

describe('run bundles', () => {
  it('carry one task between databases exactly, and a second import changes nothing', async () => {
    const source = await openTestStore();
    const target = await openTestStore();
    const otherTask = seedRun(target);
    const taskId = seedRun(source);
    const file = join(tempDir(), 'run.ndjson');
    const exported = exportRun(source, taskId, file);
    expect(exported.counts).toMatchObject({ deduction_task: 1, deduction_task_snapshot: 1, workflow_node: 3, node_execution_log: 100, resource_sample: 1 });

    expect(importRun(target, file)).toMatchObject({ taskId, status: 'imported' });
    expect(contentOf(target, taskId)).toEqual(contentOf(source, taskId));
    expect(contentOf(target, taskId)['logsLinkedToExecution']).toBe(100n);
    const search = target.db.prepare(`SELECT count(*) FROM node_execution_log_fts WHERE message LIKE '%敌情 line%'`).pluck().get();
    expect(Number(search)).toBe(200);

    const before = target.db.prepare('SELECT count(*) FROM node_execution_log').pluck().get();
    expect(importRun(target, file)).toMatchObject({ taskId, status: 'already-present' });
    expect(target.db.prepare('SELECT count(*) FROM node_execution_log').pluck().get()).toBe(before);
    expect(contentOf(target, otherTask)['node_execution_log']).toHaveLength(100);
    source.close();
    target.close();
  });

  it('refuses a damaged, truncated or foreign file with a message naming the line, and writes nothing', async () => {
    const source = await openTestStore();
    const taskId = seedRun(source);
    const dir = tempDir();
    const good = join(dir, 'run.ndjson');
    exportRun(source, taskId, good);
    const lines = readFileSync(good, 'utf8').trimEnd().split('\n');
    const cases: Array<[string, string, RegExp]> = [
      ['truncated.ndjson', lines.slice(0, -3).join('\n'), /incomplete: its header promises/],
      ['garbled.ndjson', [...lines.slice(0, 5), '{"t": "workflow_node", "r": {', ...lines.slice(5)].join('\n'), /garbled\.ndjson:6: not JSON/],
      ['foreign.ndjson', '{"hello": "world"}', /foreign\.ndjson:1: format: .*is this a run bundle/],
      ['newer.ndjson', [lines[0]!.replace(/"schemaVersion":\d+/, '"schemaVersion":99'), ...lines.slice(1)].join('\n'), /newer Deduction Console \(schema 99/],
      ['bad-table.ndjson', [...lines, '{"t":"sqlite_master","r":{}}'].join('\n'), /t: Invalid option/],
    ];
    const target = await openTestStore();
    for (const [name, text, pattern] of cases) {
      writeFileSync(join(dir, name), text);
      expect(() => importRun(target, join(dir, name))).toThrow(pattern);
    }
    expect(target.db.prepare('SELECT count(*) FROM deduction_task').pluck().get()).toBe(0n);
    expect(target.db.prepare('SELECT count(*) FROM workflow_node').pluck().get()).toBe(0n);
    source.close();
    target.close();
  });

  it('rolls back a half-imported bundle when a row is refused by a constraint', async () => {
    const source = await openTestStore();
    const taskId = seedRun(source);
    const file = join(tempDir(), 'run.ndjson');
    exportRun(source, taskId, file);
    const text = readFileSync(file, 'utf8').replace('"status":"completed","variables"', '"status":"exploded","variables"');
    writeFileSync(file, text);
    const target = await openTestStore();
    expect(() => importRun(target, file)).toThrow(/CHECK constraint/);
    expect(target.db.prepare('SELECT count(*) FROM deduction_task').pluck().get()).toBe(0n);
    source.close();
    target.close();
  });

  it('refuses to export a task that does not exist, or over an existing file', async () => {
    const store = await openTestStore();
    const dir = tempDir();
    expect(() => exportRun(store, '123', join(dir, 'a.ndjson'))).toThrow(/there is no task 123/);
    expect(existsSync(join(dir, 'a.ndjson'))).toBe(false);
    writeFileSync(join(dir, 'b.ndjson'), 'keep');
    expect(() => exportRun(store, '123', join(dir, 'b.ndjson'))).toThrow(/already exists/);
    expect(readFileSync(join(dir, 'b.ndjson'), 'utf8')).toBe('keep');
    store.close();
  });
});
