import type BetterSqlite3 from 'better-sqlite3';
import { isId } from '../../../shared/ids';
import { defaultLogCategory, LOG_TYPES, type LogType } from '../../../shared/status';
import type { Store } from '../store/store';
import { freeTaskName } from '../tasks/task-names';
import { BundleError } from './bundle-error';
import type { RowLine } from './bundle-format';
import type { NodeCounts } from './bundle-rows';
import { errorText } from '../../../shared/error-text';

/** References a task row carries to rows of the exporting database, which this one lacks. */
const FOREIGN_REFERENCES = ['scheme_id', 'env_instance_id', 'template_id'] as const;
const COUNTER_COLUMNS = ['total_nodes', 'total_containers', 'total_agents', 'completed_nodes', 'failed_nodes', 'running_nodes', 'skipped_nodes'] as const;
/** Statements kept per column set: an exported bundle has one set per table; an edited one may vary row by row. */
const MAX_STATEMENTS = 64;

/**
 * Writes checked bundle rows (see import-run.ts): new ids for every row but the task, log
 * lines linked to their execution's new id, the task marked imported with its counters at
 * zero until `finish` sets them from the node rows.
 */
export class RowInserter {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly executionIds = new Map<string, bigint>();

  constructor(
    private readonly store: Store,
    private readonly file: string,
    private readonly now: number,
  ) {}

  insert({ t: table, r: row }: RowLine, line: number): void {
    const values: Record<string, unknown> = { ...row };
    if (table === 'deduction_task') {
      // Task names are unique here: another workstation's "drill" arrives as "drill (2)".
      if (typeof row['task_name'] === 'string') values['task_name'] = freeTaskName(this.store, row['task_name']);
      for (const reference of FOREIGN_REFERENCES) values[reference] = null;
      for (const counter of COUNTER_COLUMNS) values[counter] = 0;
      values['imported_at'] = this.now;
    } else if (table !== 'deduction_task_snapshot') {
      delete values['id'];
    }
    if (table === 'node_execution_log' && row['execution_id'] !== null && row['execution_id'] !== undefined) {
      values['execution_id'] = this.executionIds.get(String(row['execution_id']));
    }
    // A bundle exported before log lines had categories: its system lines are system lines.
    if (table === 'node_execution_log' && !('log_category' in row) && LOG_TYPES.includes(row['log_type'] as LogType)) {
      values['log_category'] = defaultLogCategory(row['log_type'] as LogType);
    }
    const names = Object.keys(values);
    const key = `${table}(${names.join(',')})`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.store.db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
      if (this.statements.size < MAX_STATEMENTS) this.statements.set(key, statement);
    }
    let rowid: bigint;
    try {
      rowid = BigInt(statement.run(...names.map((name) => bindValue(name, values[name]))).lastInsertRowid);
    } catch (error) {
      throw new BundleError(this.file, line, `the database refused this ${table} row: ${errorText(error)}`);
    }
    if (table === 'node_execution') this.executionIds.set(String(row['id']), rowid);
  }

  finish(taskId: string, digest: string, counts: NodeCounts): void {
    this.store.db
      .prepare(
        `UPDATE deduction_task SET total_nodes = ?, total_containers = ?, total_agents = ?, completed_nodes = ?, failed_nodes = ?, running_nodes = ?, skipped_nodes = ?, import_digest = ?
         WHERE id = ?`,
      )
      .run(counts.total, counts.containers, counts.agents, counts.completed, counts.failed, counts.running, counts.skipped, digest, BigInt(taskId));
  }
}

function bindValue(column: string, value: unknown): unknown {
  return typeof value === 'string' && (column === 'id' || column.endsWith('_id')) && isId(value) ? BigInt(value) : value;
}
