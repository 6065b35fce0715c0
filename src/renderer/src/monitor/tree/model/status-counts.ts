import type { NodeStatus } from '../../../../../shared/status';
import type { TaskNodes } from '../../../task-panels/task-panel';

/** How many nodes stand in each status, for the filter chips. */
export function statusCounts(nodes: TaskNodes): Map<NodeStatus, number> {
  const out = new Map<NodeStatus, number>();
  for (const node of nodes.byId.values()) out.set(node.status, (out.get(node.status) ?? 0) + 1);
  return out;
}
