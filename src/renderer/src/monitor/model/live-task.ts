import type { NodeChange, TaskChange } from '../../../../shared/task/changes';
import type { TaskDetail } from '../../../../shared/task/views';
import type { TaskNodes } from '../../task-panels/task-panel';
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
    task = withEnginesOf(task, change.nodes);
    nodes = applyNodeChanges(nodes, change.nodes, task.variables);
  }
  return { task, nodes };
}

/** A task's Engines are those any of its executions ran on, sorted as the store lists them. */
function withEnginesOf(task: TaskDetail, changes: readonly NodeChange[]): TaskDetail {
  let engineIds: string[] | null = null;
  for (const { engineId } of changes) {
    if (engineId === null || task.engineIds.includes(engineId) || engineIds?.includes(engineId)) continue;
    engineIds = [...(engineIds ?? task.engineIds), engineId];
  }
  return engineIds === null ? task : { ...task, engineIds: engineIds.sort() };
}
