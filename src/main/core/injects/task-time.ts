/**
 * The task time injects fire on: ms since the task started. The one place injects read it, so
 * that a task running on a simulation clock changes this function only.
 */
export function taskTimeMs(taskStart: number | null, now: number): number {
  return taskStart === null ? 0 : Math.max(0, now - taskStart);
}
