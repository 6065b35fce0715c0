import { buildAfterAction, type AfterActionReport } from '../../../shared/report/after-action';
import type { Store } from '../store/store';
import { listBookmarks } from '../review/bookmark-rows';
import { getTask } from '../tasks/task-queries';
import { reportTaskOf, type GatherOptions } from './gather-report';

/**
 * What the after-action review needs, in four queries: the task, its nodes and dependencies
 * (what never changes), every status transition (what the moments are rebuilt from) and its
 * bookmarks.
 */
export function gatherAfterAction(store: Store, taskId: string, options: GatherOptions = {}): AfterActionReport {
  const now = options.now ?? Date.now();
  const task = getTask(store, taskId);
  const nodes = store.all(
    store.kysely.selectFrom('workflow_node').select(['node_id', 'node_name', 'node_type', 'parent_node_id', 'level']).where('task_id', '=', task.taskId).orderBy('id'),
  );
  const edges = store.all(store.kysely.selectFrom('node_dependency').select(['node_id', 'source_node_id']).where('task_id', '=', task.taskId).orderBy('id'));
  const transitions = store.all(
    store.kysely.selectFrom('node_state_transition').select(['node_id', 'batch', 'from_status', 'to_status', 'created_at']).where('task_id', '=', task.taskId).orderBy('id'),
  );
  return buildAfterAction({
    generatedAt: now,
    timeZone: options.timeZone ?? 'UTC',
    task: reportTaskOf(task, now),
    nodes: nodes.map((row) => ({ nodeId: row.node_id, name: row.node_name, nodeType: row.node_type, parentId: row.parent_node_id, level: row.level })),
    edges: edges.map((row) => ({ nodeId: row.node_id, sourceNodeId: row.source_node_id })),
    transitions: transitions.map((row) => ({ nodeId: row.node_id, batch: row.batch, from: row.from_status, to: row.to_status, time: row.created_at })),
    bookmarks: listBookmarks(store, task.taskId),
  });
}
