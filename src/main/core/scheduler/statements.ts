import type { Kysely } from 'kysely';
import type { Database } from '../store/tables';
import type { Store } from '../store/store';
import { compileOnce, slot, type Bind } from './prepared';

/**
 * The statements the scheduler runs for every transition, compiled once per store. Rows go in
 * as multi-row INSERTs of fixed sizes (64, 16, 4, 3, 2, 1), so a commit of n rows runs about n/64
 * statements and the store keeps six prepared statements per table.
 */
export const CHUNK_SIZES = [64, 16, 4, 3, 2, 1] as const;

export const TRANSITION_COLUMNS = ['id', 'task_id', 'node_id', 'batch', 'from_status', 'to_status', 'reason', 'trigger_type', 'operator', 'created_at'] as const;

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
] as const;

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
] as const;

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
] as const;

export const TASK_UPDATE_COLUMNS = [
  'status',
  'completed_nodes',
  'failed_nodes',
  'running_nodes',
  'skipped_nodes',
  'error_message',
  'start_time',
  'end_time',
  'updated_at',
] as const;

type InsertTable = 'node_state_transition' | 'node_execution' | 'workflow_node' | 'node_dependency';

export interface RowInserter {
  readonly width: number;
  /** Inserts rows given as one flat array, `width` values per row. */
  insert(flat: readonly unknown[]): void;
}

export function rowInserter(store: Store, table: InsertTable, columns: readonly string[]): RowInserter {
  const binds = new Map<number, Bind>();
  for (const size of CHUNK_SIZES) {
    const names: string[] = [];
    const rows: Record<string, unknown>[] = [];
    for (let row = 0; row < size; row++) {
      const values: Record<string, unknown> = {};
      for (const column of columns) {
        const name = `${column}#${row}`;
        names.push(name);
        values[column] = slot(name);
      }
      rows.push(values);
    }
    const kysely = store.kysely as unknown as Kysely<Record<InsertTable, Record<string, unknown>>>;
    binds.set(size, compileOnce(kysely.insertInto(table).values(rows), names));
  }
  const width = columns.length;
  return {
    width,
    insert(flat) {
      const total = flat.length / width;
      let row = 0;
      for (const size of CHUNK_SIZES) {
        const bind = binds.get(size)!;
        while (total - row >= size) {
          store.run(bind(flat.slice(row * width, (row + size) * width)));
          row += size;
        }
      }
    },
  };
}

export interface SchedulerStatements {
  transitions: RowInserter;
  executions: RowInserter;
  updateNode: Bind;
  updateExecution: Bind;
  updateTask: Bind;
}

export function schedulerStatements(store: Store): SchedulerStatements {
  const db: Kysely<Database> = store.kysely;
  const setOf = (columns: readonly string[]) => Object.fromEntries(columns.map((column) => [column, slot(column)]));
  return {
    transitions: rowInserter(store, 'node_state_transition', TRANSITION_COLUMNS),
    executions: rowInserter(store, 'node_execution', EXECUTION_COLUMNS),
    updateNode: compileOnce(db.updateTable('workflow_node').set(setOf(NODE_UPDATE_COLUMNS)).where('id', '=', slot('id')), [...NODE_UPDATE_COLUMNS, 'id']),
    updateExecution: compileOnce(
      db.updateTable('node_execution').set(setOf(EXECUTION_UPDATE_COLUMNS)).where('id', '=', slot('id')),
      [...EXECUTION_UPDATE_COLUMNS, 'id'],
    ),
    updateTask: compileOnce(db.updateTable('deduction_task').set(setOf(TASK_UPDATE_COLUMNS)).where('id', '=', slot('id')), [...TASK_UPDATE_COLUMNS, 'id']),
  };
}
