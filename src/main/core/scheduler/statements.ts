import type { Statement } from 'better-sqlite3';
import type { Database } from '../store/tables';
import type { Store } from '../store/store';

/**
 * The statements the scheduler runs for every transition, prepared once per store and run
 * directly on better-sqlite3: building and compiling a kysely query per row costs more than
 * SQLite's own work on these narrow rows. Rows go in as multi-row INSERTs of fixed sizes (64,
 * 16, 4, 3, 2, 1), so a commit of n rows runs about n/64 statements and each table keeps six
 * prepared statements.
 */
export const CHUNK_SIZES = [64, 16, 4, 3, 2, 1] as const;

type Columns<T extends keyof Database> = readonly (keyof Database[T] & string)[];

/** One row to insert, named by its columns: a column the list holds cannot be left out or misplaced. */
export type RowValues<C extends readonly string[]> = { readonly [K in C[number]]: unknown };

/** Appends a row's values to a flat array in the order of `columns`, as a RowInserter takes them. */
export function pushRow<C extends readonly string[]>(out: unknown[], columns: C, row: RowValues<C>): void {
  for (const column of columns as readonly C[number][]) out.push(row[column]);
}

export const TRANSITION_COLUMNS = ['id', 'task_id', 'node_id', 'batch', 'from_status', 'to_status', 'reason', 'trigger_type', 'operator', 'created_at'] as const satisfies Columns<'node_state_transition'>;
export const TRANSITION_WIDTH = TRANSITION_COLUMNS.length;

export const NODE_COLUMNS = [
  'id',
  'task_id',
  'node_id',
  'node_type',
  'node_name',
  'parent_node_id',
  'is_root',
  'level',
  'agent_load',
  'agent_config',
  'container_config',
  'join_mode',
  'priority',
  'retry_policy',
  'timeout_ms',
  'pin',
  'activation',
  'agent_meta_id',
  'agent_url',
  'container_type',
  'env_config',
  'biz_value',
  'kind',
  'created_at',
  'updated_at',
  'required_skills',
  'assignee',
] as const satisfies Columns<'workflow_node'>;

export const DEPENDENCY_COLUMNS = ['id', 'task_id', 'node_id', 'source_node_id', 'dependency_type', 'condition', 'created_at'] as const satisfies Columns<'node_dependency'>;

/** The progress and resource use an Engine reports of an execution: inserted and updated alike. */
const EXECUTION_USAGE_COLUMNS = ['managed_nodes_total', 'managed_nodes_completed', 'cpu_peak', 'cpu_mean', 'memory_peak', 'memory_mean'] as const;

export const EXECUTION_COLUMNS = [
  'id',
  'task_id',
  'node_id',
  'batch',
  'engine_id',
  'status',
  'resolved_config',
  'result',
  'progress',
  'exit_code',
  'error_code',
  'error_message',
  'start_time',
  'end_time',
  'duration_ms',
  'created_at',
  'updated_at',
  'engine_node_id',
  'queue_time_ms',
  ...EXECUTION_USAGE_COLUMNS,
] as const satisfies Columns<'node_execution'>;

export const NODE_UPDATE_COLUMNS = [
  'status',
  'current_batch',
  'progress',
  'result',
  'error_code',
  'error_message',
  'engine_id',
  'not_before',
  'ready_time',
  'start_time',
  'end_time',
  'updated_at',
] as const satisfies Columns<'workflow_node'>;

export const EXECUTION_UPDATE_COLUMNS = [
  'status',
  'engine_id',
  'result',
  'progress',
  'exit_code',
  'error_code',
  'error_message',
  'end_time',
  'duration_ms',
  'updated_at',
  ...EXECUTION_USAGE_COLUMNS,
] as const satisfies Columns<'node_execution'>;

/** What changes when only the counters move; status stays out so that its index is not rewritten. */
export const TASK_COUNTER_COLUMNS = ['completed_nodes', 'failed_nodes', 'running_nodes', 'skipped_nodes', 'updated_at'] as const satisfies Columns<'deduction_task'>;

export const TASK_UPDATE_COLUMNS = [
  'status',
  'completed_nodes',
  'failed_nodes',
  'running_nodes',
  'skipped_nodes',
  'error_message',
  'start_time',
  'end_time',
  'engine_task_id',
  'engine_url',
  'updated_at',
] as const satisfies Columns<'deduction_task'>;

type InsertTable = 'node_state_transition' | 'node_execution' | 'workflow_node' | 'node_dependency';

const quote = (name: string): string => `"${name}"`;

export interface RowInserter {
  readonly width: number;
  /** Inserts rows given as one flat array, `width` values per row. */
  insert(flat: readonly unknown[]): void;
}

export function rowInserter<T extends InsertTable>(store: Store, table: T, columns: Columns<T>): RowInserter {
  const width = columns.length;
  const row = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
  const statements = CHUNK_SIZES.map((size) => store.db.prepare(head + Array.from({ length: size }, () => row).join(', ')));
  return {
    width,
    insert(flat) {
      const total = flat.length / width;
      if (total === 1) {
        statements[CHUNK_SIZES.length - 1]!.run(flat);
        return;
      }
      let at = 0;
      CHUNK_SIZES.forEach((size, index) => {
        const statement = statements[index]!;
        while (total - at >= size) {
          statement.run(flat.slice(at * width, (at + size) * width));
          at += size;
        }
      });
    },
  };
}

export interface RowUpdater<C extends readonly string[]> {
  /** `UPDATE table SET a = ?, b = ? … WHERE id = ?` with the row's values in the order of the columns. */
  run(row: RowValues<C>, id: bigint): void;
}

function updateById<T extends keyof Database, C extends Columns<T>>(store: Store, table: T, columns: C): RowUpdater<C> {
  const statement: Statement = store.db.prepare(`UPDATE ${quote(table)} SET ${columns.map((column) => `${quote(column)} = ?`).join(', ')} WHERE "id" = ?`);
  const values: unknown[] = [];
  return {
    run(row, id) {
      values.length = 0;
      pushRow(values, columns, row);
      values.push(id);
      statement.run(values);
    },
  };
}

export interface SchedulerStatements {
  transitions: RowInserter;
  executions: RowInserter;
  updateNode: RowUpdater<typeof NODE_UPDATE_COLUMNS>;
  updateExecution: RowUpdater<typeof EXECUTION_UPDATE_COLUMNS>;
  updateTaskCounters: RowUpdater<typeof TASK_COUNTER_COLUMNS>;
  updateTask: RowUpdater<typeof TASK_UPDATE_COLUMNS>;
}

export function schedulerStatements(store: Store): SchedulerStatements {
  return {
    transitions: rowInserter(store, 'node_state_transition', TRANSITION_COLUMNS),
    executions: rowInserter(store, 'node_execution', EXECUTION_COLUMNS),
    updateNode: updateById(store, 'workflow_node', NODE_UPDATE_COLUMNS),
    updateExecution: updateById(store, 'node_execution', EXECUTION_UPDATE_COLUMNS),
    updateTaskCounters: updateById(store, 'deduction_task', TASK_COUNTER_COLUMNS),
    updateTask: updateById(store, 'deduction_task', TASK_UPDATE_COLUMNS),
  };
}
