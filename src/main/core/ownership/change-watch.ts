import type { LogsAppended } from '../../../shared/api/live';
import type { Id } from '../../../shared/ids';
import type { NodeChange, TaskChange, TaskSnapshot } from '../../../shared/task/changes';
import type { Store } from '../store/store';

export interface ChangeWatchOptions {
  store: Store;
  intervalMs: number;
  /** Tasks this process drives: their changes reach the live streams from its own scheduler. */
  isOwn(taskId: Id): boolean;
  onTaskChanges(changes: TaskChange[]): void;
  onLogsAppended(batch: LogsAppended[]): void;
  now?: () => number;
}

export interface ChangeWatch {
  /** Looks once (the timer calls it); returns whether another connection had committed. */
  poll(): boolean;
  close(): void;
}

/**
 * A row's updated_at is its step's start time, and a step commits a little later, so a row
 * committed after a look may carry a time just before it: each look reads this far back and
 * keeps only rows that differ from what it already published.
 */
const LOOK_BACK_MS = 2000;

const ACTIVE_STATUSES = ['initializing', 'running', 'paused'] as const;

interface TaskWatch {
  signature: string;
  nodes: Map<string, { signature: string; updatedAt: number }>;
  /** Newest node updated_at seen: the next look reads from a little before it. */
  nodesSince: number;
  /** Id of the newest log line seen. */
  lastLogId: bigint;
}

/**
 * Every process sees the others' commits live: SQLite's `PRAGMA data_version` changes only
 * when another connection commits, so a look that finds it unchanged costs one pragma. When it
 * changed, the tasks that are active or changed lately (and not driven here) are read again,
 * with their nodes changed since the last look and the nodes that wrote log lines, and
 * published as the same taskChanged and logsAppended events the window already follows.
 */
export function watchOtherProcesses(options: ChangeWatchOptions): ChangeWatch {
  const { store } = options;
  const now = options.now ?? Date.now;
  const watched = new Map<Id, TaskWatch>();
  let version: unknown = store.db.pragma('data_version', { simple: true });
  let since = now() - LOOK_BACK_MS;

  const taskRows = () =>
    store.all(
      store.kysely
        .selectFrom('deduction_task')
        .select(['id', 'status', 'total_nodes', 'completed_nodes', 'failed_nodes', 'running_nodes', 'skipped_nodes', 'start_time', 'end_time', 'error_message', 'engine_task_id', 'engine_url', 'updated_at'])
        .where((eb) => eb.or([eb('status', 'in', ACTIVE_STATUSES), eb('updated_at', '>=', since - LOOK_BACK_MS)])),
    );
  const nodeRows = (taskId: Id, from: number) =>
    store.all(
      store.kysely
        .selectFrom('workflow_node')
        .select(['node_id', 'status', 'current_batch', 'progress', 'result', 'error_code', 'error_message', 'engine_id', 'not_before', 'ready_time', 'start_time', 'end_time', 'updated_at'])
        .where('task_id', '=', taskId)
        .where('updated_at', '>=', from),
    );
  const logStatement = store.db.prepare('SELECT node_id, max(id) AS last FROM node_execution_log WHERE task_id = ? AND id > ? GROUP BY node_id');
  const lastLogStatement = store.db.prepare('SELECT max(id) FROM node_execution_log WHERE task_id = ?').pluck();

  const look = (): void => {
    const changes: TaskChange[] = [];
    const logs: LogsAppended[] = [];
    const seen = new Set<Id>();
    let newest = since;
    for (const row of taskRows()) {
      if (options.isOwn(row.id)) continue;
      seen.add(row.id);
      let watch = watched.get(row.id);
      if (!watch) {
        const lastLog = lastLogStatement.get(BigInt(row.id)) as bigint | null;
        watch = { signature: '', nodes: new Map(), nodesSince: since, lastLogId: lastLog ?? 0n };
        watched.set(row.id, watch);
      }
      const snapshot: TaskSnapshot = {
        taskId: row.id,
        status: row.status,
        totalNodes: row.total_nodes,
        completedNodes: row.completed_nodes,
        failedNodes: row.failed_nodes,
        runningNodes: row.running_nodes,
        skippedNodes: row.skipped_nodes,
        startTime: row.start_time,
        endTime: row.end_time,
        errorMessage: row.error_message,
        engineTaskId: row.engine_task_id,
        engineUrl: row.engine_url,
      };
      const signature = JSON.stringify(snapshot);
      const change: TaskChange = { taskId: row.id, task: null, nodes: [] };
      if (signature !== watch.signature) {
        watch.signature = signature;
        change.task = snapshot;
      }
      newest = Math.max(newest, row.updated_at);
      for (const node of nodeRows(row.id, watch.nodesSince - LOOK_BACK_MS)) {
        const nodeChange: NodeChange = {
          nodeId: node.node_id,
          status: node.status,
          batch: node.current_batch,
          progress: node.progress,
          result: (node.result === null ? null : JSON.parse(node.result)) as NodeChange['result'],
          errorCode: node.error_code,
          errorMessage: node.error_message,
          engineId: node.engine_id,
          notBefore: node.not_before,
          readyTime: node.ready_time,
          startTime: node.start_time,
          endTime: node.end_time,
        };
        const nodeSignature = `${node.updated_at}:${JSON.stringify(nodeChange)}`;
        if (watch.nodes.get(node.node_id)?.signature === nodeSignature) continue;
        watch.nodes.set(node.node_id, { signature: nodeSignature, updatedAt: node.updated_at });
        watch.nodesSince = Math.max(watch.nodesSince, node.updated_at);
        change.nodes.push(nodeChange);
      }
      // Nodes out of the look-back window cannot come back unchanged; forgetting them keeps the map small.
      for (const [nodeId, entry] of watch.nodes) if (entry.updatedAt < watch.nodesSince - 2 * LOOK_BACK_MS) watch.nodes.delete(nodeId);
      newest = Math.max(newest, watch.nodesSince);
      if (change.task || change.nodes.length > 0) changes.push(change);
      const wrote = (logStatement.all(BigInt(row.id), watch.lastLogId) as { node_id: string; last: bigint }[]).filter((entry) => entry.last !== null);
      if (wrote.length > 0) {
        for (const entry of wrote) if (entry.last > watch.lastLogId) watch.lastLogId = entry.last;
        logs.push({ taskId: row.id, nodeIds: wrote.map((entry) => entry.node_id) });
      }
    }
    for (const taskId of watched.keys()) if (!seen.has(taskId)) watched.delete(taskId);
    since = newest;
    if (changes.length > 0) options.onTaskChanges(changes);
    if (logs.length > 0) options.onLogsAppended(logs);
  };

  const poll = (): boolean => {
    if (!store.db.open) return false;
    const current = store.db.pragma('data_version', { simple: true });
    if (current === version) return false;
    version = current;
    look();
    return true;
  };
  const timer = setInterval(poll, options.intervalMs);
  timer.unref();
  return {
    poll,
    close: () => clearInterval(timer),
  };
}
