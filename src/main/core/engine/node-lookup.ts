import { executionKey, nodeKey } from '../../../shared/engine/execution-key';
import type BetterSqlite3 from 'better-sqlite3';
import type { Store } from '../store/store';

const MAX_CACHED = 20_000;

/**
 * Finds, for ingestion, whether a task and node exist and which node_execution row a batch
 * is, with a bounded cache of positive answers (rows appear, they are not renamed). A task
 * imported from a run bundle counts as unknown: it is history, and no Engine writes into it.
 */
export class NodeLookup {
  private readonly taskStatement: BetterSqlite3.Statement;
  private readonly nodeStatement: BetterSqlite3.Statement;
  private readonly executionStatement: BetterSqlite3.Statement;
  private readonly tasks = new Set<string>();
  private readonly nodes = new Set<string>();
  private readonly executions = new Map<string, bigint>();

  constructor(store: Store) {
    this.taskStatement = store.db.prepare('SELECT 1 FROM deduction_task WHERE id = ? AND imported_at IS NULL').pluck();
    this.nodeStatement = store.db
      .prepare('SELECT 1 FROM workflow_node n JOIN deduction_task t ON t.id = n.task_id WHERE n.task_id = ? AND n.node_id = ? AND t.imported_at IS NULL')
      .pluck();
    this.executionStatement = store.db.prepare('SELECT id FROM node_execution WHERE task_id = ? AND node_id = ? AND batch = ?').pluck();
  }

  hasTask(taskId: string): boolean {
    if (this.tasks.has(taskId)) return true;
    if (this.taskStatement.get(BigInt(taskId)) === undefined) return false;
    remember(this.tasks, taskId);
    return true;
  }

  /** The execution row's id, null when the node exists without one, undefined when the node does not exist. */
  execution(taskId: string, nodeId: string, batch: number): bigint | null | undefined {
    const batchKey = executionKey({ taskId, nodeId, batch });
    const cached = this.executions.get(batchKey);
    if (cached !== undefined) return cached;
    const node = nodeKey(taskId, nodeId);
    if (!this.nodes.has(node)) {
      if (this.nodeStatement.get(BigInt(taskId), nodeId) === undefined) return undefined;
      remember(this.nodes, node);
    }
    const id = this.executionStatement.get(BigInt(taskId), nodeId, batch) as bigint | undefined;
    if (id === undefined) return null;
    if (this.executions.size >= MAX_CACHED) this.executions.delete(this.executions.keys().next().value!);
    this.executions.set(batchKey, id);
    return id;
  }
}

function remember(set: Set<string>, key: string): void {
  if (set.size >= MAX_CACHED) set.delete(set.values().next().value!);
  set.add(key);
}
