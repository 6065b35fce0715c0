import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/errors';
import { deleteTasks, previewTaskDeletion, setTasksArchived } from '../../../../src/main/core/tasks/task-removal';
import { listTasks } from '../../../../src/main/core/tasks/task-queries';
import type { Store } from '../../../../src/main/core/store/store';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const tempDir = useTempDirs();
let store: Store;

beforeEach(async () => {
  store = await openTestStore(tempDir());
  store.db.prepare(`INSERT INTO console_process (owner_id, pid, host, command, role, started_at, heartbeat_at) VALUES ('p1', 1, 'h', 'test', 'scheduler', 1, 1)`).run();
});
afterEach(() => store.close());

/** A task with a container, two agents, a dependency, executions, log lines, transitions and samples. */
function fullTask(status: string, endTime: number | null, marker = 'line'): string {
  const taskId = insertTask(store, store.ids.next(), status);
  const id = BigInt(taskId);
  store.db.prepare('UPDATE deduction_task SET end_time = ?, updated_at = ? WHERE id = ?').run(endTime, endTime ?? NOW, id);
  insertNode(store, taskId, 'root', { type: 'container', status: 'completed' });
  insertNode(store, taskId, 'a', { parent: 'root', status: 'completed' });
  insertNode(store, taskId, 'b', { parent: 'root', status: 'completed' });
  store.db.prepare(`INSERT INTO node_dependency (task_id, node_id, source_node_id, created_at) VALUES (?, 'b', 'a', 1)`).run(id);
  for (const node of ['a', 'b']) {
    const execution = store.db.prepare(`INSERT INTO node_execution (task_id, node_id, batch, status, created_at, updated_at) VALUES (?, ?, 1, 'completed', 1, 1)`).run(id, node).lastInsertRowid;
    for (let line = 0; line < 3; line += 1) {
      store.db.prepare(`INSERT INTO node_execution_log (task_id, node_id, execution_id, message, log_time, created_at) VALUES (?, ?, ?, ?, 1, 1)`).run(id, node, execution, `${marker} ${node} ${line}`);
    }
    store.db.prepare(`INSERT INTO node_state_transition (task_id, node_id, to_status, trigger_type, created_at) VALUES (?, ?, 'completed', 'system', 1)`).run(id, node);
    store.db.prepare(`INSERT INTO resource_sample (task_id, node_id, batch, engine_id, cpu_percent, memory_bytes, sample_time) VALUES (?, ?, 1, 'e', 1, 1, 1)`).run(id, node);
  }
  return taskId;
}

