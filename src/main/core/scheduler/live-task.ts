import { errorReason } from '../../../shared/api/error-reasons';
import { isOpenTaskStatus } from '../../../shared/status';
import { SchedulerError } from './errors';
import type { TaskImage } from './task-image';

/**
 * A task's graph and variables can change before it starts and while it runs or is paused;
 * an initializing task is being submitted with the graph as it stood, and an ended one is history.
 */
export function refuseUnlessChangeable(task: TaskImage): void {
  if (task.status === 'pending' || isOpenTaskStatus(task.status)) return;
  throw new SchedulerError('NOT_ALLOWED', errorReason('live.taskNotOpen', { taskId: task.id, status: task.status }));
}
