import { isId } from '../../../shared/ids';
import type { NodeStatus } from '../../../shared/status';
import { counterOf } from '../scheduler/counters';
import { BundleError } from './bundle-error';
import { RUN_TABLES, type RowLine, type RunTable } from './bundle-format';

/** A task's counters as its node rows say, never as the bundle's task row claims. */
export interface NodeCounts {
  total: number;
  containers: number;
  agents: number;
  completed: number;
  failed: number;
  running: number;
  skipped: number;
}

const NODES = RUN_TABLES.indexOf('workflow_node');
/** Tables whose rows name one of the task's nodes in node_id. */
const NODE_ROWS: ReadonlySet<RunTable> = new Set(['node_dependency', 'node_execution', 'node_execution_log', 'node_state_transition', 'resource_sample']);

/**
 * Checks, row by row, that a bundle is one task and nothing else: rows in table order, the
 * task row first and once, every other row of that task, every node, parent, dependency
 * source and execution they name inside the bundle, and no column this database lacks. The
 * first row that fails is named by its line. Holds only the task's node and execution ids.
 */
export class BundleRows {
  readonly counts = Object.fromEntries(RUN_TABLES.map((table) => [table, 0])) as Record<RunTable, number>;
  readonly nodeCounts: NodeCounts = { total: 0, containers: 0, agents: 0, completed: 0, failed: 0, running: 0, skipped: 0 };
  private table = -1;
  private readonly nodes = new Set<string>();
  private readonly executions = new Set<string>();
  /** Parents and the root are checked once every node is known: a node may come before its parent. */
  private pendingNodeRefs: Array<{ node: string; line: number; what: string }> = [];
  private nodesClosed = false;

  constructor(
    private readonly file: string,
    private readonly taskId: string,
    private readonly columns: ReadonlyMap<RunTable, ReadonlySet<string>>,
  ) {}

  check({ t: table, r: row }: RowLine, line: number): void {
    const index = RUN_TABLES.indexOf(table);
    if (index < this.table) this.fail(line, `a ${table} row after ${RUN_TABLES[this.table]} rows: a bundle holds its rows table by table, in the order ${RUN_TABLES.join(', ')}`);
    if (index > NODES) this.closeNodes();
    this.table = index;
    const known = this.columns.get(table)!;
    const unknown = Object.keys(row).filter((column) => !known.has(column));
    if (unknown.length > 0) this.fail(line, `this ${table} row carries columns this app does not know: ${unknown.join(', ')}`);

    if (table === 'deduction_task') {
      if (this.counts.deduction_task > 0) this.fail(line, 'a second task row: a bundle holds exactly one task');
      if (row['id'] !== this.taskId) this.fail(line, `this task row is task ${String(row['id'])}, but the header names task ${this.taskId}`);
      this.pendingNodeRefs.push({ node: String(row['root_node_id']), line, what: 'root node' });
    } else {
      if (this.counts.deduction_task === 0) this.fail(line, `a ${table} row before the task row: the task must come first`);
      if (row['task_id'] !== this.taskId) this.fail(line, `this ${table} row belongs to task ${String(row['task_id'])}, not to the bundle's task ${this.taskId}`);
    }
    if (table === 'deduction_task_snapshot' && this.counts.deduction_task_snapshot > 0) this.fail(line, 'a second workflow snapshot: a task has one');
    if (table === 'workflow_node') this.addNode(row, line);
    if (NODE_ROWS.has(table)) this.requireNode(table, row['node_id'], line);
    if (table === 'node_dependency') this.requireNode(table, row['source_node_id'], line);
    if (table === 'node_execution') this.addExecution(row['id'], line);
    if (table === 'node_execution_log' && row['execution_id'] !== null && row['execution_id'] !== undefined && !this.executions.has(String(row['execution_id']))) {
      this.fail(line, `this log line names execution ${String(row['execution_id'])}, which is not in the bundle`);
    }
    this.counts[table]++;
  }

  /** Checks what only the whole bundle can tell. */
  finish(lastLine: number): void {
    if (this.counts.deduction_task === 0) this.fail(lastLine, 'the bundle holds no task row');
    this.closeNodes();
  }

  private addNode(row: RowLine['r'], line: number): void {
    const nodeId = row['node_id'];
    if (typeof nodeId !== 'string' || nodeId === '') this.fail(line, 'this workflow_node row has no node_id');
    if (this.nodes.has(nodeId)) this.fail(line, `node ${JSON.stringify(nodeId)} appears a second time`);
    this.nodes.add(nodeId);
    const parent = row['parent_node_id'];
    if (parent !== null && parent !== undefined) this.pendingNodeRefs.push({ node: String(parent), line, what: 'parent node' });
    const counts = this.nodeCounts;
    counts.total++;
    if (row['node_type'] === 'container') counts.containers++;
    else counts.agents++;
    const counter = counterOf(row['status'] as NodeStatus);
    if (counter) counts[counter]++;
  }

  private addExecution(id: unknown, line: number): void {
    if (typeof id !== 'string' || !isId(id)) this.fail(line, 'this node_execution row has no decimal id, so its log lines cannot be linked to it');
    if (this.executions.has(id)) this.fail(line, `execution ${id} appears a second time`);
    this.executions.add(id);
  }

  private requireNode(table: RunTable, nodeId: unknown, line: number): void {
    if (typeof nodeId !== 'string' || !this.nodes.has(nodeId)) this.fail(line, `this ${table} row names node ${JSON.stringify(nodeId)}, which is not in the bundle`);
  }

  private closeNodes(): void {
    if (this.nodesClosed) return;
    this.nodesClosed = true;
    for (const { node, line, what } of this.pendingNodeRefs) {
      if (!this.nodes.has(node)) this.fail(line, `the ${what} ${JSON.stringify(node)} is not in the bundle`);
    }
    this.pendingNodeRefs = [];
  }

  private fail(line: number, detail: string): never {
    throw new BundleError(this.file, line, detail);
  }
}
