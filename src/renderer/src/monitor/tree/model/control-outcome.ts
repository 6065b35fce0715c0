import type { TaskChange } from '../../../../../shared/task/changes';

/** Whether a batch of change events moved this node of this task. */
export function changesTouchNode(changes: readonly TaskChange[], taskId: string, nodeId: string): boolean {
  return changes.some((change) => change.taskId === taskId && change.nodes.some((node) => node.nodeId === nodeId));
}
