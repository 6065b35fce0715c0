import type { RunSide } from '../../../shared/compare/run-compare';
import type { Store } from '../store/store';
import { taskRow } from '../tasks/task-queries';
import { parseJsonColumn } from '../tasks/rows';

/** A stored task as one side of a comparison: its nodes' statuses, attempts, durations and results. */
export function runSide(store: Store, taskId: string): RunSide {
  // The task's row only: a comparison needs no workflow snapshot, which for a large task is megabytes of JSON.
  const task = taskRow(store, taskId);
  const nodes = store.all(
    store.kysely
      .selectFrom('workflow_node')
      .select(['node_id', 'node_type', 'node_name', 'status', 'current_batch', 'start_time', 'end_time', 'result'])
      .where('task_id', '=', task.id)
      .orderBy('id'),
  );
  return {
    taskId: task.id,
    name: task.task_name,
    status: task.status,
    startTime: task.start_time,
    endTime: task.end_time,
    variables: parseJsonColumn<Record<string, unknown>>(task.variables) ?? {},
    nodes: nodes.map((node) => ({
      nodeId: node.node_id,
      nodeType: node.node_type,
      name: node.node_name,
      status: node.status,
      batches: node.current_batch,
      durationMs: node.start_time !== null && node.end_time !== null ? node.end_time - node.start_time : null,
      result: parseJsonColumn(node.result) ?? null,
    })),
  };
}
