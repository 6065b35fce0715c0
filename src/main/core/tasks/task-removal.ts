import { sql } from 'kysely';
import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import type { Id } from '../../../shared/ids';
import { TERMINAL_TASK_STATUSES } from '../../../shared/status';
import {
  LIVE_TASK_STATUSES,
  olderThanCutoff,
  taskSelectionSchema,
  type DeleteTasksResult,
  type RemovableTask,
  type TaskDeletionPreview,
  type TaskSelection,
} from '../../../shared/task/removal';
import type { Store } from '../store/store';
import { taskNotFound } from './task-errors';

/**
 * Archiving and deleting tasks. A live task (initializing, running, paused) is never touched:
 * naming one refuses the whole call with the reason, and a filter never selects one. Deletion
 * removes every row keyed by the task in transactions of bounded size, each task whole in one
 * of them, yielding between them so that a large deletion never holds the database long.
 */

export interface DeleteOptions {
  /** Rows (log lines, nodes, executions…) one transaction deletes at most, unless a single task holds more. */
  batchRows?: number;
  now?: () => number;
  /** Called after each committed batch, with the tasks it deleted. */
  onBatch?: (deleted: Id[]) => void;
}

const DEFAULT_BATCH_ROWS = 20_000;

/** The tasks a selection names, refusing unknown and live ones, or those its filter finds. */
export function selectRemovableTasks(store: Store, input: TaskSelection, now: number = Date.now()): RemovableTask[] {
  const selection = taskSelectionSchema.parse(input);
  let rows: Array<{ id: Id; task_name: string; status: RemovableTask['status']; end_time: number | null }>;
  if ('taskIds' in selection) {
    const ids = [...new Set(selection.taskIds)];
    rows = [];
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      rows.push(...store.all(store.kysely.selectFrom('deduction_task').select(['id', 'task_name', 'status', 'end_time']).where('id', 'in', chunk)));
    }
    const found = new Map(rows.map((row) => [row.id, row]));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw taskNotFound(missing);
    const live = rows.find((row) => LIVE_TASK_STATUSES.includes(row.status));
    if (live) throw new ApiError('CONFLICT', errorReason('task.activeNotRemovable', { taskId: live.id, status: live.status }));
  } else {
    const statuses = selection.status ?? [...TERMINAL_TASK_STATUSES];
    rows = store.all(
      store.kysely
        .selectFrom('deduction_task')
        .select(['id', 'task_name', 'status', 'end_time'])
        .where('status', 'in', statuses)
        .where(sql<number>`coalesce(end_time, updated_at)`, '<', olderThanCutoff(selection.olderThanDays, now))
        .orderBy('id'),
    );
  }
  const lines = logLineCounts(store, rows.map((row) => row.id));
  return rows.map((row) => ({ taskId: row.id, name: row.task_name, status: row.status, endTime: row.end_time, logLines: lines.get(row.id) ?? 0 }));
}

export function previewTaskDeletion(store: Store, selection: TaskSelection, now: number = Date.now()): TaskDeletionPreview {
  const tasks = selectRemovableTasks(store, selection, now);
  return { tasks, logLines: tasks.reduce((sum, task) => sum + task.logLines, 0) };
}

function logLineCounts(store: Store, ids: readonly Id[]): Map<Id, number> {
  const counts = new Map<Id, number>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = store.all(
      store.kysely
        .selectFrom('node_execution_log')
        .select(['task_id', (eb) => eb.fn.countAll<number>().as('lines')])
        .where('task_id', 'in', ids.slice(start, start + 500))
        .groupBy('task_id'),
    );
    for (const row of rows) counts.set(row.task_id, Number(row.lines));
  }
  return counts;
}

/** Archives (or, `archived` false, brings back) the selected tasks; returns how many changed. */
export function setTasksArchived(store: Store, selection: TaskSelection, archived: boolean, now: number = Date.now()): number {
  return store.transaction(() => {
    const ids = selectRemovableTasks(store, selection, now).map((task) => task.taskId);
    let changed = 0;
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const update = store.kysely.updateTable('deduction_task').set({ archived_at: archived ? now : null }).where('id', 'in', chunk);
      changed += store.run(archived ? update.where('archived_at', 'is', null) : update.where('archived_at', 'is not', null)).changes;
    }
    return changed;
  });
}

