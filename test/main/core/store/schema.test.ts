import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/main/core/store/store';
import { EXECUTION_STATUSES, LOG_CATEGORIES, LOG_LEVELS, LOG_TYPES, NODE_STATUSES, TASK_STATUSES, TRIGGER_TYPES } from '../../../../src/shared/status';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(() => store.close());

describe('schema constraints', () => {
  it('accepts exactly the shared status lists in every status column', () => {
    const taskId = insertTask(store);
    insertNode(store, taskId, 'root', { type: 'container' });
    for (const status of TASK_STATUSES) {
      store.db.prepare('UPDATE deduction_task SET status = ? WHERE id = ?').run(status, BigInt(taskId));
    }
    expect(() => store.db.prepare('UPDATE deduction_task SET status = ? WHERE id = ?').run('exploded', BigInt(taskId))).toThrow(/CHECK constraint/);
    for (const status of NODE_STATUSES) {
      store.db.prepare(`UPDATE workflow_node SET status = ? WHERE node_id = 'root'`).run(status);
    }
    expect(() => store.db.prepare(`UPDATE workflow_node SET status = 'done' WHERE node_id = 'root'`).run()).toThrow(/CHECK constraint/);
    insertNode(store, taskId, 'agent', { parent: 'root' });
    expect(() => store.db.prepare(`UPDATE workflow_node SET status = 'initializing' WHERE node_id = 'agent'`).run()).toThrow(/CHECK constraint/);
    const insertExecution = store.db.prepare(
      `INSERT INTO node_execution (task_id, node_id, batch, status, created_at, updated_at) VALUES (?, 'agent', ?, ?, 1, 1)`,
    );
    EXECUTION_STATUSES.forEach((status, index) => insertExecution.run(BigInt(taskId), index + 1, status));
    expect(() => insertExecution.run(BigInt(taskId), 99, 'waiting')).toThrow(/CHECK constraint/);
    const insertTransition = store.db.prepare(
      `INSERT INTO node_state_transition (task_id, node_id, from_status, to_status, trigger_type, created_at) VALUES (?, 'agent', 'pending', 'ready', ?, 1)`,
    );
    for (const trigger of TRIGGER_TYPES) insertTransition.run(BigInt(taskId), trigger);
    expect(() => insertTransition.run(BigInt(taskId), 'magic')).toThrow(/CHECK constraint/);
    const insertLog = store.db.prepare(
      `INSERT INTO node_execution_log (task_id, node_id, log_level, log_type, message, log_time, created_at) VALUES (?, 'agent', ?, ?, 'm', 1, 1)`,
    );
    for (const level of LOG_LEVELS) for (const type of LOG_TYPES) insertLog.run(BigInt(taskId), level, type);
    expect(() => insertLog.run(BigInt(taskId), 'fatal', 'stdout')).toThrow(/CHECK constraint/);
    expect(() => insertLog.run(BigInt(taskId), 'info', 'telepathy')).toThrow(/CHECK constraint/);
    const insertCategory = store.db.prepare(
      `INSERT INTO node_execution_log (task_id, node_id, log_category, message, log_time, created_at) VALUES (?, 'agent', ?, 'm', 1, 1)`,
    );
    for (const category of LOG_CATEGORIES) insertCategory.run(BigInt(taskId), category);
    expect(() => insertCategory.run(BigInt(taskId), 'gossip')).toThrow(/CHECK constraint/);
  });

  it('rejects a duplicate (task, node_id)', () => {
    const taskId = insertTask(store);
    insertNode(store, taskId, 'root', { type: 'container' });
    expect(() => insertNode(store, taskId, 'root', { type: 'container' })).toThrow(/UNIQUE constraint failed: workflow_node.task_id, workflow_node.node_id/);
  });

  it('rejects dangling foreign keys', () => {
    expect(() => insertNode(store, '123456789', 'orphan', { type: 'container' })).toThrow(/FOREIGN KEY constraint failed/);
    const taskId = insertTask(store);
    insertNode(store, taskId, 'root', { type: 'container' });
    expect(() =>
      store.db
        .prepare(`INSERT INTO node_dependency (task_id, node_id, source_node_id, dependency_type, created_at) VALUES (?, 'root', 'ghost', 'success', 1)`)
        .run(BigInt(taskId)),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => store.transaction(() => insertNode(store, taskId, 'child', { parent: 'no-such-parent' }))).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('rejects invalid JSON in JSON columns', () => {
    const taskId = insertTask(store);
    expect(() => store.db.prepare(`UPDATE deduction_task_snapshot SET workflow_snapshot = '{not json' WHERE task_id = ?`).run(BigInt(taskId))).toThrow(/CHECK constraint/);
    expect(() => store.db.prepare(`UPDATE deduction_task SET variables = '{"a":' WHERE id = ?`).run(BigInt(taskId))).toThrow(/CHECK constraint/);
    insertNode(store, taskId, 'root', { type: 'container' });
    expect(() => store.db.prepare(`UPDATE workflow_node SET container_config = '[1,' WHERE node_id = 'root'`).run()).toThrow(/CHECK constraint/);
    expect(() => store.db.prepare(`INSERT INTO workflow_template (name, version, definition, created_at) VALUES ('t', 1, 'nope', 1)`).run()).toThrow(
      /CHECK constraint/,
    );
  });

  it('rejects a second version of a template with the same name and number', () => {
    const insert = store.db.prepare(`INSERT INTO workflow_template (name, version, definition, created_at) VALUES ('plan', ?, '{}', 1)`);
    insert.run(1);
    insert.run(2);
    expect(() => insert.run(2)).toThrow(/UNIQUE constraint failed: workflow_template.name, workflow_template.version/);
  });

  it('cascades a task delete to its nodes, dependencies, executions, logs, transitions and samples', () => {
    const taskId = insertTask(store);
    const otherTask = insertTask(store);
    for (const id of [taskId, otherTask]) {
      insertNode(store, id, 'root', { type: 'container' });
      insertNode(store, id, 'a', { parent: 'root' });
      insertNode(store, id, 'b', { parent: 'root' });
      const task = BigInt(id);
      store.db.prepare(`INSERT INTO node_dependency (task_id, node_id, source_node_id, created_at) VALUES (?, 'b', 'a', 1)`).run(task);
      const execution = store.db
        .prepare(`INSERT INTO node_execution (task_id, node_id, batch, created_at, updated_at) VALUES (?, 'a', 1, 1, 1)`)
        .run(task).lastInsertRowid;
      store.db
        .prepare(`INSERT INTO node_execution_log (task_id, node_id, execution_id, message, log_time, created_at) VALUES (?, 'a', ?, 'hello', 1, 1)`)
        .run(task, execution);
      store.db.prepare(`INSERT INTO node_state_transition (task_id, node_id, to_status, trigger_type, created_at) VALUES (?, 'a', 'ready', 'system', 1)`).run(task);
      store.db
        .prepare(`INSERT INTO resource_sample (task_id, node_id, engine_id, cpu_percent, memory_bytes, sample_time) VALUES (?, 'a', 'e1', 1, 1, 1)`)
        .run(task);
    }
    const tables = ['deduction_task_snapshot', 'workflow_node', 'node_dependency', 'node_execution', 'node_execution_log', 'node_state_transition', 'resource_sample'];
    const count = (table: string, id: string) => Number(store.db.prepare(`SELECT count(*) FROM ${table} WHERE task_id = ?`).pluck().get(BigInt(id)));
    store.db.prepare('DELETE FROM deduction_task WHERE id = ?').run(BigInt(taskId));
    for (const table of tables) {
      expect({ table, left: count(table, taskId) }).toEqual({ table, left: 0 });
      expect(count(table, otherTask)).toBeGreaterThan(0);
    }
    const indexed = store.db.prepare(`SELECT count(*) FROM node_execution_log_fts WHERE message LIKE '%hello%'`).pluck().get();
    expect(Number(indexed)).toBe(1);
  });

  it('keeps the full-text index of log messages in sync on insert, update and delete', () => {
    const taskId = insertTask(store);
    insertNode(store, taskId, 'root', { type: 'container' });
    const insert = store.db.prepare(`INSERT INTO node_execution_log (task_id, node_id, message, log_time, created_at) VALUES (?, 'root', ?, 1, 1)`);
    const search = (term: string) =>
      (store.db
        .prepare(`SELECT l.message FROM node_execution_log_fts f JOIN node_execution_log l ON l.id = f.rowid WHERE f.message LIKE ? ORDER BY l.id`)
        .pluck()
        .all(`%${term}%`) as string[]);
    const first = insert.run(BigInt(taskId), 'red team crossed the river').lastInsertRowid;
    insert.run(BigInt(taskId), 'blue team holds the bridge');
    insert.run(BigInt(taskId), '红方 渡河 成功');
    expect(search('river')).toEqual(['red team crossed the river']);
    expect(search('team')).toHaveLength(2);
    expect(search('方 渡河')).toEqual(['红方 渡河 成功']);
    expect(search('RIVER')).toEqual(['red team crossed the river']);
    expect(search('ross')).toEqual(['red team crossed the river']);
    store.db.prepare(`UPDATE node_execution_log SET message = 'red team retreated' WHERE id = ?`).run(first);
    expect(search('river')).toEqual([]);
    expect(search('retreated')).toEqual(['red team retreated']);
    store.db.prepare(`DELETE FROM node_execution_log WHERE id = ?`).run(first);
    expect(search('retreated')).toEqual([]);
    expect(search('team')).toEqual(['blue team holds the bridge']);
    expect(() => store.db.exec(`INSERT INTO node_execution_log_fts (node_execution_log_fts) VALUES ('integrity-check')`)).not.toThrow();
  });
});
