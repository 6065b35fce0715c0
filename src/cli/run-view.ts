import { isActiveNodeStatus, type NodeStatus } from '../shared/status';
import type { NodeChange, TaskSnapshot } from '../shared/task/changes';
import type { NodeView } from '../shared/task/nodes';

const MARK: Record<NodeStatus, string> = {
  pending: '·',
  waiting: '…',
  ready: '○',
  initializing: '◔',
  running: '▶',
  completed: '✔',
  failed: '✘',
  stopped: '■',
  skipped: '↷',
  held: '⏸',
};

/** A node as the terminal shows it, kept current from the scheduler's change feed. */
interface Row {
  nodeId: string;
  name: string;
  depth: number;
  status: NodeStatus;
  progress: number;
  batch: number;
}

export function bar(progress: number, width = 20): string {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/**
 * What `deduction run` shows while a task runs: on a terminal, the tree redrawn in place with
 * progress bars; piped, one plain line per node status change.
 */
export class RunView {
  private readonly rows: Row[] = [];
  private readonly byId = new Map<string, Row>();
  private drawnLines = 0;
  private task: TaskSnapshot | null = null;

  constructor(
    nodes: NodeView[],
    private readonly write: (text: string) => void,
    private readonly live: boolean,
    private readonly maxRows = 40,
  ) {
    const depth = new Map<string, number>();
    for (const node of nodes) {
      // The kind says what the operator will be asked for (a manual step) or what decides a branch.
      const name = `${node.name ?? node.nodeId}${node.kind ? ` [${node.kind}]` : ''}`;
      const row = { nodeId: node.nodeId, name, depth: node.parentId === null ? 0 : (depth.get(node.parentId) ?? 0) + 1, status: node.status, progress: node.progress, batch: node.batch };
      depth.set(node.nodeId, row.depth);
      this.rows.push(row);
      this.byId.set(node.nodeId, row);
    }
  }

  apply(task: TaskSnapshot | null, nodes: NodeChange[]): void {
    if (task) this.task = task;
    for (const change of nodes) {
      const row = this.byId.get(change.nodeId);
      if (!row) continue;
      const moved = row.status !== change.status || row.batch !== change.batch;
      Object.assign(row, { status: change.status, progress: change.progress, batch: change.batch });
      if (!this.live && moved) this.write(`${new Date().toISOString()} ${change.nodeId} ${change.status}${change.batch > 1 ? ` (batch ${change.batch})` : ''}`);
    }
  }

  /** Redraws the tree in place (terminals only). */
  draw(): void {
    if (!this.live) return;
    const lines = [this.summary(), ...this.visibleRows().map((row) => `${'  '.repeat(row.depth)}${MARK[row.status]} ${row.name.slice(0, 48).padEnd(48 - row.depth * 2)} ${bar(row.status === 'completed' ? 1 : row.progress)} ${row.status}${row.batch > 1 ? ` #${row.batch}` : ''}`)];
    const up = this.drawnLines > 0 ? `\u001b[${this.drawnLines}F` : '';
    this.write(`${up}${lines.map((line) => `\u001b[2K${line}`).join('\n')}`);
    this.drawnLines = lines.length;
  }

  summary(): string {
    const task = this.task;
    if (!task) return 'starting…';
    const done = task.completedNodes + task.failedNodes + task.skippedNodes;
    return `${task.status.padEnd(12)} ${bar(task.totalNodes === 0 ? 1 : done / task.totalNodes, 30)} ${done}/${task.totalNodes} ended · ${task.runningNodes} running · ${task.failedNodes} failed · ${task.skippedNodes} skipped`;
  }

  /** Active nodes first when the tree is taller than the screen. */
  private visibleRows(): Row[] {
    if (this.rows.length <= this.maxRows) return this.rows;
    const active = this.rows.filter((row) => isActiveNodeStatus(row.status));
    return [...active, ...this.rows.filter((row) => !active.includes(row))].slice(0, this.maxRows);
  }
}