/**
 * Every table holding rows of a task (a `task_id` column, or a foreign key to the task) with the
 * column naming the task, children before the tables they reference, so a task's rows go in
 * dependency order and the task row last. Read from the schema, so a table a later migration
 * adds is covered too.
 */
function taskTables(store: Store): Array<{ table: string; column: string }> {
  const names = store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name <> 'deduction_task'`).pluck().all() as string[];
  const foreignKeys = new Map(names.map((table) => [table, store.db.prepare('SELECT "table", "from" FROM pragma_foreign_key_list(?)').all(table) as Array<{ table: string; from: string }>]));
  const columnOf = new Map<string, string>();
  for (const table of names) {
    const byKey = foreignKeys.get(table)!.find((key) => key.table === 'deduction_task');
    const hasTaskId = (store.db.prepare('SELECT count(*) FROM pragma_table_info(?) WHERE name = ?').pluck().get(table, 'task_id') as bigint | number) > 0;
    if (byKey) columnOf.set(table, byKey.from);
    else if (hasTaskId) columnOf.set(table, 'task_id');
  }
  const tables = [...columnOf.keys()];
  const ordered: string[] = [];
  const place = (table: string, path: Set<string>): void => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const other of tables) if (other !== table && foreignKeys.get(other)!.some((key) => key.table === table)) place(other, path);
    path.delete(table);
    ordered.push(table);
  };
  for (const table of tables) place(table, new Set());
  return ordered.map((table) => ({ table, column: columnOf.get(table)! }));
}

/** An estimate of the rows deleting a task removes, to size transactions. */
function taskWeight(store: Store, task: RemovableTask): number {
  const row = store.first(store.kysely.selectFrom('deduction_task').select('total_nodes').where('id', '=', task.taskId));
  return 1 + task.logLines + Number(row?.total_nodes ?? 0) * 4;
}

/**
 * Deletes the selected tasks with all their rows. Live tasks named are refused before anything
 * is deleted; one that turns live while the deletion runs is skipped whole.
 */
export async function deleteTasks(store: Store, selection: TaskSelection, options: DeleteOptions = {}): Promise<DeleteTasksResult> {
  const now = (options.now ?? Date.now)();
  const tasks = selectRemovableTasks(store, selection, now);
  const budget = Math.max(1, options.batchRows ?? DEFAULT_BATCH_ROWS);
  const deletes = taskTables(store).map(({ table, column }) => store.db.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`));
  const statusOf = store.db.prepare('SELECT status FROM deduction_task WHERE id = ?').pluck();
  const removeTask = store.db.prepare('DELETE FROM deduction_task WHERE id = ?');
  const result: DeleteTasksResult = { deleted: [], logLines: 0, skipped: [] };
  const runBatch = store.db.transaction((batch: RemovableTask[]) => {
    const done: RemovableTask[] = [];
    for (const task of batch) {
      const id = BigInt(task.taskId);
      // Checked again inside the transaction: a task started since it was selected is left whole.
      const status = statusOf.get(id) as RemovableTask['status'] | undefined;
      if (status === undefined || LIVE_TASK_STATUSES.includes(status)) continue;
      for (const remove of deletes) remove.run(id);
      removeTask.run(id);
      done.push(task);
    }
    return done;
  });
  let batch: RemovableTask[] = [];
  let weight = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const done = runBatch.immediate(batch);
    const ids = new Set(done.map((task) => task.taskId));
    for (const task of batch) {
      if (ids.has(task.taskId)) {
        result.deleted.push(task.taskId);
        result.logLines += task.logLines;
      } else result.skipped.push(task.taskId);
    }
    options.onBatch?.([...ids]);
    batch = [];
    weight = 0;
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (const task of tasks) {
    const cost = taskWeight(store, task);
    if (batch.length > 0 && weight + cost > budget) await flush();
    batch.push(task);
    weight += cost;
  }
  await flush();
  return result;
}
