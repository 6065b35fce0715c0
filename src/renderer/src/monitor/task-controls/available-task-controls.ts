import { TASK_TRANSITIONS, type TaskStatus } from '../../../../shared/status';
import type { TaskSummary } from '../../../../shared/task/views';

export const TASK_CONTROLS = ['start', 'pause', 'resume', 'stop', 'retryFailed'] as const;
export type TaskControl = (typeof TASK_CONTROLS)[number];

const can = (from: TaskStatus, to: TaskStatus) => TASK_TRANSITIONS[from].includes(to);

/** The controls the task's state machine allows now; the core checks again when one is used. */
export function availableTaskControls(task: Pick<TaskSummary, 'status' | 'failedNodes'>): ReadonlySet<TaskControl> {
  const controls = new Set<TaskControl>();
  if (task.status === 'pending' && can('pending', 'initializing')) controls.add('start');
  if (can(task.status, 'paused')) controls.add('pause');
  if (task.status === 'paused' && can('paused', 'running')) controls.add('resume');
  if (can(task.status, 'stopped')) controls.add('stop');
  if (task.failedNodes > 0 && (task.status === 'running' || can(task.status, 'running'))) controls.add('retryFailed');
  return controls;
}
