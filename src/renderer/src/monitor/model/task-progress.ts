import { endedShare } from '../../../../shared/task/progress';
import type { TaskCounters } from '../../../../shared/task/views';
import type { TaskNodes } from '../../task-panels/task-panel';

/**
 * A task's progress as its root row shows it: the shared rule over the agents the root
 * manages. The task's own counters count containers too, so they are the answer only when
 * the root's view is missing (a list of tasks, which has no nodes).
 */
export function taskShare(task: TaskCounters & { rootNodeId: string }, nodes: TaskNodes | null): number {
  const managed = nodes?.byId.get(task.rootNodeId)?.managedNodes;
  if (managed) return endedShare(managed);
  return endedShare({ total: task.totalNodes, completed: task.completedNodes, failed: task.failedNodes, skipped: task.skippedNodes });
}