/** Rows of every table naming a task that no longer exists. */
function orphans(): Record<string, number> {
  const tables = store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`).pluck().all() as string[];
  const found: Record<string, number> = {};
  for (const table of tables) {
    const columns = store.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    if (!columns.includes('task_id')) continue;
    const count = Number(store.db.prepare(`SELECT count(*) FROM "${table}" WHERE task_id IS NOT NULL AND task_id NOT IN (SELECT id FROM deduction_task)`).pluck().get());
    if (count > 0) found[table] = count;
  }
  return found;
}

describe('deleting tasks', () => {
  it('deletes 1,000 ended tasks with every row they own and leaves the database sound', async () => {
    const kept = fullTask('completed', NOW - DAY, 'keepme');
    const running = fullTask('running', null, 'keepme');
    store.db.prepare(`INSERT INTO task_owner (task_id, owner_id, claimed_at) VALUES (?, 'p1', 1)`).run(BigInt(running));
    store.db.prepare('INSERT INTO resource_sample (engine_id, cpu_percent, memory_bytes, sample_time) VALUES (?, 1, 1, 1)').run('host-sample');
    store.transaction(() => {
      for (let index = 0; index < 1000; index += 1) fullTask(index % 3 === 0 ? 'failed' : 'completed', NOW - 40 * DAY, 'gone');
    });
    expect(Number(store.db.prepare('SELECT count(*) FROM node_execution_log').pluck().get())).toBe(6 * 1002);

    const preview = previewTaskDeletion(store, { olderThanDays: 30 }, NOW);
    expect(preview.tasks).toHaveLength(1000);
    expect(preview.logLines).toBe(6000);

    const batches: number[] = [];
    const result = await deleteTasks(store, { olderThanDays: 30 }, { now: () => NOW, batchRows: 2_000, onBatch: (ids) => batches.push(ids.length) });
    expect(result.deleted).toHaveLength(1000);
    expect(result.logLines).toBe(6000);
    expect(result.skipped).toEqual([]);
    expect(batches.length).toBeGreaterThan(5);
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(1000);

    expect(store.db.prepare('SELECT id FROM deduction_task ORDER BY id').pluck().all().map(String).sort()).toEqual([kept, running].sort());
    expect(orphans()).toEqual({});
    expect(Number(store.db.prepare('SELECT count(*) FROM node_execution_log').pluck().get())).toBe(12);
    expect(Number(store.db.prepare('SELECT count(*) FROM resource_sample WHERE task_id IS NULL').pluck().get())).toBe(1);
    expect(Number(store.db.prepare(`SELECT count(*) FROM node_execution_log_fts WHERE message LIKE '%gone%'`).pluck().get())).toBe(0);
    expect(Number(store.db.prepare(`SELECT count(*) FROM node_execution_log_fts WHERE message LIKE '%keepme%'`).pluck().get())).toBe(12);
    expect(() => store.db.prepare(`INSERT INTO node_execution_log_fts (node_execution_log_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a running task, with the reason, and deletes nothing of the call', async () => {
    const ended = fullTask('completed', NOW - DAY);
    const running = fullTask('running', null);
    const call = deleteTasks(store, { taskIds: [ended, running] });
    await expect(call).rejects.toThrow(ApiError);
    await expect(deleteTasks(store, { taskIds: [running] })).rejects.toThrow(`Task ${running} is running; stop it`);
    expect(Number(store.db.prepare('SELECT count(*) FROM deduction_task').pluck().get())).toBe(2);
    for (const status of ['paused', 'initializing']) {
      const live = fullTask(status, null);
      await expect(deleteTasks(store, { taskIds: [live] })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(() => setTasksArchived(store, { taskIds: [live] }, true)).toThrow(/stop it/);
    }
  });

  it('never selects live tasks by filter, and keeps those that ended recently or of other statuses', () => {
    fullTask('failed', NOW - 40 * DAY);
    const completed = fullTask('completed', NOW - 40 * DAY);
    fullTask('completed', NOW - 10 * DAY);
    fullTask('running', null);
    store.db.prepare('UPDATE deduction_task SET updated_at = ? WHERE status = ?').run(NOW - 90 * DAY, 'running');
    expect(previewTaskDeletion(store, { olderThanDays: 30, status: ['completed'] }, NOW).tasks.map((task) => task.taskId)).toEqual([completed]);
    expect(previewTaskDeletion(store, { olderThanDays: 30 }, NOW).tasks).toHaveLength(2);
    expect(() => previewTaskDeletion(store, { olderThanDays: 30, status: ['running'] }, NOW)).toThrow(/only ended statuses/);
  });

  it('reports an unknown task id instead of skipping it', async () => {
    await expect(deleteTasks(store, { taskIds: ['123456'] })).rejects.toThrow('There is no task 123456');
  });
});

describe('archiving tasks', () => {
  it('hides an archived task from the default list, keeps it whole and listable, and brings it back', () => {
    const taskId = fullTask('completed', NOW - DAY);
    expect(setTasksArchived(store, { taskIds: [taskId] }, true, NOW)).toBe(1);
    expect(listTasks(store).map((task) => task.taskId)).not.toContain(taskId);
    const listed = listTasks(store, { includeArchived: true }).find((task) => task.taskId === taskId);
    expect(listed?.archivedAt).toBe(NOW);
    expect(Number(store.db.prepare('SELECT count(*) FROM node_execution_log WHERE task_id = ?').pluck().get(BigInt(taskId)))).toBe(6);
    expect(setTasksArchived(store, { taskIds: [taskId] }, false, NOW)).toBe(1);
    expect(listTasks(store).map((task) => task.taskId)).toContain(taskId);
  });
});
