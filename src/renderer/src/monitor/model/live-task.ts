import type { TaskChange } from '../../../../shared/task/changes';
import type { TaskDetail } from '../../../../shared/task/views';
import type { TaskNodes } from '../task-panel';
import { applyNodeChanges } from './task-nodes';

export interface LiveTask {
  task: TaskDetail;
  nodes: TaskNodes;
}

/** One task's changes, in commit order, applied to what the monitor shows. */
export function applyTaskChanges(current: LiveTask, changes: readonly TaskChange[]): LiveTask {
  let { task, nodes } = current;
  for (const change of changes) {
    if (change.taskId !== task.taskId) continue;
    if (change.task) {
      const { taskId: _sameTask, ...snapshot } = change.task;
      task = { ...task, ...snapshot };
    }
    nodes = applyNodeChanges(nodes, change.nodes);
  }
  return { task, nodes };
}
