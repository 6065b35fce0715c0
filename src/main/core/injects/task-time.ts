import type { Id } from '../../../shared/ids';
import { taskTimeAt } from '../../../shared/clock/task-time';
import { clockAnchors } from '../clock/task-clock';
import type { Store } from '../store/store';

/**
 * The task time injects fire on: the simulation time of the task's exercise clock at wall time
 * `wallMs` (the wall time since its start while the clock was never changed); 0 before it starts.
 */
export function taskTimeMs(store: Store, taskId: Id, taskStart: number | null, wallMs: number): number {
  return taskStart === null ? 0 : taskTimeAt(taskStart, clockAnchors(store, taskId), wallMs);
}

/** A started task's wall-to-task-time reading, for the injects it lists; null before it starts. */
export function taskTimeReader(store: Store, taskId: Id, taskStart: number | null): ((wallMs: number) => number) | null {
  if (taskStart === null) return null;
  const anchors = clockAnchors(store, taskId);
  return (wallMs) => taskTimeAt(taskStart, anchors, wallMs);
}
