import type { TaskCounters } from '../../../shared/task/views';

export const COUNTER_NAMES = ['completed', 'running', 'failed', 'skipped', 'total'] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];

/** The counters every task view shows, in the order it shows them. */
export function taskCounters(task: TaskCounters): [CounterName, number][] {
  return [
    ['completed', task.completedNodes],
    ['running', task.runningNodes],
    ['failed', task.failedNodes],
    ['skipped', task.skippedNodes],
    ['total', task.totalNodes],
  ];
}
